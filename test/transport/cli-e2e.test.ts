// install, doctor and uninstall as a user runs them, through the real PowerShellHost,
// node-powershell and a child shell (the stand-in), one CLI process per command.
import type { JournalDoc } from '../../src/state/journal.js';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLI_MAIN, cliEnv, FAKE, fixture, type Fixture } from './fixture.js';

const MAIN = CLI_MAIN;
const CANARY = 'e2e-Canary-Pa55-91d2';

describe('CLI end to end through PowerShell (stand-in shell)', function () {
  this.timeout(60000);
  let f: Fixture;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    f = fixture();
    env = cliEnv(f, CANARY);
  });
  afterEach(() => f.cleanup());

  const cli = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { env, encoding: 'utf8', timeout: 45000, input: '' });

  it('install converges, doctor is healthy, install again plans nothing, uninstall restores the host', () => {
    const install = cli('install', '--yes');
    assert.equal(install.status, 0, install.stderr + install.stdout);
    assert.match(install.stdout, /Done: 11 actions applied and verified/);
    const doctor = cli('doctor', '--json');
    assert.equal(doctor.status, 0, doctor.stdout);
    assert.ok(!(JSON.parse(doctor.stdout).findings as { severity: string }[]).some((x) => x.severity === 'error'));
    const again = cli('install', '--yes', '--json');
    assert.equal(JSON.parse(again.stdout).outcome, 'nothing-to-do');
    const uninstall = cli('uninstall', '--yes');
    assert.equal(uninstall.status, 0, uninstall.stderr);
    const state = JSON.parse(readFileSync(f.state, 'utf8')).doc;
    const start = JSON.parse(readFileSync('examples/fresh-win10-pro.json', 'utf8'));
    assert.deepEqual(state.vmSwitches, start.vmSwitches);
    assert.deepEqual(state.vms, start.vms);
    assert.deepEqual(state.netNats, start.netNats);
    // The password went to the shell only inside base64 requests, never in clear.
    assert.ok(!readFileSync(f.log, 'utf8').includes(CANARY));
  });

  it('MOBYKIT_PASSWORD is taken out of the environment: the PowerShell child (and its own children) never inherit it', () => {
    const envFile = path.join(f.dir, 'pwsh.env');
    writeFileSync(path.join(f.dir, 'pwsh'), `#!/bin/sh\nenv > '${envFile}'\nexec '${process.execPath}' '${FAKE}' "$@"\n`);
    const install = cli('install', '--yes');
    assert.equal(install.status, 0, install.stderr);
    const childEnv = readFileSync(envFile, 'utf8');
    assert.match(childEnv, /MOBYKIT_FAKE_STATE=/, 'the wrapper saw the environment');
    assert.ok(!childEnv.includes('MOBYKIT_PASSWORD') && !childEnv.includes(CANARY), 'the shell inherited the password');
  });

  it('a cmdlet error surfaces with its message, and the run is rolled back', () => {
    env.MOBYKIT_FAKE_STDERR_ON = 'New-MobyKitNat';
    const r = cli('install', '--yes', '--json');
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.failed.id, 'nat.create');
    assert.match(out.failed.message, /Simulated failure in New-MobyKitNat/);
    assert.deepEqual(out.rollback.undone, ['vnic.remove-address:vEthernet (DockerNAT)', 'switch.remove:DockerNAT']);
  });

  it('the shell dying mid-run gives a clear error and exit 1', () => {
    env.MOBYKIT_FAKE_DIE_ON = 'Set-MobyKitFirewallRule';
    const r = cli('install', '--yes');
    assert.equal(r.status, 1);
    assert.match(r.stdout + r.stderr, /PowerShell exited unexpectedly/);
  });

  it('Ctrl-C finishes the current action, keeps the journal, exits 130; the next install picks up', async () => {
    env.MOBYKIT_FAKE_DELAY_MS = '400';
    const child = spawn(process.execPath, [MAIN, 'install', '--yes'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    await Promise.race([
      exited,
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (/\[\s*2\/11\]/.test(err)) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      }),
    ]);
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 130, err);
    const journal = JSON.parse(readFileSync(path.join(f.stateDir, 'journal.json'), 'utf8')) as JournalDoc;
    assert.deepEqual(
      journal.entries.map((e) => [e.kind, e.state]),
      [
        ['switch', 'applied'],
        ['address', 'applied'],
      ],
    );
    delete env.MOBYKIT_FAKE_DELAY_MS;
    const next = cli('install', '--yes', '--json');
    assert.equal(next.status, 0, next.stderr);
    assert.equal(JSON.parse(next.stdout).applied.length, 9);
  });
});
