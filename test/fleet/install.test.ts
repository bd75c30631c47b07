// install and uninstall on many hosts through real PowerShell remoting over SSH: each host is an
// sshd on loopback whose sessions run the real module against a simulated Windows that reads and
// changes the host's own snapshot file (test/fleet/FleetHost.ps1). What the tests read back is
// that file: the state the cmdlets left, not what the CLI says it did.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REAL_PWSH } from '../real-pwsh.js';
import { fleetUnavailable, runFleetCli, startFleet, type FleetRun as Run, type FleetHost, type TestFleet } from './sshd.js';

const example = (f: string) => path.join(process.cwd(), 'examples', f);
const PASSWORD = 'Fleet-Pa55-7c1e';

interface Finding {
  id: string;
  severity: string;
  fixedByInstall?: boolean;
}
interface HostReport {
  computerName: string;
  outcome: string;
  findings: Finding[];
  plan: { id: string }[] | null;
  applied: string[] | null;
  error: string | null;
}
interface FleetJson {
  hosts: HostReport[];
  summary: Record<string, number>;
}
// The parts of a host snapshot these tests read.
interface Named {
  Name: string;
}
interface Snapshot {
  vmSwitches: (Named & { Id: string; Notes: string })[];
  netAdapters: Named[];
  netIPAddresses: { InterfaceAlias: string; IPAddress: string; PrefixLength: number }[];
  netConnectionProfiles: { InterfaceAlias: string; NetworkCategory: string }[];
  netNats: (Named & { InternalIPInterfaceAddressPrefix: string })[];
  firewallRules: (Named & { Enabled: boolean })[];
  smbShares: (Named & { Access: { AccountName: string; AccessRight: string }[] })[];
  credentials: { TargetName: string; UserName: string }[];
  localAccounts?: (Named & { SID: string; Description: string })[];
  vms: (Named & { Id: string; State: string; KvpHostExchangeItems: { Name: string; Data: string }[] })[];
  files: { vhdx: { Exists: boolean } };
  mobykit?: unknown;
}

const RULES = ['DockerTcp', 'DockerUdp', 'DockerSmbMount'];

