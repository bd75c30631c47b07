// Progress of each action: an ora spinner with the step's name and elapsed time on a terminal,
// ticked or crossed when done; plain lines (no escape codes) in a pipe, in CI, on TERM=dumb or
// with --json. Everything goes to stderr: stdout carries only the plan, the result or JSON.
// Every action's result also goes to the run log, and with --verbose its parameters to stderr.
import chalk from 'chalk';
import type { ApplyEvents } from '../engine/apply.js';
import type { Action } from '../plan/action.js';
import { runLog, setVerbosePrinter, verbose, verboseLine } from './log.js';

/** Whether progress is shown as plain lines rather than spinners. */
function plainOutput(opts: { json?: boolean } = {}): boolean {
  return !!opts.json || !process.stderr.isTTY || !!process.env.CI || process.env.TERM === 'dumb'
    // A terminal that reports no width (a bare pty, some serial consoles) would make a spinner's
    // line arithmetic divide by zero: ora then clears lines forever.
    || !(process.stderr.columns > 0);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
const counter = (i: number, n: number) => `[${String(i + 1).padStart(String(n).length)}/${n}]`;

type Spinner = { clear(): unknown; render(): unknown; stop(): unknown; fail(text?: string): unknown; isSpinning: boolean };
let active: Spinner | undefined;

/** Stops a running spinner, crossed, e.g. on Ctrl+C; restores the cursor. */
export function abortProgress(reason: string): void {
  if (active?.isSpinning) active.fail(reason);
  active = undefined;
}

function logAction(a: Action, what: string): void {
  runLog().line(`action ${a.id}: ${what}`);
}

function paramsLine(a: Action): string {
  return `apply ${a.id} ${JSON.stringify(a.params)}`;
}

export async function progress(opts: { json: boolean }): Promise<ApplyEvents> {
  if (plainOutput(opts)) {
    const out = (s: string) => { process.stderr.write(`${s}\n`); };
    return {
      start(a, i, n) { logAction(a, 'started'); out(`${counter(i, n)} ${a.description} ...`); if (verbose()) verboseLine(`  ${paramsLine(a)}`); },
      done(a, ms) { logAction(a, `ok in ${ms} ms`); out(`${' '.repeat(counter(0, 1).length)} ok: ${a.id} (${seconds(ms)})`); },
      failed(a, e, ms) { logAction(a, `FAILED after ${ms} ms: ${e.message}`); out(`${' '.repeat(counter(0, 1).length)} FAILED: ${a.id} after ${seconds(ms)}: ${e.message}`); },
    };
  }
  const { default: ora } = await import('ora');
  let spinner: ReturnType<typeof ora> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let label = '';
  setVerbosePrinter((text) => {
    if (spinner?.isSpinning) {
      spinner.clear();
      process.stderr.write(text);
      spinner.render();
    } else {
      process.stderr.write(text);
    }
  });
  const stopTimer = () => { if (timer) clearInterval(timer); timer = undefined; };
  return {
    start(a, i, n) {
      logAction(a, 'started');
      if (verbose()) verboseLine(paramsLine(a));
      const began = Date.now();
      label = `${chalk.dim(counter(i, n))} ${a.description}`;
      // While it spins, one line: a wrapped spinner line redraws badly on narrow terminals.
      const room = Math.max(20, (process.stderr.columns || 80) - counter(i, n).length - 12);
      const short = `${chalk.dim(counter(i, n))} ${a.description.length > room ? `${a.description.slice(0, room - 1)}…` : a.description}`;
      const text = () => `${short} ${chalk.dim(seconds(Date.now() - began))}`;
      spinner = ora({ text: text(), stream: process.stderr }).start();
      active = spinner;
      timer = setInterval(() => { if (spinner) spinner.text = text(); }, 100);
      timer.unref();
    },
    done(a, ms) {
      stopTimer();
      logAction(a, `ok in ${ms} ms`);
      spinner?.succeed(`${label} ${chalk.dim(seconds(ms))}`);
      active = undefined;
    },
    failed(a, e, ms) {
      stopTimer();
      logAction(a, `FAILED after ${ms} ms: ${e.message}`);
      spinner?.fail(`${label} ${chalk.dim(seconds(ms))}\n  ${chalk.red(e.message)}`);
      active = undefined;
    },
  };
}

/**
 * Shows `text` while `work` runs (reading the host is the slowest part on a real one): a spinner
 * on a terminal, else one plain line on stderr. The spinner is cleared when the work ends.
 */
export async function activity<T>(text: string, opts: { json?: boolean }, work: () => Promise<T>): Promise<T> {
  if (plainOutput(opts)) {
    process.stderr.write(`${text}...\n`);
    return work();
  }
  const { default: ora } = await import('ora');
  const began = Date.now();
  const spinner = ora({ text, stream: process.stderr }).start();
  active = spinner;
  const timer = setInterval(() => { spinner.text = `${text} ${chalk.dim(seconds(Date.now() - began))}`; }, 100);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    if (spinner.isSpinning) spinner.stop();
    if (active === spinner) active = undefined;
  }
}

/** Wraps a host so that every gather shows what it is doing: the first reads the host, later ones verify. */
export function announceGathers<H extends { gather(...scope: never[]): Promise<unknown> }>(host: H, opts: { json?: boolean }): H {
  const gather = host.gather.bind(host) as (...scope: unknown[]) => Promise<unknown>;
  let count = 0;
  // The scope goes through: uninstall and renames gather for other names than the session's.
  (host as unknown as { gather: typeof gather }).gather = (...scope) =>
    activity(count++ === 0 ? 'Reading the host' : 'Reading the host again to verify', opts, () => gather(...scope));
  return host;
}
