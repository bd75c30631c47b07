// The journal on disk: <hostStateDir>/journal.json, written whole to a temporary file and renamed
// over the old one, so a kill leaves the old or the new journal, never half of one. On Windows the
// directory is %ProgramData%\mobykit, made readable and writable by Administrators, SYSTEM and
// Hyper-V Administrators only (icacls, the values passed as arguments, never through a shell).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { emptyJournal, parseJournal, type JournalDoc } from './journal.js';

export const JOURNAL_FILE = 'journal.json';
/** What a carried-over per-user journal is renamed to, so it is carried over once. */
export const CARRIED_OVER_SUFFIX = '.carried-over';

/**
 * Administrators (S-1-5-32-544) and SYSTEM (S-1-5-18) full control, Hyper-V Administrators (S-1-5-32-578) modify; nothing inherited.
 * The module gives a folder it makes on a remote host or for an exported script the same (ps1/Private/Initialize-MobyKitStateDir.ps1).
 */
export const ACL_ARGS = ['/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-578:(OI)(CI)M'];

type Run = (file: string, args: string[]) => Promise<unknown>;
const runIcacls: Run = (file, args) => promisify(execFile)(file, args, { windowsHide: true });

/** Creates the directory; on Windows a new one gets the Administrators-only ACL (the path passed as an argument, no shell). */
export async function ensureHostStateDir(dir: string, platform = process.platform, run: Run = runIcacls): Promise<void> {
  if (existsSync(dir)) return;
  await mkdir(dir, { recursive: true });
  if (platform === 'win32') {
    try {
      await run('icacls', [dir, ...ACL_ARGS]);
    } catch (e) {
      throw new Error(`cannot restrict ${dir} to Administrators (icacls: ${(e as Error).message})`);
    }
  }
}

async function readDoc(file: string): Promise<JournalDoc | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read mobykit's journal ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new Error(`mobykit's journal ${file} is not valid JSON (${(e as Error).message}); fix or delete it`);
  }
  return parseJournal(doc, file);
}

export interface LoadedJournal {
  doc: JournalDoc;
  note?: string;
}

/**
 * The journal of this host. When there is none yet but a per-user one from an earlier mobykit
 * (%LOCALAPPDATA%\mobykit\journal.json), it is carried over: written here, and the old file
 * renamed to journal.json.carried-over. Its entries are settled by looking, like pending ones.
 */
export async function loadJournalFile(dir: string, legacyDir?: string): Promise<LoadedJournal> {
  const file = path.join(dir, JOURNAL_FILE);
  const doc = await readDoc(file);
  if (doc) return { doc };
  if (!legacyDir || path.resolve(legacyDir) === path.resolve(dir)) return { doc: emptyJournal() };
  const legacy = path.join(legacyDir, JOURNAL_FILE);
  const old = await readDoc(legacy);
  if (!old) return { doc: emptyJournal() };
  await saveJournalFile(dir, old);
  await rename(legacy, legacy + CARRIED_OVER_SUFFIX);
  return { doc: old, note: `carried over ${old.entries.length} journal entries from ${legacy} to ${file} (the old file is now ${path.basename(legacy)}${CARRIED_OVER_SUFFIX})` };
}

export async function saveJournalFile(dir: string, doc: JournalDoc): Promise<void> {
  await ensureHostStateDir(dir);
  const file = path.join(dir, JOURNAL_FILE);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(`${JSON.stringify(doc, null, 2)}\n`, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new Error(`cannot write mobykit's journal ${file}: ${(e as Error).message}`);
  }
}

/** Windows refuses a rename over a file another process (an antivirus scan) holds open: retry a little. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 10 || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw e;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}
