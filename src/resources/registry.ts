// Every operation mobykit performs, one typed record each (operation.ts), by resource.
// The type lists every Op: an operation added to OpParams without a record does not compile.
import type { Action, Op } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Operation, Undo } from './operation.js';
import { switchOperations } from './switch.js';
import { addressOperations } from './address.js';
import { natOperations } from './nat.js';
import { firewallOperations } from './firewall.js';
import { vmOperations } from './vm.js';
import { kvpOperations } from './kvp.js';
import { shareOperations } from './share.js';
import { credentialOperations } from './credential.js';
import { accountOperations } from './account.js';

export const OPERATIONS: { readonly [O in Op]: Operation<O> } = {
  ...switchOperations, ...addressOperations, ...natOperations, ...firewallOperations,
  ...vmOperations, ...kvpOperations, ...shareOperations, ...credentialOperations, ...accountOperations,
};

/** The record of an action's operation; undefined for an op no record knows (a hand-edited plan). */
export function operationOf<O extends Op>(action: Action<O>): Operation<O> | undefined {
  return Object.hasOwn(OPERATIONS, action.op) ? (OPERATIONS[action.op] as Operation<O>) : undefined;
}

export function needsSecret(action: Action): boolean {
  return operationOf(action)?.needsSecret ?? false;
}

/** The action that puts back what `done` changed, from the snapshots before and after the run. */
export function undoOf(done: Action, before: Snapshot, now: Snapshot): Undo {
  return (OPERATIONS[done.op] as Operation<Op>).undo(done, before, now);
}

/** The read-only function that returns the whole host snapshot in one call. */
export const PS_GATHER_FUNCTION = 'Get-MobyKitHostSnapshot';
