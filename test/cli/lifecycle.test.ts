// After install: status, start, stop, docker-env, password and console, as a user runs them.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BROKEN, FRESH, runInTerminal, runPiped, typeInTerminal } from './run-cli.js';

const CANARY = 'NewCanary-Pa55-93e1';

function installed(): { dir: string; host: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-life-'));
  const host = path.join(dir, 'host.json');
  const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
  const r = runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env });
  assert.equal(r.code, 0, r.output);
  return { dir, host, env };
}

const vmOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { vms: { Name: string; State: string }[] }).vms[0];

describe('lifecycle commands', function () {
  this.timeout(60_000);

  describe('status', () => {
    it("on an installed host: every resource present, mobykit's and healthy; the VM running with its address; exit 0", () => {
      const { host, env } = installed();
      const r = runPiped(['status', '--simulate', host, '--json'], { env });
      assert.equal(r.code, 0, r.output);
      const doc = JSON.parse(r.stdout) as {
        formatVersion: number;
        command: string;
        resources: { step: string; present: boolean; mobykit: boolean; healthy: boolean }[];
        vm: { state: string; address: string; uptimeSeconds: null; console: string };
      };
      assert.equal(doc.formatVersion, 1);
      assert.equal(doc.command, 'status');
      assert.deepEqual(
        doc.resources.map((x) => x.step),
        ['switch', 'nat', 'firewall', 'share', 'vm', 'kvp'],
      );
      assert.ok(
        doc.resources.every((x) => x.present && x.mobykit && x.healthy),
        r.stdout,
      );
      assert.equal(doc.vm.state, 'Running');
      assert.equal(doc.vm.address, '10.0.75.2');
      assert.equal(doc.vm.uptimeSeconds, null, 'a simulated host cannot know the uptime');
      assert.equal(doc.vm.console, '\\\\.\\pipe\\dockerMobyLinuxVM-com1');
      const text = runPiped(['status', '--simulate', host], { env });
      assert.match(text.stdout, /✓ switch DockerNAT .*: healthy, mobykit's/);
      assert.match(text.stdout, /uptime: +not known on a simulated host/);
    });

    it("on a fresh host: everything missing, exit 1; on Docker for Windows leftovers: present but not mobykit's", () => {
      const fresh = runPiped(['status', '--simulate', FRESH, '--json']);
      assert.equal(fresh.code, 1);
      const doc = JSON.parse(fresh.stdout) as { resources: { present: boolean }[]; vm: { present: boolean } };
      assert.ok(doc.resources.every((x) => !x.present));
      assert.equal(doc.vm.present, false);
      const broken = JSON.parse(runPiped(['status', '--simulate', BROKEN, '--json']).stdout) as { resources: { step: string; present: boolean; mobykit: boolean }[] };
      const sw = broken.resources.find((x) => x.step === 'switch')!;
      assert.deepEqual([sw.present, sw.mobykit], [true, false]);
      assert.match(runPiped(['status', '--simulate', BROKEN]).stdout, /switch DockerNAT.*not made by mobykit/);
    });
  });

  describe('start and stop', () => {
    it('stop turns the VM off, start brings it back; each says so, and again is a no-op', () => {
      const { host, env } = installed();
      const stop = runPiped(['stop', '--simulate', host, '--simulate-out', host, '--timeout', '5'], { env });
      assert.equal(stop.code, 0, stop.output);
      assert.match(stop.stderr, /Stop VM MobyLinuxVM \(turned off after 5 s\)/);
      assert.match(stop.stdout, /VM MobyLinuxVM is Off/);
      assert.equal(vmOf(host).State, 'Off');
      const again = runPiped(['stop', '--simulate', host], { env });
      assert.equal(again.code, 0);
      assert.match(again.stdout, /already Off/);
      const start = runPiped(['start', '--simulate', host, '--simulate-out', host, '--json'], { env });
      assert.equal(start.code, 0, start.output);
      assert.deepEqual(JSON.parse(start.stdout).vm, { name: 'MobyLinuxVM', state: 'Running', address: '10.0.75.2' });
      assert.equal(vmOf(host).State, 'Running');
    });

    it('refuses a VM mobykit did not make, and a host with no VM, changing nothing', () => {
      const r = runPiped(['start', '--simulate', BROKEN]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /VM MobyLinuxVM was not made by mobykit/);
      const none = runPiped(['stop', '--simulate', FRESH]);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /no VM MobyLinuxVM .*run mobykit install/);
    });

    it('--timeout is whole seconds, checked before the host is read', () => {
      for (const bad of ['soon', '-1', '2.5', '7200']) {
        const r = runPiped(['stop', '--simulate', FRESH, '--timeout', bad]);
        assert.equal(r.code, 2, bad);
        assert.match(r.stderr, /--timeout .*: give whole seconds from 0 to 3600/, bad);
      }
    });
  });

  describe('docker-env', () => {
    it('prints DOCKER_HOST for each shell, from the configured VM address', () => {
      assert.equal(runPiped(['docker-env', '--shell', 'bash']).stdout.split('\n')[0], "export DOCKER_HOST='tcp://10.0.75.2:2375'");
      assert.equal(runPiped(['docker-env', '--shell', 'powershell']).stdout.split('\n')[0], "$Env:DOCKER_HOST = 'tcp://10.0.75.2:2375'");
      assert.equal(runPiped(['docker-env', '--shell', 'cmd']).stdout.split('\n')[0], 'SET DOCKER_HOST=tcp://10.0.75.2:2375');
      const custom = runPiped(['docker-env', '--shell', 'bash', '--subnet', '10.0.80.0/24', '--host-address', '10.0.80.1', '--vm-address', '10.0.80.2', '--json']);
      assert.deepEqual(JSON.parse(custom.stdout).variables, { DOCKER_HOST: 'tcp://10.0.80.2:2375' });
      assert.equal(runPiped(['docker-env', '--shell', 'fish']).code, 2);
    });
  });

  describe('password', () => {
    it('updates the KVP token and the credential in one plan, from standard input, never showing it', () => {
      const { host, env } = installed();
      const r = runPiped(['password', '--simulate', host, '--simulate-out', host, '--password-stdin', '--yes', '--json'], { env, input: `${CANARY}\n` });
      assert.equal(r.code, 0, r.output);
      const doc = JSON.parse(r.stdout) as { outcome: string; applied: string[] };
      assert.equal(doc.outcome, 'done');
      assert.deepEqual(doc.applied, ['kvp.modify', 'credential.write']);
      assert.match(r.stderr, /Simulated host: the password is not checked against Windows/);
      assert.ok(!r.output.includes(CANARY));
      assert.ok(!readFileSync(host, 'utf8').includes(CANARY));
    });

    it('never takes the password from MOBYKIT_PASSWORD, and without a terminal or --yes changes nothing', () => {
      const { host, env } = installed();
      const before = readFileSync(host, 'utf8');
      const r = runPiped(['password', '--simulate', host, '--simulate-out', host, '--yes'], { env: { ...env, MOBYKIT_PASSWORD: CANARY } });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /pass it with --password-stdin\./);
      const noYes = runPiped(['password', '--simulate', host, '--simulate-out', host, '--password-stdin'], { env, input: CANARY });
      assert.equal(noYes.code, 2);
      assert.match(noYes.stderr, /re-run with --yes/);
      assert.equal(readFileSync(host, 'utf8'), before);
    });

    it("on a host where nothing is mobykit's, says to install", () => {
      const r = runPiped(['password', '--simulate', FRESH, '--password-stdin', '--yes'], { input: CANARY });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Nothing of mobykit's on DEV-PC holds the share password/);
    });

    it('on a terminal: asks twice, hidden, when the host cannot check it; different answers change nothing', async () => {
      const { host, env } = installed();
      const before = readFileSync(host, 'utf8');
      const screen = await typeInTerminal(['password', '--simulate', host, '--simulate-out', host, '--yes'], env, [
        ['Windows password of DEV-PC\\alice', `${CANARY}\r`],
        ['The same password again', 'other\r'],
      ]);
      assert.equal(screen.code, 2, screen.text);
      assert.match(screen.text, /The two passwords differ: nothing was changed/);
      assert.ok(!screen.text.includes(CANARY), 'echoed');
      assert.equal(readFileSync(host, 'utf8'), before);
      const ok = await typeInTerminal(['password', '--simulate', host, '--simulate-out', host, '--yes'], env, [
        ['Windows password of DEV-PC\\alice', `${CANARY}\r`],
        ['The same password again', `${CANARY}\r`],
      ]);
      assert.equal(ok.code, 0, ok.text);
      assert.match(ok.text, /updated in the cifsmount token of VM MobyLinuxVM and the Credential Manager entry/);
      assert.ok(!ok.text.includes(CANARY), 'echoed');
    });
  });

  describe('console', () => {
    it('on the simulated host says plainly that there is no pipe to read', () => {
      const { host, env } = installed();
      const r = runPiped(['console', '--simulate', host], { env });
      assert.equal(r.code, 0, r.output);
      assert.match(r.stdout, /Simulated host: VM MobyLinuxVM is Running and its console is on \\\\\.\\pipe\\dockerMobyLinuxVM-com1, but a rehearsal has no pipe to read/);
    });

    it('refuses a VM that is not there or not running', () => {
      assert.match(runPiped(['console', '--simulate', FRESH]).stderr, /There is no VM MobyLinuxVM/);
      const { host, env } = installed();
      runPiped(['stop', '--simulate', host, '--simulate-out', host], { env });
      const off = runPiped(['console', '--simulate', host], { env });
      assert.equal(off.code, 2);
      assert.match(off.stderr, /VM MobyLinuxVM is Off: its console is silent\. Start it with mobykit start/);
    });
  });

  it('on a terminal, reading the host shows a spinner; in a pipe a plain line, and another while verifying', () => {
    for (const command of ['status', 'doctor', 'snapshot']) {
      const r = runInTerminal([command, '--simulate', FRESH]);
      assert.match(r.output, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏](\u001b\[[0-9;]*m)* Reading the host/, command);
    }
    const piped = runPiped(['install', '--simulate', FRESH, '--yes']);
    assert.match(piped.stderr, /^Reading the host\.\.\.$/m);
    assert.match(piped.stderr, /^Reading the host again to verify\.\.\.$/m);
    assert.ok(piped.stderr.indexOf('again to verify') > piped.stderr.indexOf('ok: kvp.add'));
  });
});
