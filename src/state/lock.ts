// One mobykit at a time may change a host. The lock file appears with its holder's data in one
// step: the data is written to a private temporary file, then hard-linked to the lock's name,
// which fails if the lock exists (no moment where the lock exists but is empty). The holder
// touches it every few seconds; a lock whose process is gone, or that nobody touched for a
// minute (its PID now belongs to another program: Windows reuses PIDs quickly), is stale. A stale
// lock is taken over by renaming it away (atomic) and checking that what was renamed is the
// stale lock that was read (its nonce), never a lock someone else just took.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export class LockedError extends Error {
  readonly exitCode = 1;
  constructor(
    readonly holder: LockHolder,
    path: string,
  ) {
    super(`Another mobykit (PID ${holder.pid}, ${holder.command} since ${holder.since}) is changing this host. ` + `Wait for it to finish and run again. (Lock: ${path})`);
    this.name = 'LockedError';
  }
}

export interface LockHolder {
  pid: number;
  command: string;
  since: string;
  nonce?: string;
}

/** How often the holder touches the lock, and how long an untouched lock counts as held. */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_MS = 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): { text: string; holder: LockHolder | null; touched: number } | null {
  try {
    const text = readFileSync(path, 'utf8');
    const touched = statSync(path).mtimeMs;
    try {
      const h = JSON.parse(text) as LockHolder;
      return { text, holder: Number.isInteger(h?.pid) ? h : null, touched };
    } catch {
      return { text, holder: null, touched }; // not written by this mobykit: garbage
    }
  } catch {
    return null; // vanished
  }
}

/** Held: a live process, and touched recently (so the PID is still that mobykit's). */
function held(lock: { holder: LockHolder | null; touched: number }, now: number): boolean {
  return !!lock.holder && lock.holder.pid !== process.pid && alive(lock.holder.pid) && now - lock.touched < STALE_AFTER_MS;
}

/** Creates `path` with `text` in one step, or returns false if it exists. */
function createWith(path: string, text: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { flag: 'wx', mode: 0o644 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

/** Moves a stale lock out of the way, only if it is still the one that was read. */
function takeOver(path: string, stale: { text: string }): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else moved it first; try again
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    /* unreadable: treat as changed */
  }
  if (moved === stale.text) {
    unlinkSync(aside);
    return;
  }
  // A fresh lock was taken between our read and our rename: put it back untouched.
  try {
    linkSync(aside, path);
  } catch {
    /* a third process holds it now; the holder keeps its own file */
  }
  try {
    unlinkSync(aside);
  } catch {
    /* gone */
  }
}

/** Takes the lock or throws LockedError naming the holder. Returns the release function. */
export function acquireLock(path: string, command: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const me: LockHolder = { pid: process.pid, command, since: new Date().toISOString(), nonce: randomBytes(12).toString('hex') };
  const text = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createWith(path, text)) {
      const mine = () => readLock(path)?.text === text;
      const heartbeat = setInterval(() => {
        if (!mine()) return;
        const t = new Date();
        try {
          utimesSync(path, t, t);
        } catch {
          /* gone */
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        if (mine()) unlinkSync(path);
      };
    }
    const lock = readLock(path);
    if (!lock) continue;
    if (held(lock, Date.now())) throw new LockedError(lock.holder!, path);
    takeOver(path, lock);
  }
  throw new Error(`Could not take the lock ${path}; remove it if no mobykit is running.`);
}
