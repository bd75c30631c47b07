import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LockedError } from '../../src/state/lock.js';

describe('host lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mobykit-lock-'));

  it('a second run fails at once, naming the holder\'s PID', async () => {
    const path = join(dir, 'held.lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path, JSON.stringify({ pid: holder.pid, command: 'install', since: '2026-11-23T10:00:00Z' }));
      assert.throws(() => acquireLock(path, 'uninstall'),
        (e: Error) => e instanceof LockedError && e.message.includes(`PID ${holder.pid}`) && e.message.includes('install'));
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
});
