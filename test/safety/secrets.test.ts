// The share password must never appear in any output, file, process argument or the journal.
// Every command runs with a canary password; everything it prints or writes is scanned.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const CANARY = "Canary'Pa55$(x)`q-5e1f";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('secrets: a canary password is never printed, logged, stored or exported', function () {
  this.timeout(60000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'mobykit-secrets-'));
  const env = {
    ...process.env,
    CI: '',
    MOBYKIT_STATE_DIR: path.join(work, 'state'),
    MOBYKIT_RUN_LOG_DIR: path.join(work, 'logs'),
  };
  const host = path.join(work, 'host.json');
  copyFileSync('examples/fresh-win10-pro.json', host);
  const outputs: string[] = [];
  const run = (args: string[], opts: { input?: string; password?: 'env' | 'stdin' } = {}) => {
    const r = spawnSync(process.execPath, [MAIN, ...args], {
      env: { ...env, ...(opts.password === 'env' ? { MOBYKIT_PASSWORD: CANARY } : {}) },
      input: opts.password === 'stdin' ? `${CANARY}\n` : (opts.input ?? ''),
      encoding: 'utf8',
      cwd: work,
    });
    outputs.push(`$ mobykit ${args.join(' ')}\n${r.stdout}${r.stderr}`);
    return r;
  };
  const sim = ['--simulate', host, '--simulate-out', host];

  before(() => {
    writeFileSync(path.join(work, 'mobykit.config.json'), '{}');
    // Every command that can see the password, in each of its output modes.
    assert.equal(run(['install', ...sim, '--yes', '--verbose', '--password-stdin'], { password: 'stdin' }).status, 0);
    run(['install', ...sim, '--yes', '--json'], { password: 'env' });
    run(['plan', '--simulate', host, '--json', '--verbose'], { password: 'env' });
    run(['plan', '--simulate', path.join(process.cwd(), 'examples/fresh-win10-pro.json'), '--export', path.join(work, 'install.ps1')], { password: 'env' });
    run(['doctor', '--simulate', host, '--json', '--report', path.join(work, 'report.html')], { password: 'env' });
    run(['doctor', '--simulate', host, '--report', path.join(work, 'report.md')], { password: 'env' });
    run(['snapshot', '--simulate', host, '-o', path.join(work, 'snapshot.json')], { password: 'env' });
    run(['config', 'show', '--json'], { password: 'env' });
    run(['install', '--simulate', path.join(process.cwd(), 'examples/fresh-win10-pro.json'), '--simulate-fail', 'kvp.add', '--yes', '--verbose'], { password: 'env' });
    run(['uninstall', ...sim, '--yes', '--verbose'], { password: 'env' });
  });

  it('appears in no output of any command', () => {
    for (const o of outputs) assert.ok(!o.includes(CANARY) && !o.includes('Pa55$(x)'), o);
  });

  it('appears in no file written: snapshots, journal, logs, reports, the exported script', () => {
    const files = filesUnder(work);
    assert.ok(
      files.some((f) => f.endsWith('.log')),
      'no run log was written',
    );
    assert.ok(files.some((f) => f.endsWith('install.ps1')) && files.some((f) => f.endsWith('report.html')));
    for (const f of files) assert.ok(!readFileSync(f, 'latin1').includes('Pa55$(x)'), `${f} holds the password`);
  });

  it('is never masked in the log by search-and-replace, which would show where a weak password occurs', () => {
    const logs = path.join(work, 'weak-logs');
    const r = spawnSync(process.execPath, [MAIN, 'install', '--simulate', path.join(process.cwd(), 'examples/fresh-win10-pro.json'), '--yes'], {
      env: { ...env, MOBYKIT_RUN_LOG_DIR: logs, MOBYKIT_PASSWORD: 'Docker' },
      encoding: 'utf8',
      cwd: work,
      input: '',
    });
    assert.equal(r.status, 0, r.stderr);
    const log = readFileSync(path.join(logs, readdirSync(logs)[0]), 'utf8');
    assert.match(log, /DockerNAT/);
    assert.ok(!log.includes('***NAT') && !r.stdout.includes('***NAT'), 'the log marks where the password "Docker" occurs');
  });

  it('is read from stdin, never taken as a flag', () => {
    const r = run(['install', ...sim, '--yes', '--password', CANARY]);
    assert.equal(r.status, 2);
    assert.ok(!r.stderr.includes(CANARY), 'the error repeats the password');
  });
});
