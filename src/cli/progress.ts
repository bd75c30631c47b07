// Progress of each action: an ora spinner with the step's name and elapsed time on a terminal,
// ticked or crossed when done; plain lines (no escape codes) in a pipe, in CI, on TERM=dumb or
// with --json. Everything goes to stderr: stdout carries only the plan, the result or JSON.
// Every action's result also goes to the run log, and with --verbose its parameters to stderr.
import chalk from 'chalk';
import type { Config } from '../config/config.js';
import type { ApplyEvents } from '../engine/apply.js';
import type { Host, Secrets } from '../host/host.js';
import type { Action } from '../plan/action.js';
import type { View } from './context.js';
import type { RunLog } from './log.js';

/** Whether progress is shown as plain lines rather than spinners. */
function plainOutput(view: View): boolean {
  return (
    view === 'json' ||
    !process.stderr.isTTY ||
    !!process.env.CI ||
    process.env.TERM === 'dumb' ||
    // A terminal that reports no width (a bare pty, some serial consoles) would make a spinner's
    // line arithmetic divide by zero: ora then clears lines forever.
    !(process.stderr.columns > 0)
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const counter = (i: number, n: number) => `[${String(i + 1).padStart(String(n).length)}/${n}]`;

type Spinner = { clear(): unknown; render(): unknown; stop(): unknown; fail(text?: string): unknown; isSpinning: boolean };

function paramsLine(a: Action): string {
  return `apply ${a.id} ${JSON.stringify(a.params)}`;
}

/** A run's output on stderr while it works: spinners or plain lines, --verbose lines, and the actions' results in the run log. */
export class Progress {
  private active: Spinner | undefined;
  readonly plain: boolean;

  constructor(
    private readonly log: RunLog,
    private readonly verbose: boolean,
    view: View,
  ) {
    this.plain = plainOutput(view);
  }

  /** Stops a running spinner, crossed, e.g. on Ctrl+C; restores the cursor. */
  abort(reason: string): void {
    if (this.active?.isSpinning) this.active.fail(reason);
    this.active = undefined;
  }

  /** A --verbose line: to stderr when --verbose is on (a running spinner kept intact), and always to the log. */
  verboseLine(line: string): void {
    this.log.line(line);
    if (!this.verbose) return;
    const spinner = this.active?.isSpinning ? this.active : undefined;
    spinner?.clear();
    process.stderr.write(`${line}\n`);
    spinner?.render();
  }

  /** What the host tells about each call (already redacted by the host): to the log and, with --verbose, to stderr. */
  readonly hostCall = (line: string): void => {
    this.verboseLine(`host call: ${line}`);
  };

  private logAction(a: Action, what: string): void {
    this.log.line(`action ${a.id}: ${what}`);
  }

  /** The apply events of a run: one spinner (or plain line) per action. */
  async events(): Promise<ApplyEvents> {
    if (this.plain) {
      const out = (s: string) => {
        process.stderr.write(`${s}\n`);
      };
      return {
        start: (a, i, n) => {
          this.logAction(a, 'started');
          out(`${counter(i, n)} ${a.description} ...`);
          if (this.verbose) this.verboseLine(`  ${paramsLine(a)}`);
        },
        done: (a, ms) => {
          this.logAction(a, `ok in ${ms} ms`);
          out(`${' '.repeat(counter(0, 1).length)} ok: ${a.id} (${seconds(ms)})`);
        },
        failed: (a, e, ms) => {
          this.logAction(a, `FAILED after ${ms} ms: ${e.message}`);
          out(`${' '.repeat(counter(0, 1).length)} FAILED: ${a.id} after ${seconds(ms)}: ${e.message}`);
        },
      };
    }
    const { default: ora } = await import('ora');
    let spinner: ReturnType<typeof ora> | undefined;
    let timer: NodeJS.Timeout | undefined;
    let label = '';
    const stopTimer = () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    };
    return {
      start: (a, i, n) => {
        this.logAction(a, 'started');
        if (this.verbose) this.verboseLine(paramsLine(a));
        const began = Date.now();
        label = `${chalk.dim(counter(i, n))} ${a.description}`;
        // While it spins, one line: a wrapped spinner line redraws badly on narrow terminals.
        const room = Math.max(20, (process.stderr.columns || 80) - counter(i, n).length - 12);
        const short = `${chalk.dim(counter(i, n))} ${a.description.length > room ? `${a.description.slice(0, room - 1)}…` : a.description}`;
        const text = () => `${short} ${chalk.dim(seconds(Date.now() - began))}`;
        spinner = ora({ text: text(), stream: process.stderr }).start();
        this.active = spinner;
        timer = setInterval(() => {
          if (spinner) spinner.text = text();
        }, 100);
        timer.unref();
      },
      done: (a, ms) => {
        stopTimer();
        this.logAction(a, `ok in ${ms} ms`);
        spinner?.succeed(`${label} ${chalk.dim(seconds(ms))}`);
        this.active = undefined;
      },
      failed: (a, e, ms) => {
        stopTimer();
        this.logAction(a, `FAILED after ${ms} ms: ${e.message}`);
        spinner?.fail(`${label} ${chalk.dim(seconds(ms))}\n  ${chalk.red(e.message)}`);
        this.active = undefined;
      },
    };
  }

  /**
   * Shows `text` while `work` runs (reading the host is the slowest part on a real one): a spinner
   * on a terminal, else one plain line on stderr. The spinner is cleared when the work ends.
   */
  async activity<T>(text: string, work: () => Promise<T>): Promise<T> {
    if (this.plain) {
      process.stderr.write(`${text}...\n`);
      return work();
    }
    const { default: ora } = await import('ora');
    const began = Date.now();
    const spinner = ora({ text, stream: process.stderr }).start();
    this.active = spinner;
    const timer = setInterval(() => {
      spinner.text = `${text} ${chalk.dim(seconds(Date.now() - began))}`;
    }, 100);
    timer.unref();
    try {
      return await work();
    } finally {
      clearInterval(timer);
      if (spinner.isSpinning) spinner.stop();
      if (this.active === spinner) this.active = undefined;
    }
  }
}

/**
 * A host whose gathers show what they are doing: the first reads the host, later ones verify.
 * Everything else goes straight to the host it wraps; what that host lacks, this one lacks too.
 */
export class AnnouncedHost implements Host {
  private gathers = 0;
  readonly kind: Host['kind'];
  readonly reopen?: () => Promise<void>;
  readonly vmUptime?: Host['vmUptime'];
  readonly checkPassword?: Host['checkPassword'];
  readonly console?: Host['console'];

  constructor(
    private readonly host: Host,
    private readonly progress: Pick<Progress, 'activity'>,
  ) {
    this.kind = host.kind;
    if (host.reopen) this.reopen = () => host.reopen!();
    if (host.vmUptime) this.vmUptime = (name) => host.vmUptime!(name);
    if (host.checkPassword) this.checkPassword = (account, secrets) => host.checkPassword!(account, secrets);
    if (host.console) this.console = host.console;
  }

  /** The scope goes through: uninstall and renames gather for other names than the session's. */
  gather(scope?: Config) {
    const text = this.gathers++ === 0 ? 'Reading the host' : 'Reading the host again to verify';
    return this.progress.activity(text, () => this.host.gather(scope));
  }

  apply(action: Action, secrets: Secrets) {
    return this.host.apply(action, secrets);
  }
  loadJournal() {
    return this.host.loadJournal();
  }
  saveJournal(doc: Parameters<Host['saveJournal']>[0]) {
    return this.host.saveJournal(doc);
  }
  dispose() {
    return this.host.dispose();
  }
}
