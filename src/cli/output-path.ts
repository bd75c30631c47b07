// Files a command writes (--report, --simulate-out, --export, --out, snapshot -o) are checked
// before any work: a typo in a folder name must not cost a whole install or diagnosis.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

function checkOutputPath(file: string, flag: string): void {
  const full = path.resolve(file);
  const dir = path.dirname(full);
  let folder;
  try {
    folder = statSync(dir);
  } catch {
    throw new UsageError(`${flag} ${file}: the folder ${dir} does not exist; create it or choose another file.`);
  }
  if (!folder.isDirectory()) throw new UsageError(`${flag} ${file}: ${dir} is not a folder.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${file}: cannot write in ${dir} (permission denied).`);
  }
  try {
    if (statSync(full).isDirectory()) throw new UsageError(`${flag} ${file}: that is a folder; give a file name.`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
}

/** The output flags each command takes, by option name. */
const OUTPUT_FLAGS: Record<string, string> = { 'simulate-out': '--simulate-out', report: '--report', export: '--export', out: '--out' };

/** Checks every output path given on the command line (snapshot's -o too; `-` is standard output). */
export function checkOutputPaths(command: string, argv: Record<string, unknown>): void {
  // A rehearsal on a folder of snapshots writes one <host>.json per host into a folder (src/fleet checks it).
  const folderRehearsal = typeof argv.simulate === 'string' && isFolder(argv.simulate);
  for (const [key, flag] of Object.entries(OUTPUT_FLAGS)) {
    if (key === 'simulate-out' && folderRehearsal) continue;
    if (typeof argv[key] === 'string') checkOutputPath(argv[key] as string, flag);
  }
  if (command === 'snapshot' && typeof argv.output === 'string' && argv.output !== '-') checkOutputPath(argv.output, '--output');
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
