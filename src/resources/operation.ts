// What mobykit knows about one operation, in one typed record: the PowerShell function that
// performs it, the cmdlet named in its errors, who may run it, whether it needs the share
// password, how it is undone from what it overwrote, and its model in the simulated host.
// Each resource module (switch.ts, nat.ts, ...) holds the records of its operations;
// registry.ts joins them, and the compiler refuses an operation missing any field.
import { makeAction, type Action, type ActionKind, type Op, type OpParams } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import type { OpHandler } from '../host/simulated/state.js';

/** Hyper-V Administrators may manage switches and VMs; everything else needs an elevated Administrator. */
type Privilege = 'hyperv-administrator' | 'administrator';

/** The action that restores what a done action overwrote, or why nothing can. */
export type Undo = { action: Action; caveats: string[] } | { impossible: string };

export interface Operation<O extends Op> {
  /** The MobyKit module function (ps1/) that performs it. */
  psFunction: string;
  /** The cmdlet (or API) that does the work on Windows: named in its errors. */
  cmdlet: string;
  privilege: Privilege;
  /** Needs the share password at apply time; it is never part of the action. */
  needsSecret: boolean;
  /** From the snapshots before and after the run: how to put back what it changed. */
  undo(done: Action<O>, before: Snapshot, now: Snapshot): Undo;
  /** The operation in the simulated host, with the real cmdlet's rules and refusals. */
  simulate: OpHandler<O>;
}

export type Operations<O extends Op> = { [K in O]: Operation<K> };

/** An undo action on the same step, target and resource as the action it undoes. */
export function undoBy<O extends Op>(done: Action, op: O, kind: ActionKind, description: string, params: OpParams[O]): Undo {
  const { step, target, resource } = done;
  return { action: makeAction({ step, op, kind, target, resource, description: `Undo: ${description}`, params, multi: true }), caveats: [] };
}

/** For removals of what cannot be brought back (a deleted switch Id, disk, token or password). */
export function cannotUndo(done: Action): Undo {
  return { impossible: `${done.description} cannot be undone` };
}
