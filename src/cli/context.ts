// What one command run carries from main.ts down, instead of module globals: its view (human or
// JSON, chosen once), its run log, its terminal output (spinner, --verbose lines) and the one
// AbortSignal that Ctrl-C aborts.
import type { RunLog } from './log.js';
import type { Progress } from './progress.js';

export type View = 'human' | 'json';

export interface RunContext {
  readonly command: string;
  /** --json: stdout carries one JSON document; otherwise text for people. */
  readonly view: View;
  readonly verbose: boolean;
  readonly log: RunLog;
  readonly progress: Progress;
  /** Aborted by the first Ctrl-C (or, while a command stops gracefully, SIGTERM/SIGHUP); the reason is the signal's name. */
  readonly signal: AbortSignal;
  readonly interrupts: Interrupts;
}

/** The signals a command that stops gracefully takes over: a service manager's SIGTERM and a closed terminal's SIGHUP too. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** What a further signal does while a command stops gracefully. */
export type Again = 'quit' | 'wait';

/**
 * The run's one signal handler. Unless a command stops gracefully, the first Ctrl-C aborts the
 * signal and `unhandled` ends the run at once. A command that stops gracefully (`graceful()`)
 * listens to the signal itself; a further signal then quits at once (`again: 'quit'`) or is
 * ignored while the command cleans up (`again: 'wait'`).
 */
export class Interrupts {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  private again: Again | undefined;
  private readonly extra = STOP_SIGNALS.filter((s) => s !== 'SIGINT');

  constructor(
    private readonly unhandled: (signal: NodeJS.Signals) => void,
    private readonly quit: () => void,
  ) {}

  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (!this.again) {
      this.controller.abort(signal);
      this.unhandled(signal);
      return;
    }
    if (this.signal.aborted && this.again === 'quit') this.quit();
    this.controller.abort(signal);
  };

  /** Listens to Ctrl-C for the run; returns the way to stop listening. */
  listen(): () => void {
    process.on('SIGINT', this.onSignal);
    return () => {
      process.off('SIGINT', this.onSignal);
      this.release();
    };
  }

  /** The command stops by itself when the signal aborts (SIGTERM and SIGHUP abort it too); returns the end of that. */
  graceful(again: Again): () => void {
    this.again = again;
    for (const s of this.extra) process.on(s, this.onSignal);
    return () => this.release();
  }

  private release(): void {
    if (!this.again) return;
    this.again = undefined;
    for (const s of this.extra) process.off(s, this.onSignal);
  }
}
