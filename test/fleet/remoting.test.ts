// doctor and plan on many hosts through real PowerShell remoting over SSH: the CLI's one local
// pwsh opens a session per host (one sshd each on a loopback address, test/fleet/sshd.ts),
// delivers the module, and every host answers from its own simulated Windows.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REAL_PWSH } from '../real-pwsh.js';
import { fleetUnavailable, runFleetCli, startFleet, type FleetRun as Run, type FleetHost, type TestFleet } from './sshd.js';

// Three hosts the tests diagnose; a fourth, fresh, that hangs in the last test; a fifth (written in
// before()) whose account is not an administrator.
const EXAMPLES = ['fresh-win10-pro.json', 'converged.json', 'broken.json', 'fresh-win10-pro.json'].map((f) => path.join(process.cwd(), 'examples', f));

interface FleetJson {
  formatVersion: number;
  hosts: { computerName: string; outcome: string; findings: { id: string; severity: string }[]; plan: { id: string }[] | null; error: string | null; roundTrips?: number }[];
  summary: Record<string, number>;
}

describe('fleet: many hosts through PowerShell remoting over SSH', function () {
  this.timeout(120_000);
  let fleet: TestFleet;
  let state: string;

  before(async function () {
    const why = fleetUnavailable(REAL_PWSH);
    if (why) {
      if (process.env.MOBYKIT_REQUIRE_PWSH === '1') throw new Error(`the fleet tests cannot run: ${why}`);
      this.skip();
    }
    state = mkdtempSync(path.join(os.tmpdir(), 'mobykit-fleet-state-'));
    const notAdmin = JSON.parse(readFileSync(EXAMPLES[0], 'utf8')) as { platform: { identity: { IsAdministrator: boolean } } };
    notAdmin.platform.identity.IsAdministrator = false;
    writeFileSync(path.join(state, 'not-admin.json'), JSON.stringify(notAdmin));
    fleet = await startFleet(REAL_PWSH, [...EXAMPLES, path.join(state, 'not-admin.json')]);
  });
  after(async () => {
    await fleet?.stop();
    if (state) rmSync(state, { recursive: true, force: true });
  });

  const cli = (args: string[], whileRunning?: (child: ChildProcess) => void): Promise<Run> =>
    runFleetCli(fleet, REAL_PWSH, args, { workDir: state, password: 'Fleet-Pa55-remoting', whileRunning });

  const three = () => fleet.names().slice(0, 3);
  /** Does `act` to the host 300 ms after its session's pwsh is up, while the run works on it. */
  const onceSessionUp = (host: FleetHost, act: () => void, did: { done: boolean }) => {
    const poll = setInterval(() => {
      if (fleet.sessions(host).length >= 2) {
        clearInterval(poll);
        setTimeout(() => {
          act();
          did.done = true;
        }, 300);
      }
    }, 50);
    setTimeout(() => clearInterval(poll), 60_000);
  };
  const parse = (r: Run): FleetJson => {
    try {
      return JSON.parse(r.stdout) as FleetJson;
    } catch {
      throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
    }
  };

  it('diagnoses every host from its own state, reports an unreachable host for that host, and removes the delivered module', async () => {
    const unreachable = `127.0.0.250:${fleet.hosts[0].port}`;
    const r = await cli(['doctor', '--computer-name', [...three(), unreachable].join(',')]);
    const doc = parse(r);
    assert.equal(r.code, 1, 'a host with doctor errors and an unreachable host make exit 1');
    assert.equal(doc.formatVersion, 1);
    assert.deepEqual(
      doc.hosts.map((h) => h.computerName),
      [...three(), unreachable],
    );
    const [fresh, converged, broken, gone] = doc.hosts;
    const ids = (h: FleetJson['hosts'][number]) => h.findings.filter((f) => f.severity === 'error').map((f) => f.id);
    // Every reachable host answered (a failure says why before anything is read from its findings).
    for (const h of [fresh, converged, broken]) {
      assert.equal(h.error, null, `${h.computerName}: ${h.outcome}: ${h.error}`);
      assert.ok((h.roundTrips ?? 0) >= 2, 'the gather and the journal, on the host');
    }
    // The converged host (its journal on the host says the resources are mobykit's) is healthy.
    assert.deepEqual([fresh.outcome, converged.outcome, broken.outcome], ['problems', 'healthy', 'problems']);
    // Each host answered from its own snapshot: the fresh host lacks the switch, the converged one has it.
    assert.ok(ids(fresh).includes('switch.missing'), `fresh host: ${ids(fresh).join(', ')}`);
    assert.ok(!ids(converged).includes('switch.missing'), `converged host: ${ids(converged).join(', ')}`);
    assert.notDeepEqual(ids(broken), ids(fresh));
    assert.equal(gone.outcome, 'unreachable');
    // Named, and found refusing before any ssh started (an ssh that exits at once can abort the local PowerShell).
    assert.match(gone.error ?? '', new RegExp(`^New-PSSession to ${unreachable.replace(/\./g, '\\.')} \\(SSH\\): cannot connect to port ${fleet.hosts[0].port}: `));
    assert.equal(doc.summary.hosts, 4);
    // The module was delivered into each host's temporary folder and removed at the end.
    for (const h of fleet.hosts.slice(0, 3))
      assert.deepEqual(
        readdirSync(h.tmpDir).filter((f) => f.startsWith('mobykit-')),
        [],
        h.name,
      );
  });

  it('plans every host through the engine from its own state; a host whose account is not an administrator is blocked', async () => {
    const r = await cli(['plan', '--computer-name', [...fleet.names().slice(0, 2), fleet.names()[4]].join(',')]);
    const [fresh, converged, notAdmin] = parse(r).hosts;
    assert.equal(fresh.outcome, 'planned', `${fresh.computerName}: ${fresh.error}`);
    assert.ok(
      fresh.plan?.some((a) => a.id === 'switch.create'),
      JSON.stringify(fresh.plan),
    );
    assert.equal(converged.outcome, 'nothing-to-do', `${converged.computerName}: ${converged.error}`);
    // Its snapshot says the account is not an administrator (what Get-MobyKitProcessIdentity answers on that host).
    assert.equal(notAdmin.outcome, 'blocked', `${notAdmin.computerName}: ${notAdmin.error}`);
    assert.ok(
      notAdmin.findings.some((f) => f.id === 'platform.privileges'),
      JSON.stringify(notAdmin.findings.map((f) => f.id)),
    );
    assert.equal(r.code, 1);
  });

  it('a host killed mid-run is reported for that host; the others finish', async () => {
    const victim = fleet.hosts[2];
    const killed = { done: false };
    const r = await cli(['doctor', '--computer-name', three().join(',')], () => onceSessionUp(victim, () => fleet.kill(victim), killed));
    const doc = parse(r);
    assert.ok(killed.done, 'the host was killed during the run');
    const [a, b, c] = doc.hosts;
    assert.equal(a.error, null, a.error ?? '');
    assert.equal(b.error, null, b.error ?? '');
    assert.ok(['failed', 'unreachable'].includes(c.outcome), c.outcome);
    assert.ok(c.error, 'the killed host says what happened');
    assert.equal(r.code, 1);
  });

  it("holds each host's own lock while it changes it: a host another run holds is reported for that host, naming the holder; a stale lock is taken over", async () => {
    const [held, free] = fleet.hosts;
    const names = [held, free].map((h) => `${h.address}:${h.port}`).join(',');
    const lockOf = (h: typeof held) => path.join(h.stateDir, 'host.lock');
    // Another mobykit holds host1: a live process, the lock touched just now (what a run on the host writes).
    const other = spawn('sleep', ['600'], { stdio: 'ignore' });
    try {
      mkdirSync(held.stateDir, { recursive: true });
      const theirs = JSON.stringify({ pid: other.pid, command: 'uninstall', since: '2026-11-29T10:00:00.000Z', nonce: 'theirs' });
      writeFileSync(lockOf(held), theirs);
      const r = await cli(['install', '--yes', '--computer-name', names]);
      const [a, b] = parse(r).hosts;
      assert.equal(a.outcome, 'locked', `${a.computerName}: ${a.error}`);
      assert.match(a.error ?? '', new RegExp(`Another mobykit \\(PID ${other.pid} on this host, uninstall since 2026-11-29T10:00:00.000Z\\)`));
      assert.equal(a.plan, null, 'nothing was planned on the locked host');
      assert.equal(readFileSync(lockOf(held), 'utf8'), theirs, "the holder's lock is left as it was");
      // host2 was not held back, and its lock was released at the end of its run.
      assert.ok(b.outcome !== 'locked' && b.plan !== null, `${b.computerName}: ${b.outcome}: ${b.error}`);
      assert.ok(!existsSync(lockOf(free)), 'host2 lock released');
      assert.equal(r.code, 1);
    } finally {
      other.kill('SIGKILL');
    }
    // Its holder gone: the lock is stale, taken over, and released at the end.
    const again = parse(await cli(['install', '--yes', '--computer-name', names]));
    assert.ok(again.hosts[0].outcome !== 'locked' && again.hosts[0].plan !== null, `${again.hosts[0].computerName}: ${again.hosts[0].outcome}: ${again.hosts[0].error}`);
    assert.ok(!existsSync(lockOf(held)), 'host1 lock released');
  });

  it('a host that hangs is reported for that host with the limit it exceeded; the others finish', async () => {
    // host4 hangs before it says anything (its sshd stopped: the connection is taken, no answer);
    // host2 hangs once its session is up. The limit leaves room for a loaded machine's slow open.
    const [healthy, midRun, , atOpen] = fleet.hosts;
    fleet.freeze(atOpen);
    const frozen = { done: false };
    const r = await cli(['doctor', '--call-timeout', '40', '--computer-name', [healthy, midRun, atOpen].map((h) => `${h.address}:${h.port}`).join(',')], () =>
      onceSessionUp(midRun, () => fleet.freeze(midRun), frozen),
    );
    const doc = parse(r);
    assert.ok(frozen.done, 'host2 hung during the run');
    const [a, b, c] = doc.hosts;
    assert.equal(a.error, null, `${a.computerName}: ${a.error}`);
    assert.ok(['problems', 'healthy'].includes(a.outcome), a.outcome);
    for (const hung of [b, c]) {
      assert.ok(['failed', 'unreachable'].includes(hung.outcome), `${hung.computerName}: ${hung.outcome}`);
      assert.match(hung.error ?? '', /gave no answer within 40 s \(--call-timeout\)/, hung.computerName);
    }
    assert.equal(c.outcome, 'unreachable', 'it never opened a session');
    assert.deepEqual(
      readdirSync(healthy.tmpDir).filter((f) => f.startsWith('mobykit-')),
      [],
      'the healthy host was cleaned',
    );
    assert.equal(r.code, 1);
  });
});
