import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LockedError, STALE_AFTER_MS } from '../../src/state/lock.js';

describe('host lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mobykit-lock-'));

  it("a second run fails at once, naming the holder's PID", async () => {
    const path = join(dir, 'held.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path, JSON.stringify({ pid: holder.pid, command: 'install', since: '2026-11-23T10:00:00Z' }));
      assert.throws(
        () => acquireLock(path, 'uninstall'),
        (e: Error) => e instanceof LockedError && e.message.includes(`PID ${holder.pid}`) && e.message.includes('install'),
      );
    } finally {
      holder.kill();
    }
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const path = join(dir, 'stale.lock');
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    writeFileSync(path, JSON.stringify({ pid: gone.pid, command: 'install', since: '2026-11-23T10:00:00Z' }));
    const release = acquireLock(path, 'install');
    release();
    assert.equal(existsSync(path), false);
  });

  it('releases on completion so the next run can go', () => {
    const path = join(dir, 'cycle.lock');
    acquireLock(path, 'install')();
    acquireLock(path, 'uninstall')();
  });

  it('a half-written lock file does not wedge mobykit forever', () => {
    const path = join(dir, 'torn.lock');
    writeFileSync(path, '{"pid": 12');
    acquireLock(path, 'install')();
  });

  it('a lock naming a live process that is not mobykit (PID reuse: nobody touched it for a minute) is stale', () => {
    const path = join(dir, 'reused.lock');
    writeFileSync(path, JSON.stringify({ pid: process.ppid, command: 'install', since: '2026-11-23T10:00:00Z', nonce: 'old' }));
    const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
    utimesSync(path, old, old);
    const release = acquireLock(path, 'install');
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).pid, process.pid);
    release();
  });

  it("the lock never exists without its holder's data, and is released only by its holder", () => {
    const path = join(dir, 'whole.lock');
    const release = acquireLock(path, 'install');
    const holder = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(holder.pid, process.pid);
    assert.match(holder.nonce, /^[0-9a-f]{24}$/);
    // Someone else's lock in its place (after a takeover) is not ours to delete.
    writeFileSync(path, JSON.stringify({ ...holder, nonce: 'someone-else' }));
    release();
    assert.equal(existsSync(path), true);
  });

  it('many processes racing for it never hold it at once', async function () {
    this.timeout(60000);
    const path = join(dir, 'race.lock');
    const inside = join(dir, 'race.inside');
    // Each child takes the lock 30 times; inside it, a marker file must not exist already.
    const child = `
      import { acquireLock } from ${JSON.stringify(new URL('../../src/state/lock.js', import.meta.url).href)};
      import { existsSync, writeFileSync, unlinkSync } from 'node:fs';
      let taken = 0;
      while (taken < 30) {
        let release;
        try { release = acquireLock(${JSON.stringify(path)}, 'install'); } catch { await new Promise((r) => setTimeout(r, 1)); continue; }
        if (existsSync(${JSON.stringify(inside)})) { console.log('OVERLAP'); process.exit(3); }
        writeFileSync(${JSON.stringify(inside)}, String(process.pid));
        await new Promise((r) => setTimeout(r, 1));
        unlinkSync(${JSON.stringify(inside)});
        release();
        taken++;
      }`;
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<number | null>((resolve) => {
          const c = spawn(process.execPath, ['--input-type=module', '-e', child], { stdio: ['ignore', 'inherit', 'inherit'] });
          c.on('exit', resolve);
        }),
    );
    assert.deepEqual(await Promise.all(runs), [0, 0, 0, 0]);
  });
});
