// `mobykit logs [--follow]`: find the newest log file and tail it by polling, like
// PowerShell's `Get-Content -Wait` (which also polls, once a second).
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const LOG_NAME = /\.(log|txt)$/i;

/** The most recently written `.log`/`.txt` file in `dir`, or null when there is none (or no dir). */
export function latestLogFile(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  let best: { path: string; mtime: number; name: string } | null = null;
  for (const name of names) {
    if (!LOG_NAME.test(name)) continue;
    const path = join(dir, name);
    let st: Stats;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    if (!st.isFile()) continue;
    const mtime = st.mtimeMs;
    if (!best || mtime > best.mtime || (mtime === best.mtime && name > best.name)) best = { path, mtime, name };
  }
  return best?.path ?? null;
}

export interface FollowOptions {
  /** How often to look for new bytes. */
  intervalMs?: number;
  /** Byte offset to start from; default 0 (the whole file, then what is appended). Negative: that many bytes from the end. */
  start?: number;
}

/**
 * Calls `onChunk` with the file's text, then with whatever is appended, until `signal` aborts.
 * A file that does not exist yet is waited for; a file that shrinks (rotated or truncated) is
 * read again from its start. Multi-byte UTF-8 characters split across reads are kept whole.
 */
export function followLog(path: string, onChunk: (text: string) => void, signal: AbortSignal, opts: FollowOptions = {}): Promise<void> {
  const interval = opts.intervalMs ?? 250;
  let position: number | null = null;
  let decoder = new StringDecoder('utf8');
  const buf = Buffer.alloc(64 * 1024);

  const poll = (): void => {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return; // not there (yet, or while being rotated)
    }
    if (position === null) {
      const start = opts.start ?? 0;
      position = start < 0 ? Math.max(0, size + start) : Math.min(start, size);
    }
    if (size < position) {
      position = 0; // truncated or replaced
      decoder = new StringDecoder('utf8');
    }
    if (size === position) return;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return;
    }
    try {
      while (position < size && !signal.aborted) {
        const n = readSync(fd, buf, 0, Math.min(buf.length, size - position), position);
        if (n <= 0) break;
        let text = decoder.write(buf.subarray(0, n));
        if (position === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        position += n;
        if (text) onChunk(text);
      }
    } finally {
      closeSync(fd);
    }
  };

  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const stop = () => {
      if (timer) clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const tick = () => {
      try {
        poll();
      } catch (e) {
        signal.removeEventListener('abort', stop);
        reject(e);
        return;
      }
      if (!signal.aborted) timer = setTimeout(tick, interval);
    };
    signal.addEventListener('abort', stop, { once: true });
    tick();
  });
}
