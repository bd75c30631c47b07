import type { Action } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';

/** Secrets travel beside actions, never inside them: plans are printed and stored. */
export interface Secrets { sharePassword?: string }

/** What mobykit made: one entry per resource key (see Action.resource). */
export interface JournalEntry { resource: string; actionId: string; at: string }

/** A Windows host, real (PowerShell) or simulated. gather is read-only; apply changes one thing. */
export interface Host {
  readonly kind: 'simulated' | 'powershell';
  /** The whole host snapshot, redacted, in one call. */
  gather(): Promise<Snapshot>;
  /** Performs one action. Ops that need the share password read it from `secrets`. */
  apply(action: Action, secrets: Secrets): Promise<void>;
  /** mobykit's ownership journal for this host. */
  loadJournal(): Promise<JournalEntry[]>;
  saveJournal(entries: JournalEntry[]): Promise<void>;
  dispose(): Promise<void>;
}

/** An action the host refused, with the cmdlet's own message. */
export class HostActionError extends Error {
  constructor(readonly actionId: string, readonly cmdletMessage: string, readonly cmdlet?: string) {
    super(`${actionId} failed${cmdlet ? ` in ${cmdlet}` : ''}: ${cmdletMessage}`);
    this.name = 'HostActionError';
  }
}
