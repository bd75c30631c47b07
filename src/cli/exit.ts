// Exit codes: 0 done or healthy, 1 doctor found errors or a change failed, 2 usage or bad input,
// 130 interrupted (Ctrl+C).
import type { RunContext } from './context.js';
import { printJsonError } from './json.js';
import { NO_LOG } from './log.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** The exit code an error stands for: its own `exitCode` (UsageError: 2), 130 after Ctrl+C, else 1. */
function exitCodeOf(error: unknown, interrupted = false): number {
  if (interrupted) return EXIT.interrupted;
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' ? code : EXIT.failed;
}

/**
 * Reports an error that ended the command, on stderr and in the run log, and sets the exit code.
 * `ctx` is the run's, when the error came from a command; without it (before one started) the
 * command line says whether --json and --verbose were given.
 */
export function exitWith(error: unknown, ctx?: RunContext): void {
  const e = error as Error & { exitCode?: number };
  const code = exitCodeOf(error, ctx?.signal.aborted);
  const message = e instanceof Error ? e.message : String(error);
  const log = ctx?.log ?? NO_LOG;
  const args = process.argv.slice(2);
  const verbose = ctx ? ctx.verbose : args.includes('--verbose');
  const json = ctx ? ctx.view === 'json' : args.includes('--json');
  process.stderr.write(code === EXIT.interrupted ? `mobykit: interrupted (${message})\n` : `mobykit: ${message}\n`);
  if ((e as { help?: boolean }).help) process.stderr.write('Run mobykit --help for the commands and options.\n');
  else if (code !== EXIT.usage && verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  // Under --json stdout still carries one document: the error.
  if (json) printJsonError(message, code);
  if (e instanceof Error && e.stack) log.section('error', e.stack);
  else log.line(`error: ${message}`);
  if (code !== EXIT.usage && log.path) process.stderr.write(`The log of this run: ${log.path}\n`);
  log.close(code === EXIT.usage ? 'bad input' : code === EXIT.interrupted ? 'interrupted' : 'error', code);
  process.exitCode = code;
}
