// logs: the newest log of the log directory, and with --follow what is appended to it, like the
// articles' `Get-Content $env:LOCALAPPDATA\Docker\log.txt -Wait`. --runs shows mobykit's own run
// logs instead. The file shown is always named (on stderr, so stdout is the log itself).
import { existsSync, readFileSync } from 'node:fs';
import { followLog, latestLogFile } from '../log-files.js';
import { UsageError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { printJson } from '../json.js';
import { logDirectory, RUN_LOG_ENV } from '../log.js';
import { loadConfigFromArgv } from '../session.js';
import { expandWindowsPath } from './paths.js';
import type { RunContext } from '../context.js';

/** The last `n` lines of `text` (a final newline does not count as a line). */
export function lastLines(text: string, n: number): string {
  const lines = text.split(/(?<=\n)/);
  return lines.slice(Math.max(0, lines.length - n)).join('');
}

export async function logs(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const runs = !!argv.runs;
  const tail = argv.tail as number | undefined;
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 0)) throw new UsageError(`--tail ${String(tail)}: give a number of lines, 0 or more.`);
  if (ctx.view === 'json' && argv.follow) throw new UsageError('--json and --follow do not go together: --follow never ends with one document.', { help: true });
  const dir = runs ? logDirectory() : ((argv.dir as string | undefined) ?? expandWindowsPath(loadConfigFromArgv(argv).config.paths.logDir));
  // A folder named on the command line that is not there is bad input (2); an empty or missing
  // log folder is an answer about this machine (1).
  const missing = (message: string) => Object.assign(new Error(message), { exitCode: EXIT.failed });
  if (!existsSync(dir)) {
    if (argv.dir) throw new UsageError(`--dir ${dir}: the folder does not exist.`);
    throw missing(
      runs
        ? `mobykit has not logged a run yet: ${dir} does not exist (${RUN_LOG_ENV} moves it).`
        : `The log folder ${dir} does not exist. Set the folder with --dir or --log-dir (paths.logDir), or see mobykit's own logs with --runs.`,
    );
  }
  const file = latestLogFile(dir);
  if (!file) {
    throw missing(`There is no .log or .txt file in ${dir}.${runs ? '' : " Set the folder with --dir or --log-dir (paths.logDir), or see mobykit's own logs with --runs."}`);
  }
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const shown = tail === undefined ? text : lastLines(text, tail);
  if (ctx.view === 'json') {
    printJson('logs', { file, lines: shown.split(/\r?\n/).filter((l, i, all) => l !== '' || i < all.length - 1) });
    return EXIT.ok;
  }
  if (!argv.follow) {
    process.stderr.write(`==> ${file} <==\n`);
    process.stdout.write(shown);
    return EXIT.ok;
  }
  process.stderr.write(`Following ${file} (Ctrl-C to stop)\n`);
  const release = ctx.interrupts.graceful('wait');
  try {
    // --tail N: the last N lines, then what is appended; otherwise the whole file first.
    const start = tail === undefined ? 0 : -Buffer.byteLength(shown, 'utf8');
    await followLog(file, (chunk) => process.stdout.write(chunk), ctx.signal, { start });
  } finally {
    release();
  }
  // Only Ctrl-C ends --follow: an interrupt, as everywhere else.
  return EXIT.interrupted;
}
