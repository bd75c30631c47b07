// logs: the newest log of the log directory, and with --follow what is appended to it, like the
// articles' `Get-Content $env:LOCALAPPDATA\Docker\log.txt -Wait`.
import { readFileSync } from 'node:fs';
import { followLog, latestLogFile } from '../../doctor/logs.js';
import { loadConfigFromArgv } from '../session.js';
import { expandWindowsPath } from './paths.js';

export async function logs(argv: Record<string, unknown>): Promise<number> {
  const dir = (argv.dir as string | undefined) ?? expandWindowsPath(loadConfigFromArgv(argv).config.paths.logDir);
  const file = latestLogFile(dir);
  if (!file) {
    process.stderr.write(`mobykit: no .log or .txt file in ${dir}. Set the folder with --dir or --log-dir (paths.logDir).\n`);
    return 1;
  }
  if (!argv.follow) {
    process.stdout.write(readFileSync(file, 'utf8'));
    return 0;
  }
  process.stderr.write(`Following ${file} (Ctrl-C to stop)\n`);
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on('SIGINT', onSigint);
  try {
    await followLog(file, (text) => process.stdout.write(text), stop.signal);
  } finally {
    process.off('SIGINT', onSigint);
  }
  return 0;
}
