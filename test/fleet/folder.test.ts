// Rehearsal on many hosts: doctor --from DIR, install --simulate DIR --simulate-out DIR --simulate-fail HOST:ACTION.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(process.cwd(), 'dist/src/cli/main.js');

describe('fleet rehearsal: a folder of snapshots', function () {
  this.timeout(60_000);
  let root: string;
  let dir: string;
  let state: string;
  const made: string[] = [];
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [MAIN, ...args], {
      env: { ...process.env, MOBYKIT_STATE_DIR: state, MOBYKIT_RUN_LOG_DIR: state, NO_COLOR: '1' },
      encoding: 'utf8',
      input: '',
    });

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mobykit-fleet-dir-'));
    dir = path.join(root, 'hosts');
    state = path.join(root, 'state');
    mkdirSync(dir);
    for (const f of ['fresh-win10-pro.json', 'converged.json', 'broken.json']) copyFileSync(path.join('examples', f), path.join(dir, f));
  });
  after(() => {
    for (const d of [root, ...made]) rmSync(d, { recursive: true, force: true });
  });

  it('doctor --from DIR diagnoses every snapshot, one line per host and a table; exit 1 for a host with errors', () => {
    const r = cli('doctor', '--from', dir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /^converged: healthy \(0 errors, 0 warnings\)$/m);
    assert.match(r.stdout, /^HOST\s+OUTCOME\s+ERRORS/m);
    assert.match(r.stdout, /^fresh-win10-pro\s+problems\s+\d+/m);
    assert.match(r.stdout, /3 hosts, 2 failed or with errors/);
  });

  it('install --simulate DIR: each host on its own; one injected failure rolls back that host only', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mobykit-fleet-out-'));
    made.push(out);
    const fresh2 = path.join(dir, 'fresh-2.json');
    copyFileSync(path.join('examples', 'fresh-win10-pro.json'), fresh2);
    try {
      const r = cli('install', '--simulate', dir, '--simulate-out', out, '--simulate-fail', 'fresh-2:nat.create', '--yes', '--json');
      const doc = JSON.parse(r.stdout) as { formatVersion: number; hosts: { computerName: string; outcome: string; applied: string[]; error: string | null }[] };
      assert.equal(r.status, 1);
      const by = Object.fromEntries(doc.hosts.map((h) => [h.computerName, h]));
      assert.equal(by['fresh-win10-pro'].outcome, 'done');
      assert.equal(by['fresh-2'].outcome, 'failed');
      assert.match(by['fresh-2'].error ?? '', /^nat\.create: /);
      assert.equal(by.converged.outcome, 'nothing-to-do');
      assert.deepEqual(readdirSync(out).sort(), ['broken.json', 'converged.json', 'fresh-2.json', 'fresh-win10-pro.json']);
      // The failed host was rolled back: no switch of mobykit's left; the other fresh host has it.
      const switches = (f: string) => (JSON.parse(readFileSync(path.join(out, f), 'utf8')) as { vmSwitches: { Name: string }[] }).vmSwitches.map((s) => s.Name);
      assert.ok(switches('fresh-win10-pro.json').includes('DockerNAT'));
      assert.ok(!switches('fresh-2.json').includes('DockerNAT'));
    } finally {
      rmSync(fresh2, { force: true });
    }
  });

  it('refuses --simulate-fail for a host the folder does not hold, naming the hosts', () => {
    const r = cli('install', '--simulate', dir, '--simulate-fail', 'nohost:nat.create', '--yes');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--simulate-fail "nohost:nat\.create": give HOST:ACTION_ID, HOST one of broken, converged, fresh-win10-pro/);
  });

  it('install on many hosts without --yes asks no host-by-host question: it refuses and changes nothing', () => {
    const r = cli('install', '--simulate', dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /review with mobykit plan first, then re-run with --yes/);
  });

  it('refuses a --call-timeout that is not whole seconds from 1 to 86400, naming it, before connecting to any host', () => {
    for (const bad of ['0', '1.5', 'soon']) {
      const r = cli('doctor', '--computer-name', '192.0.2.1', '--call-timeout', bad);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /--call-timeout \S+: give whole seconds from 1 to 86400/);
    }
  });
});
