// One mobykit at a time may change a host. The lock is a file created exclusively (O_EXCL) that
// names its holder; a lock whose process is gone is stale and taken over.
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';

export class LockedError extends Error {
  readonly exitCode = 1;
  constructor(readonly holder: LockHolder, path: string) {
    super(`Another mobykit (PID ${holder.pid}, ${holder.command} since ${holder.since}) is changing this host. `
      + `Wait for it to finish and run again. (Lock: ${path})`);
    this.name = 'LockedError';
  }
}

export interface LockHolder { pid: number; command: string; since: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null; // vanished, or half-written by a holder that died while writing it
  }
}

/** Takes the lock or throws LockedError naming the holder. Returns the release function. */
export function acquireLock(path: string, command: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const me: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => {
        if (readHolder(path)?.pid === process.pid) unlinkSync(path);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new LockedError(holder, path);
    try { unlinkSync(path); } catch { /* another process took it over first; try again */ }
  }
  throw new Error(`Could not take the lock ${path}; remove it if no mobykit is running.`);
}