describe('fleet: install and uninstall change many hosts through PowerShell remoting over SSH', function () {
  this.timeout(600_000);
  let fleet: TestFleet;
  let work: string;
  let host: Record<'fresh' | 'broken' | 'converged' | 'networkLogon' | 'killed' | 'partner' | 'accountStore' | 'accountNetwork', FleetHost>;

  before(async function () {
    const why = fleetUnavailable(REAL_PWSH);
    if (why) {
      if (process.env.MOBYKIT_REQUIRE_PWSH === '1') throw new Error(`the fleet tests cannot run: ${why}`);
      this.skip();
    }
    work = mkdtempSync(path.join(os.tmpdir(), 'mobykit-fleet-install-'));
    // A host mobykit set up (its journal comes with it) that drifted: its NAT removed, one
    // firewall rule disabled, the VM off and the stored credential gone.
    const broken = JSON.parse(readFileSync(example('converged.json'), 'utf8')) as Snapshot;
    broken.netNats = [];
    broken.firewallRules.find((r) => r.Name === 'DockerUdp')!.Enabled = false;
    broken.vms[0].State = 'Off';
    broken.credentials = [];
    writeFileSync(path.join(work, 'broken.json'), JSON.stringify(broken));
    // A fresh host whose sessions are network logons (as SSH with a key is on Windows): it has no
    // Credential Manager, so CredWrite fails with 1312 (FleetHost.ps1 reads this key).
    const network = { ...(JSON.parse(readFileSync(example('fresh-win10-pro.json'), 'utf8')) as Snapshot), fleetHost: { credentialManagerError: 1312 } };
    writeFileSync(path.join(work, 'network-logon.json'), JSON.stringify(network));
    const fresh = example('fresh-win10-pro.json');
    fleet = await startFleet(REAL_PWSH, [
      fresh,
      path.join(work, 'broken.json'),
      example('converged.json'),
      path.join(work, 'network-logon.json'),
      fresh,
      fresh,
      fresh,
      path.join(work, 'network-logon.json'),
    ]);
    const [a, b, c, d, e, f, g, h] = fleet.hosts;
    host = { fresh: a, broken: b, converged: c, networkLogon: d, killed: e, partner: f, accountStore: g, accountNetwork: h };
  });
  after(async () => {
    await fleet?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const name = (h: FleetHost) => `${h.address}:${h.port}`;
  const state = (h: FleetHost) => JSON.parse(readFileSync(h.snapshotFile, 'utf8')) as Snapshot;
  const cli = (args: string[], hosts: FleetHost[], whileRunning?: () => void): Promise<Run> =>
    runFleetCli(fleet, REAL_PWSH, [...args, '--computer-name', hosts.map(name).join(',')], { workDir: work, password: PASSWORD, whileRunning });
  const parse = (r: Run): FleetJson => {
    try {
      return JSON.parse(r.stdout) as FleetJson;
    } catch {
      throw new Error(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
    }
  };
  const said = (h: HostReport) => `${h.computerName}: ${h.outcome}: ${h.error ?? ''} applied ${JSON.stringify(h.applied)}`;

  /** The host's own state holds everything install sets up, as mobykit wants it. */
  function assertConverged(h: FleetHost) {
    const s = state(h);
    const sw = s.vmSwitches.filter((x) => x.Name === 'DockerNAT');
    assert.equal(sw.length, 1, `${h.name}: one DockerNAT switch`);
    assert.ok(
      s.netIPAddresses.some((a) => a.InterfaceAlias === 'vEthernet (DockerNAT)' && a.IPAddress === '10.0.75.1' && a.PrefixLength === 24),
      `${h.name}: vNIC address`,
    );
    assert.ok(!s.netIPAddresses.some((a) => a.InterfaceAlias === 'vEthernet (DockerNAT)' && a.IPAddress.startsWith('169.254.')), `${h.name}: no link-local address left`);
    assert.equal(s.netConnectionProfiles.find((p) => p.InterfaceAlias === 'vEthernet (DockerNAT)')?.NetworkCategory, 'Private', `${h.name}: profile`);
    assert.deepEqual(
      s.netNats.map((n) => [n.Name, n.InternalIPInterfaceAddressPrefix]),
      [['DockerNAT', '10.0.75.0/24']],
      `${h.name}: NAT`,
    );
    for (const rule of RULES) assert.equal(s.firewallRules.find((r) => r.Name === rule)?.Enabled, true, `${h.name}: ${rule}`);
    const share = s.smbShares.find((x) => x.Name === 'C');
    assert.deepEqual(
      share?.Access.map((a) => [a.AccountName, a.AccessRight]),
      [['DEV-PC\\alice', 'Full']],
      `${h.name}: share access (no Everyone)`,
    );
    assert.ok(
      s.credentials.some((c) => c.TargetName === 'Docker Host Filesystem Access'),
      `${h.name}: credential`,
    );
    const vm = s.vms.filter((v) => v.Name === 'MobyLinuxVM');
    assert.equal(vm.length, 1, `${h.name}: one VM`);
    assert.equal(vm[0].State, 'Running', `${h.name}: VM running`);
    assert.deepEqual(
      vm[0].KvpHostExchangeItems.map((i) => i.Name),
      ['cifsmount'],
      `${h.name}: KVP item`,
    );
    assert.ok(!JSON.stringify(s).includes(PASSWORD), `${h.name}: the password is nowhere in the host's state`);
    assert.equal(s.files.vhdx.Exists, true, `${h.name}: VHDX`);
  }
  /** doctor over the hosts: none has an error or anything install would fix. */
  async function assertHealthy(hosts: FleetHost[]) {
    const doc = parse(await cli(['doctor'], hosts));
    for (const h of doc.hosts) {
      assert.equal(h.error, null, said(h));
      const left = h.findings.filter((f) => f.severity === 'error' || f.fixedByInstall);
      assert.deepEqual(
        left.map((f) => f.id),
        [],
        `${h.computerName}: doctor after install`,
      );
    }
  }

  it('install --yes converges a fresh, a drifted and a converged host in parallel, each from its own state; doctor then finds nothing install would fix', async () => {
    const hosts = [host.fresh, host.broken, host.converged];
    const before = state(host.converged);
    const r = await cli(['install', '--yes'], hosts);
    const [fresh, broken, converged] = parse(r).hosts;
    assert.equal(r.code, 0, `${said(fresh)}\n${said(broken)}\n${said(converged)}\n${r.stderr}`);
    // Each host got the plan its own state called for.
    assert.ok(fresh.applied?.includes('switch.create') && fresh.applied.includes('vm.create'), said(fresh));
    assert.ok(broken.applied?.includes('nat.create') && broken.applied.includes('vm.start') && broken.applied.includes('credential.write'), said(broken));
    assert.ok(!broken.applied?.includes('switch.create') && !broken.applied?.includes('vm.create'), `the drifted host keeps its switch and VM: ${said(broken)}`);
    assert.deepEqual(converged.applied ?? [], [], said(converged));
    for (const h of hosts) assertConverged(h);
    // The drifted host kept its identities: the same switch and VM, by Id.
    const original = JSON.parse(readFileSync(path.join(work, 'broken.json'), 'utf8')) as Snapshot;
    assert.equal(state(host.broken).vmSwitches[0].Id, original.vmSwitches[0].Id);
    assert.equal(state(host.broken).vms[0].Id, original.vms[0].Id);
    assert.deepEqual(state(host.converged), before, 'nothing on the converged host was touched');
    await assertHealthy(hosts);
  });

  it("uninstall --yes removes what mobykit made on each host and leaves a same-named NAT that is not mobykit's", async () => {
    const hosts = [host.fresh, host.broken, host.converged];
    // On the first host someone replaced mobykit's NAT with their own of the same name.
    const s = state(host.fresh);
    s.netNats = [{ Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.76.0/24', Active: true } as Snapshot['netNats'][number]];
    writeFileSync(host.fresh.snapshotFile, JSON.stringify(s));
    const r = await cli(['uninstall', '--yes'], hosts);
    const reports = parse(r).hosts;
    for (const h of reports) assert.ok(['done', 'nothing-to-do'].includes(h.outcome), said(h));
    for (const h of hosts) {
      const after = state(h);
      assert.deepEqual(
        after.vmSwitches.filter((x) => x.Name === 'DockerNAT'),
        [],
        `${h.name}: switch`,
      );
      assert.ok(!after.netAdapters.some((a) => a.Name === 'vEthernet (DockerNAT)'), `${h.name}: vNIC`);
      assert.deepEqual(
        after.firewallRules.filter((x) => RULES.includes(x.Name)),
        [],
        `${h.name}: rules`,
      );
      assert.deepEqual(after.smbShares, [], `${h.name}: share`);
      assert.deepEqual(after.credentials, [], `${h.name}: credential`);
      assert.deepEqual(after.vms, [], `${h.name}: VM`);
      assert.equal(after.files.vhdx.Exists, false, `${h.name}: the disk mobykit made`);
      // What was there before mobykit stays.
      assert.ok(
        after.netAdapters.some((a) => a.Name === 'Ethernet'),
        `${h.name}: the host's own adapter`,
      );
    }
    assert.deepEqual(
      state(host.fresh).netNats.map((n) => [n.Name, n.InternalIPInterfaceAddressPrefix]),
      [['DockerNAT', '10.0.76.0/24']],
      "the other NAT named DockerNAT is not mobykit's: left alone",
    );
    assert.deepEqual(state(host.broken).netNats, []);
    assert.deepEqual(state(host.converged).netNats, []);
  });

  it('a host where Windows refuses an action (no Credential Manager in a network logon) is rolled back and reported failed; the other converges; exit 1', async () => {
    const r = await cli(['install', '--yes'], [host.networkLogon, host.partner]);
    const [refused, partner] = parse(r).hosts;
    assert.equal(refused.outcome, 'failed', said(refused));
    assert.match(refused.error ?? '', /^credential\.write/, said(refused));
    assert.ok(refused.applied?.includes('share.create'), `the actions before it were applied: ${said(refused)}`);
    // Rolled back: what this run made on the host is gone again.
    const after = state(host.networkLogon);
    assert.deepEqual([after.vmSwitches, after.netNats, after.vms, after.smbShares, after.credentials], [[], [], [], [], []], said(refused));
    assert.deepEqual(
      after.firewallRules.filter((x) => RULES.includes(x.Name)),
      [],
    );
    assert.equal(partner.outcome, 'done', said(partner));
    assertConverged(host.partner);
    assert.equal(r.code, 1);
  });

  it("install --share-account local makes mobykit-share on each host (the credential stored where Windows has a Credential Manager); its password is nowhere; uninstall removes it by SID, and one that is not mobykit's blocks install and stays", async () => {
    const hosts = [host.accountStore, host.accountNetwork];
    const local = ['--yes', '--share-account', 'local'];
    const shareAccounts = (h: FleetHost) => (state(h).localAccounts ?? []).filter((a) => a.Name === 'mobykit-share');
    const journalText = (h: FleetHost) => readFileSync(path.join(h.stateDir, 'journal.json'), 'utf8');
    const journaledAccounts = (h: FleetHost) =>
      (JSON.parse(journalText(h)) as { entries: { kind: string; id: { Id?: string } }[] }).entries.filter((e) => e.kind === 'account').map((e) => e.id.Id);
    const r = await cli(['install', ...local], hosts);
    const reports = parse(r).hosts;
    assert.equal(r.code, 0, `${reports.map(said).join('\n')}\n${r.stderr}`);
    for (const [i, h] of hosts.entries()) {
      assert.ok(reports[i].applied?.includes('account.create') && reports[i].applied.includes('account.set'), said(reports[i]));
      const [account, ...more] = shareAccounts(h);
      assert.deepEqual(more, [], `${h.name}: one mobykit-share account`);
      assert.match(account?.SID ?? '', /^S-1-5-21-\d+-\d+-\d+-10\d\d$/, `${h.name}: a local account's SID`);
      assert.deepEqual(journaledAccounts(h), [account.SID], `${h.name}: the journal records the account by its SID`);
      const s = state(h);
      assert.deepEqual(
        s.smbShares.find((x) => x.Name === 'C')?.Access.map((a) => [a.AccountName, a.AccessRight]),
        [['DEV-PC\\mobykit-share', 'Full']],
        `${h.name}: the share grants the account`,
      );
      assert.deepEqual(
        s.vms.find((v) => v.Name === 'MobyLinuxVM')?.KvpHostExchangeItems.map((k) => k.Data),
        ['/c;/C;username=mobykit-share,password=***,noperm'],
        `${h.name}: the mount token names the account`,
      );
      // The password the account was given (FleetHost.ps1 keeps it beside the state) is nowhere else.
      const password = readFileSync(`${h.snapshotFile}.account-password`, 'utf8');
      assert.match(password, /^[A-Za-z0-9_-]{32}$/, `${h.name}: the account got a random password`);
      const logs = readdirSync(work, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.log') || f.endsWith('.jsonl'))
        .map((f) => readFileSync(path.join(work, f), 'utf8'));
      assert.ok(logs.length > 0, 'the runs left their logs');
      for (const [where, text] of [
        ['state', JSON.stringify(s)],
        ['journal', journalText(h)],
        ['stdout', r.stdout],
        ['stderr', r.stderr],
        ['run logs', logs.join('')],
      ]) {
        assert.ok(!text.includes(password), `${h.name}: the account's password is not in the ${where}`);
      }
    }
    // Only the host whose sessions have a Credential Manager stores the credential; the other still succeeds without it.
    assert.deepEqual(
      state(host.accountStore).credentials.map((c) => [c.TargetName, c.UserName]),
      [['Docker Host Filesystem Access', 'mobykit-share']],
    );
    assert.deepEqual(state(host.accountNetwork).credentials, []);

    const u = await cli(['uninstall', ...local], hosts);
    for (const h of parse(u).hosts) assert.equal(h.outcome, 'done', said(h));
    for (const h of hosts) {
      assert.deepEqual(shareAccounts(h), [], `${h.name}: the account is removed`);
      assert.deepEqual(journaledAccounts(h), [], `${h.name}: and no longer recorded`);
    }

    // Someone else's mobykit-share (its SID not in the journal, even with mobykit's description) on one host.
    const theirs = { Name: 'mobykit-share', SID: 'S-1-5-21-3623811015-3361044348-30300820-1007', Enabled: true, Description: 'Managed by mobykit' };
    const s = state(host.accountStore);
    s.localAccounts = [theirs];
    writeFileSync(host.accountStore.snapshotFile, JSON.stringify(s));
    const before = state(host.accountStore);
    const blocked = await cli(['install', ...local], [host.accountStore]);
    const [refused] = parse(blocked).hosts;
    assert.equal(refused.outcome, 'blocked', said(refused));
    assert.ok(
      refused.findings.some((f) => f.id === 'ownership.account'),
      said(refused),
    );
    assert.deepEqual(state(host.accountStore), before, 'a blocked install changes nothing');
    const left = await cli(['uninstall', ...local], [host.accountStore]);
    assert.equal(left.code, 0, left.stdout);
    assert.deepEqual(state(host.accountStore).localAccounts, [theirs], "the account that is not mobykit's is left alone");
  });

  it('a host killed mid-install is reported failed, the other converges, and the next install repairs the killed host', async () => {
    const victim = host.killed;
    let killedAfter = -1;
    // Killed (its sshd and every session under it) once the install has changed its state.
    const r = await cli(['install', '--yes'], [victim, host.broken], () => {
      const poll = setInterval(() => {
        try {
          const s = state(victim);
          if (s.vmSwitches.length > 0) {
            clearInterval(poll);
            killedAfter = s.netNats.length + s.vms.length;
            fleet.kill(victim);
          }
        } catch {
          /* being written: the next poll reads it */
        }
      }, 20);
      setTimeout(() => clearInterval(poll), 300_000);
    });
    const [killed, other] = parse(r).hosts;
    assert.ok(killedAfter >= 0, 'the host was killed during its install');
    assert.ok(['failed', 'unreachable'].includes(killed.outcome), said(killed));
    assert.ok(killed.error, 'the killed host says what happened');
    assert.equal(other.outcome, 'done', said(other));
    assertConverged(host.broken);
    assert.equal(r.code, 1);
    // The state file is whole (written through a rename), and the next run converges the host.
    const left = state(victim);
    assert.ok(Array.isArray(left.vmSwitches), 'the killed host keeps a readable state');
    await fleet.restart(victim);
    const again = await cli(['install', '--yes'], [victim]);
    const [repaired] = parse(again).hosts;
    assert.equal(again.code, 0, said(repaired));
    assertConverged(victim);
    await assertHealthy([victim, host.broken]);
  });
});
