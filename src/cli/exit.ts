// Exit codes: 0 done or healthy, 1 doctor found errors or a change failed, 2 usage or bad input,
// 130 interrupted (Ctrl+C).
import { printJsonError } from './json.js';
import { runLog } from './log.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

let interrupted = false;
/** Ctrl+C was pressed: whatever error the command ends with is then reported as an interruption. */
export function markInterrupted(): void { interrupted = true; }

/** The exit code an error stands for: its own `exitCode` (UsageError: 2), 130 after Ctrl+C, else 1. */
function exitCodeOf(error: unknown): number {
  if (interrupted) return EXIT.interrupted;
  const code = (error as { exitCode?: unknown } | null)?.exitCode;
  return typeof code === 'number' ? code : EXIT.failed;
}

/** Reports an error that ended the command, on stderr and in the run log, and sets the exit code. */
export function exitWith(error: unknown): void {
  const e = error as Error & { exitCode?: number };
  const code = exitCodeOf(error);
  const message = e instanceof Error ? e.message : String(error);
  const log = runLog();
  process.stderr.write(code === EXIT.interrupted ? `mobykit: interrupted (${message})\n` : `mobykit: ${message}\n`);
  if ((e as { help?: boolean }).help) process.stderr.write('Run mobykit --help for the commands and options.\n');
  else if (code !== EXIT.usage && process.argv.includes('--verbose') && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  // Under --json stdout still carries one document: the error.
  if (process.argv.slice(2).includes('--json')) printJsonError(message, code);
  if (e instanceof Error && e.stack) log.section('error', e.stack);
  else log.line(`error: ${message}`);
  if (code !== EXIT.usage && log.path) process.stderr.write(`The log of this run: ${log.path}\n`);
  log.close(code === EXIT.usage ? 'bad input' : code === EXIT.interrupted ? 'interrupted' : 'error', code);
  process.exitCode = code;
}
