import type { Action } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';

/** Secrets travel beside actions, never inside them: plans are printed and stored. */
export interface Secrets { sharePassword?: string }

/** A Windows host, real (PowerShell) or simulated. gather is read-only; apply changes one thing. */
export interface Host {
  readonly kind: 'simulated' | 'powershell';
  gather(): Promise<Snapshot>;
  apply(action: Action, secrets: Secrets): Promise<void>;
  dispose(): Promise<void>;
}

/** An action the host refused, with the cmdlet's own message. */
export class HostActionError extends Error {
  constructor(readonly actionId: string, readonly cmdletMessage: string, readonly cmdlet?: string) {
    super(`${actionId} failed${cmdlet ? ` in ${cmdlet}` : ''}: ${cmdletMessage}`);
    this.name = 'HostActionError';
  }
}
