import type { Config } from '../config/config.js';
import type { Action } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import type { JournalDoc } from '../state/journal.js';
import { knownError, type KnownError } from '../windows/known-errors.js';

/** Secrets travel beside actions, never inside them: plans are printed and stored. */
export interface Secrets {
  sharePassword?: string;
}

/** A Windows host, real (PowerShell) or simulated. gather is read-only; apply changes one thing. */
export interface Host {
  readonly kind: 'simulated' | 'powershell';
  /** The whole host snapshot, redacted, in one call; `scope` names what to look at (default: the session's configuration). */
  gather(scope?: Config): Promise<Snapshot>;
  /** Performs one action. Ops that need the share password read it from `secrets`. */
  apply(action: Action, secrets: Secrets): Promise<void>;
  /** mobykit's ownership journal for this host (src/state/journal.ts). */
  loadJournal(): Promise<JournalDoc>;
  saveJournal(doc: JournalDoc): Promise<void>;
  /** After the session died or timed out: a fresh one, so a rollback can still run. */
  reopen?(): Promise<void>;
  dispose(): Promise<void>;
  /** Seconds since the VM started, or null when it is not running. Absent: the host cannot tell. */
  vmUptime?(name: string): Promise<number | null>;
  /** Whether Windows accepts `secrets.sharePassword` for `account`; null when it cannot tell. */
  checkPassword?(account: string, secrets: Secrets): Promise<boolean | null>;
  /** The VM's COM1 console pipe, opened on first use; absent on a host that has no pipes. */
  console?: VMConsole;
}

/** A serial console reached through a named pipe. */
export interface VMConsole {
  /** What the VM wrote, waiting up to `waitMs` for something; an empty buffer when nothing came. The first read opens the pipe, for writing too when `interactive`. */
  read(pipe: string, waitMs: number, interactive?: boolean): Promise<Buffer>;
  write(pipe: string, data: Buffer): Promise<void>;
  close(pipe: string): Promise<void>;
}

/** An action the host refused, with the cmdlet's own message. */
export class HostActionError extends Error {
  constructor(
    readonly actionId: string,
    readonly cmdletMessage: string,
    readonly cmdlet?: string,
  ) {
    super(`${actionId} failed${cmdlet ? ` in ${cmdlet}` : ''}: ${cmdletMessage}`);
    this.name = 'HostActionError';
  }
}

/** What a failed change is known to mean (windows/known-errors.ts): the check on its cause and advice. */
export function knownFailure(error: Error): KnownError | undefined {
  return error instanceof HostActionError ? knownError(error.cmdletMessage, error.cmdlet) : knownError(error.message);
}

/** The advice for a failed change, as a line for people; '' when the error is not a known one. */
export function failureAdvice(error: Error): string {
  const known = knownFailure(error);
  return known ? `${known.advice} (mobykit doctor: ${known.check})` : '';
}
