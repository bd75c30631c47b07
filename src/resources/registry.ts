// Every operation mobykit performs, one typed record each (operation.ts), by resource.
// The type lists every Op: an operation added to OpParams without a record does not compile.
import type { Action, Op } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Operation, Undo } from './operation.js';
import { switchOperations } from './switch/operations.js';
import { addressOperations } from './address/operations.js';
import { natOperations } from './nat/operations.js';
import { firewallOperations } from './firewall/operations.js';
import { vmOperations } from './vm/operations.js';
import { kvpOperations } from './kvp/operations.js';
import { shareOperations } from './share/operations.js';
import { credentialOperations } from './credential/operations.js';
import { accountOperations } from './account/operations.js';

export const OPERATIONS: { readonly [O in Op]: Operation<O> } = {
  ...switchOperations,
  ...addressOperations,
  ...natOperations,
  ...firewallOperations,
  ...vmOperations,
  ...kvpOperations,
  ...shareOperations,
  ...credentialOperations,
  ...accountOperations,
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
