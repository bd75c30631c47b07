// The simulated host's whole state, and the small helpers every resource area shares.
// Handlers mutate a draft copy of this state; the host commits the draft only when the
// handler returns, so a refused operation leaves the host exactly as it was.
import { createHash } from 'node:crypto';
import type { Op, OpParams } from '../../plan/action.js';
import type { Snapshot } from '../../snapshot/types.js';

/** The snapshot document, with any extra top-level properties it arrived with. */
export type SimDoc = Snapshot & { mobykit?: { journal: unknown }; [extra: string]: unknown };

export interface SimState {
  doc: SimDoc;
  /** switch Id -> its host vNIC alias (duplicates get `vEthernet (X) 2`, so the name is not enough). */
  vnicOf: Record<string, string>;
  /** Credential Manager secrets by lower-cased target; never copied into `doc`. */
  vault: Record<string, string>;
  /** Counter behind generated Ids and MACs: deterministic, so rehearsals diff cleanly. */
  seq: number;
}

export interface OpContext {
  state: SimState;
  password?: string;
}
export type OpHandler<O extends Op> = (ctx: OpContext, params: OpParams[O]) => void;
export type Handlers = { [O in Op]: OpHandler<O> };

/** A refusal in the cmdlet's own words; the host turns it into a HostActionError. */
export class CmdletError extends Error {
  constructor(
    readonly cmdlet: string,
    message: string,
  ) {
    super(message);
    this.name = 'CmdletError';
  }
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

function nextHash(state: SimState): string {
  state.seq += 1;
  return createHash('sha256').update(`${state.doc.computerName}#${state.seq}`).digest('hex');
}

/** A GUID-shaped id, lower case as ConvertTo-Json writes a [guid]. */
export function newGuid(state: SimState): string {
  return unused(state, (h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`);
}

/** Six hex byte pairs from Hyper-V's own OUI (00-15-5D). */
export function newMacBytes(state: SimState): string[] {
  return unused(state, (h) => ['00', '15', '5D', h.slice(0, 2), h.slice(2, 4), h.slice(4, 6)].map((b) => b.toUpperCase()).join('-')).split('-');
}

/**
 * The next generated value that nothing in the document (the journal included) already holds:
 * Windows never hands out a GUID or MAC twice, while the counter starts again with each run, so
 * a switch re-created after the user deleted mobykit's would otherwise get the old one's Id and
 * its vNIC the MAC of the adapter the old switch left behind.
 */
function unused(state: SimState, make: (hash: string) => string): string {
  const held = JSON.stringify(state.doc).toLowerCase();
  for (;;) {
    const value = make(nextHash(state));
    const key = value.toLowerCase();
    if (!held.includes(key) && !held.includes(key.replace(/-/g, ''))) return value;
  }
}

export function notFoundByName(cmdlet: string, cimClass: string, property: string, value: string): CmdletError {
  return new CmdletError(cmdlet, `No ${cimClass} objects found with property '${property}' equal to '${value}'. Verify the value of the property and retry.`);
}
