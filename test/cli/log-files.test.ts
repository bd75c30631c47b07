import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { followLog, latestLogFile } from '../../src/cli/log-files.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

describe('doctor logs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mobykit-logs-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('latestLogFile picks the newest log, ignoring other files and folders', () => {
    const old = join(dir, 'install-log.txt');
    const newer = join(dir, 'log.txt');
    writeFileSync(old, 'a');
    writeFileSync(newer, 'b');
    writeFileSync(join(dir, 'settings.json'), '{}');
    mkdirSync(join(dir, 'later.log'));
    utimesSync(old, new Date('2026-01-01'), new Date('2026-01-01'));
    utimesSync(newer, new Date('2026-02-01'), new Date('2026-02-01'));
    utimesSync(join(dir, 'settings.json'), new Date('2026-03-01'), new Date('2026-03-01'));
    assert.equal(latestLogFile(dir), newer);
  });

  it('latestLogFile returns null for a missing or empty directory', () => {
    assert.equal(latestLogFile(join(dir, 'nope')), null);
    assert.equal(latestLogFile(dir), null);
  });

  it('followLog prints the file, then what is appended, and stops on abort', async () => {
    const file = join(dir, 'log.txt');
    writeFileSync(file, '\ufeffline 1\n');
    const ac = new AbortController();
    let out = '';
    const done = followLog(
      file,
      (t) => {
        out += t;
      },
      ac.signal,
      { intervalMs: 10 },
    );
    await until(() => out === 'line 1\n');
    appendFileSync(file, 'line 2\n');
    await until(() => out === 'line 1\nline 2\n');
    ac.abort();
    await done;
    appendFileSync(file, 'line 3\n');
    await sleep(50);
    assert.equal(out, 'line 1\nline 2\n');
  });

  it('followLog waits for a file to appear, keeps split UTF-8 whole and restarts after truncation', async () => {
    const file = join(dir, 'later.txt');
    const ac = new AbortController();
    const chunks: string[] = [];
    const done = followLog(file, (t) => chunks.push(t), ac.signal, { intervalMs: 10 });
    await sleep(40);
    const bytes = Buffer.from('héllo ✓\n', 'utf8');
    const cut = bytes.indexOf(0xe2) + 1; // inside the ✓
    writeFileSync(file, bytes.subarray(0, cut));
    await until(() => chunks.join('').startsWith('héllo '));
    appendFileSync(file, bytes.subarray(cut));
    await until(() => chunks.join('') === 'héllo ✓\n');
    assert.ok(!chunks.join('').includes('\ufffd'));
    writeFileSync(file, 'new\n'); // rotated: shorter than before
    await until(() => chunks.join('').endsWith('new\n'));
    ac.abort();
    await done;
  });

  it('followLog can start at the end', async () => {
    const file = join(dir, 'log.txt');
    writeFileSync(file, 'older\nold\n');
    const ac = new AbortController();
    let out = '';
    const done = followLog(
      file,
      (t) => {
        out += t;
      },
      ac.signal,
      { intervalMs: 10, start: -4 },
    );
    await until(() => out === 'old\n');
    ac.abort();
    await done;
  });

  it('followLog resolves at once for an aborted signal', async () => {
    const ac = new AbortController();
    ac.abort();
    await followLog(join(dir, 'x.log'), () => assert.fail('no output'), ac.signal);
  });
});
