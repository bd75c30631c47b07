// logs names what it shows, takes --tail, shows mobykit's own runs; run logs are rotated; Ctrl-C ends --follow with 130.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KEEP_RUN_LOGS } from '../../src/cli/log.js';
import { FRESH, MAIN, runPiped, userEnv } from './run-cli.js';

const runLogName = (i: number) => `mobykit-2020-01-01T00-00-${String(i).padStart(2, '0')}-000Z-${1000 + i}.log`;

describe('logs and run logs', function () {
  this.timeout(60_000);

  it('keeps the newest run logs only, and never another file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-rotate-'));
    for (let i = 0; i < 55; i++) writeFileSync(path.join(dir, runLogName(i)), `old run ${i}\n`);
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const r = runPiped(['plan', '--simulate', FRESH], { env: { MOBYKIT_RUN_LOG_DIR: dir } });
    assert.equal(r.code, 0, r.output);
    const left = readdirSync(dir);
    assert.equal(left.filter((n) => n.startsWith('mobykit-')).length, KEEP_RUN_LOGS);
    assert.ok(left.includes('notes.txt'));
    assert.ok(!left.includes(runLogName(5)), 'the oldest went');
    assert.ok(left.includes(runLogName(54)));
  });

  it("logs --runs shows mobykit's newest run and names its file; --tail N the last lines", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-runs-'));
    const env = { MOBYKIT_RUN_LOG_DIR: dir };
    assert.equal(runPiped(['plan', '--simulate', FRESH], { env }).code, 0);
    const r = runPiped(['logs', '--runs'], { env });
    assert.equal(r.code, 0, r.output);
    const [file] = readdirSync(dir);
    assert.match(r.stderr, new RegExp(`==> .*${file.replace(/\./g, '\\.')} <==`));
    assert.match(r.stdout, /command line: mobykit plan --simulate/);
    const tail = runPiped(['logs', '--runs', '--tail', '1'], { env });
    assert.equal(tail.stdout.trim().split('\n').length, 1);
    assert.match(tail.stdout, /outcome: ok \(exit code 0\)/);
    const json = JSON.parse(runPiped(['logs', '--runs', '--tail', '2', '--json'], { env }).stdout) as { formatVersion: number; file: string; lines: string[] };
    assert.equal(json.formatVersion, 1);
    assert.equal(json.lines.length, 2);
    assert.equal(path.basename(json.file), file);
  });

  it('a --dir that does not exist is bad input; --tail must be a count', () => {
    assert.equal(runPiped(['logs', '--dir', '/nonexistent/logs']).code, 2);
    assert.equal(runPiped(['logs', '--runs', '--tail', '-3']).code, 2);
    assert.equal(runPiped(['logs', '--runs', '--follow', '--json']).code, 2);
  });

  it('Ctrl-C ends --follow with 130', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-follow-'));
    writeFileSync(path.join(dir, 'log.txt'), 'line one\n');
    const child = spawn(process.execPath, [MAIN, 'logs', '--dir', dir, '--follow'], { env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (out.includes('line one')) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    assert.equal(await exited, 130);
  });
});
