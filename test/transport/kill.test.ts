// Issue 9 through the PowerShell transport (the stand-in shell): a run stopped at any moment, by
// SIGTERM, SIGHUP, a second Ctrl-C, SIGKILL, a dead or unrestartable PowerShell, or a closed output
// pipe, leaves nothing that a later uninstall cannot find.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/engine/run.js';
import { cliEnv, config, FAKE, fixture, type Fixture } from './fixture.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

describe('kills and dead sessions through PowerShell (stand-in shell, issue 9)', function () {
  this.timeout(90000);
  let f: Fixture;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    f = fixture();
    env = cliEnv(f, 'kill-Test-Pa55');
  });
  afterEach(() => f.cleanup());

  const cli = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { env, encoding: 'utf8', timeout: 60000, input: '' });
  const host = () => JSON.parse(readFileSync(f.state, 'utf8')).doc;
  const start = () => JSON.parse(readFileSync('examples/fresh-win10-pro.json', 'utf8'));
  /** The resources mobykit makes are all gone: the host is back to the fresh example. */
  function assertNothingLeft(): void {
    const s = host();
    const fresh = start();
    for (const k of ['vmSwitches', 'vms', 'netNats', 'firewallRules', 'smbShares', 'credentials']) assert.deepEqual(s[k], fresh[k], k);
    assert.equal(s.files.vhdx.Exists, false, 'the VHDX');
  }

  /** Starts `install --yes` slowly and sends `signals` once the progress shows action `at`. */
  async function interrupted(at: number, signals: NodeJS.Signals[]): Promise<{ code: number | null; err: string }> {
    const child = spawn(process.execPath, [MAIN, 'install', '--yes'], { env: { ...env, MOBYKIT_FAKE_DELAY_MS: '300' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', () => undefined);
    const exited = new Promise<number | null>((r) => child.on('exit', (code, signal) => r(code ?? (signal ? -1 : null))));
    await Promise.race([
      exited,
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (new RegExp(`\\[\\s*${at}/11\\]`).test(err)) {
            clearInterval(poll);
            resolve();
          }
        }, 10);
      }),
    ]);
    for (const s of signals) {
      child.kill(s);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { code: await exited, err };
  }

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} stops after the current action like Ctrl-C (exit 130); uninstall then removes all of it`, async () => {
      const r = await interrupted(3, [signal]);
      assert.equal(r.code, 130, r.err);
      assert.match(r.err, new RegExp(`Stopping after the current action \\(${signal}`));
      const u = cli('uninstall', '--yes');
      assert.equal(u.status, 0, u.stderr + u.stdout);
      assertNothingLeft();
    });
  }

  /**
   * Starts `args` with a probe that reports the process's signal listeners on SIGUSR2, sends it
   * once stderr matches `when`, and returns the counts it reported and the child.
   */
  async function listenersDuring(args: string[], when: RegExp) {
    const probe = path.join(f.dir, 'probe.mjs');
    writeFileSync(
      probe,
      "import { writeSync } from 'node:fs';\nprocess.on('SIGUSR2', () => writeSync(2, " +
        "`listeners: ${['SIGINT', 'SIGTERM', 'SIGHUP'].map((s) => process.listenerCount(s)).join(' ')}\\n`));\n",
    );
    const child = spawn(process.execPath, ['--import', probe, MAIN, ...args], { env: { ...env, MOBYKIT_FAKE_DELAY_MS: '300' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', () => undefined);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const seen = (re: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        const poll = setInterval(() => {
          const m = re.exec(err);
          if (m) {
            clearInterval(poll);
            resolve(m);
          }
        }, 10);
      });
    await seen(when);
    child.kill('SIGUSR2');
    const [, sigint, sigterm, sighup] = (await seen(/listeners: (\d+) (\d+) (\d+)/)).map(Number);
    return { counts: { SIGINT: sigint, SIGTERM: sigterm, SIGHUP: sighup }, child, exited, err: () => err };
  }

  it("one Ctrl-C handler during an install through PowerShell (the run's), which also takes SIGTERM and SIGHUP while it applies", async () => {
    const r = await listenersDuring(['install', '--yes'], /\[\s*2\/11\]/);
    assert.deepEqual(r.counts, { SIGINT: 1, SIGTERM: 1, SIGHUP: 1 }, r.err());
    r.child.kill('SIGINT');
    assert.equal(await r.exited, 130, r.err());
    assert.match(r.err(), /Stopping after the current action \(SIGINT; Ctrl-C again/);
  });

  it('doctor through PowerShell: one Ctrl-C handler, and Ctrl-C while it reads the host stops at once (130)', async () => {
    const r = await listenersDuring(['doctor'], /Reading the host/);
    assert.deepEqual(r.counts, { SIGINT: 1, SIGTERM: 0, SIGHUP: 0 }, r.err());
    r.child.kill('SIGINT');
    assert.equal(await r.exited, 130, r.err());
    assert.match(r.err(), /mobykit: interrupted\./);
  });

  it('a second Ctrl-C quits at once, and still nothing is orphaned: the running action was journaled as pending', async () => {
    const r = await interrupted(3, ['SIGINT', 'SIGINT']);
    assert.equal(r.code, 130, r.err);
    const u = cli('uninstall', '--yes');
    assert.equal(u.status, 0, u.stderr + u.stdout);
    assertNothingLeft();
  });

  for (const at of [3, 9]) {
    it(`SIGKILL during action ${at} (NAT, VM and its disk): the next uninstall settles the pending entry by looking and removes it`, async () => {
      const r = await interrupted(at, ['SIGKILL']);
      assert.equal(r.code, -1);
      await new Promise((res) => setTimeout(res, 700)); // the stand-in finishes the call it had started
      const u = cli('uninstall', '--yes');
      assert.equal(u.status, 0, u.stderr + u.stdout);
      assertNothingLeft();
    });
  }

  it('PowerShell dying mid-install: a new session rolls back, and --json still gives the document', () => {
    env.MOBYKIT_FAKE_DIE_ON = 'New-MobyKitNat';
    const r = cli('install', '--yes', '--json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.outcome, 'failed');
    assert.equal(out.failed.id, 'nat.create');
    assert.deepEqual(out.rollback.undone, ['vnic.remove-address:vEthernet (DockerNAT)', 'switch.remove:DockerNAT']);
    assertNothingLeft();
    const journal = JSON.parse(readFileSync(path.join(f.stateDir, 'journal.json'), 'utf8'));
    assert.deepEqual(journal.entries, [], 'the journal is back to its start');
  });

  it('PowerShell dying and refusing to start again: what was applied and what was not is printed and in --json', () => {
    // A shell that starts once: the rollback's new session fails.
    const once = path.join(f.dir, 'pwsh-once');
    writeFileSync(
      once,
      `#!/bin/sh\nif [ -e '${f.dir}/started' ]; then echo 'pwsh: cannot start' >&2; exit 1; fi\ntouch '${f.dir}/started'\nexec '${process.execPath}' '${FAKE}' "$@"\n`,
    );
    chmodSync(once, 0o755);
    env.NODE_POWERSHELL = once;
    env.MOBYKIT_FAKE_DIE_ON = 'New-MobyKitNat';
    const text = cli('install', '--yes');
    assert.equal(text.status, 1, text.stderr);
    assert.match(
      text.stdout,
      /Nothing was rolled back: the host could not be reached .*\nApplied, and still on the host \(recorded in the journal\):\n.*Create Internal switch DockerNAT[^]*\nNot applied:\n.*Create NAT DockerNAT/,
    );
    // Again from the start, for the --json document.
    for (const p of [f.state, path.join(f.dir, 'started'), path.join(f.stateDir, 'journal.json')]) rmSync(p, { force: true });
    const r = cli('install', '--yes', '--json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.match(out.rollback.notAttempted, /could not be reached to roll back/);
    assert.deepEqual(out.applied, ['switch.create', 'vnic.set-address']);
    assert.equal(out.notApplied[0], 'nat.create');
    assert.ok(out.notApplied.includes('vm.create'));
    // What was applied is journaled: once PowerShell starts again, uninstall removes it.
    env.NODE_POWERSHELL = process.env.NODE_POWERSHELL;
    delete env.MOBYKIT_FAKE_DIE_ON;
    const u = cli('uninstall', '--yes');
    assert.equal(u.status, 0, u.stderr + u.stdout);
    assertNothingLeft();
  });

  it('a PowerShell call that times out: a new session rolls the run back', async () => {
    process.env.MOBYKIT_FAKE_HANG_ON = 'New-MobyKitNat';
    const ps = await f.open({ timeoutMs: 2000 });
    const r = await run('install', ps, config(), { secrets: async () => ({ sharePassword: 'kill-Test-Pa55' }) });
    assert.equal(r.outcome, 'failed');
    assert.match(r.failed!.error.message, /timed out/);
    assert.deepEqual(
      r.rollback!.undone.map((a) => a.op),
      ['vnic.remove-address', 'switch.remove'],
    );
    assert.equal(r.rollback!.notAttempted, undefined);
    assertNothingLeft();
  });

  it('installed with custom names, a plain uninstall through PowerShell looks where mobykit installed and removes it all', () => {
    const install = cli('install', '--yes', '--switch-name', 'MobyNet', '--nat-name', 'MobyNat', '--vm-name', 'MobyVM');
    assert.equal(install.status, 0, install.stderr + install.stdout);
    assert.deepEqual(
      host().vms.map((v: { Name: string }) => v.Name),
      ['MobyVM'],
    );
    const u = cli('uninstall', '--yes');
    assert.equal(u.status, 0, u.stderr + u.stdout);
    assert.match(u.stdout, /uninstall looks where mobykit installed: switch\.name "MobyNet"/);
    assertNothingLeft();
    assert.equal(JSON.parse(cli('uninstall', '--yes', '--json').stdout).outcome, 'nothing-to-do');
  });

  it('a journal that cannot be written mid-run (journal.json turned into a folder) stops before the next change and rolls back', async () => {
    const child = spawn(process.execPath, [MAIN, 'install', '--yes', '--json'], { env: { ...env, MOBYKIT_FAKE_DELAY_MS: '300' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (/\[\s*2\/11\]/.test(err)) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const file = path.join(f.stateDir, 'journal.json');
    rmSync(file, { force: true });
    mkdirSync(file);
    assert.equal(await exited, 1, err);
    const doc = JSON.parse(out);
    assert.equal(doc.outcome, 'failed');
    assert.match(doc.failed.message, /cannot write mobykit's journal/);
    assert.ok(doc.rollback.undone.length >= 1);
    assertNothingLeft();
  });

  it('a snapshot carries the journal: an uninstall rehearsed on it plans what the real one does', () => {
    assert.equal(cli('install', '--yes').status, 0);
    const snap = path.join(f.dir, 'snap.json');
    assert.equal(cli('snapshot', '-o', snap).status, 0);
    const rehearsed = JSON.parse(cli('plan', '--uninstall', '--simulate', snap, '--json').stdout);
    const real = JSON.parse(cli('plan', '--uninstall', '--json').stdout);
    assert.deepEqual(
      rehearsed.plan.map((a: { description: string }) => a.description),
      real.plan.map((a: { description: string }) => a.description),
    );
    assert.ok(real.plan.some((a: { description: string }) => /and the disk mobykit made for it/.test(a.description)));
  });

  it('a closed output pipe does not kill the run halfway: install finishes and records everything', async () => {
    const child = spawn(process.execPath, [MAIN, 'install', '--yes'], { env: { ...env, MOBYKIT_FAKE_DELAY_MS: '50' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Like `mobykit install 2>&1 | head -3`: the reader goes away after the first lines.
    child.stderr.once('data', () => {
      child.stderr.destroy();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 0);
    const s = host();
    assert.equal(s.netNats.length, 1);
    assert.equal(s.vms.length, 1);
    const journal = JSON.parse(readFileSync(path.join(f.stateDir, 'journal.json'), 'utf8'));
    assert.ok(journal.entries.every((e: { state: string }) => e.state === 'made'));
    const u = cli('uninstall', '--yes');
    assert.equal(u.status, 0, u.stderr);
    assertNothingLeft();
  });
});
