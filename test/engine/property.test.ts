// Property tests over many generated starting hosts: whatever the host, install converges or
// stops before changing anything; a failing action is rolled back; uninstall restores the start.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MARKER } from '../../src/config/desired.js';
import { run } from '../../src/engine/run.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { makeAction, type Action, type Op, type OpParams } from '../../src/plan/action.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { CANARY_PASSWORD, config, example } from '../helpers.js';

const secrets = async () => ({ sharePassword: CANARY_PASSWORD });
const act = <O extends Op>(op: O, params: OpParams[O]): Action =>
  makeAction({ step: 'switch', op, kind: 'create', target: op, resource: `setup:${op}`, description: 'setup', params });

/** Things a user (or Docker for Windows, or an earlier mobykit) may have left on the machine. */
const setup = fc.record({
  switch: fc.constantFrom('none', 'user-internal', 'mine', 'mine-twice'),
  address: fc.constantFrom('none', 'right', 'apipa'),
  nat: fc.constantFrom('none', 'right', 'wrong-prefix', 'other-overlapping', 'other-elsewhere'),
  rule: fc.constantFrom('none', 'right', 'mine-wrong-program', 'user-wrong-program'),
  share: fc.constantFrom('none', 'right', 'user-elsewhere', 'mine-with-everyone'),
  credential: fc.constantFrom('none', 'right', 'other-user'),
  vm: fc.constantFrom('none', 'mine-off', 'mine-1cpu', 'orphan-disk'),
  addressHeldElsewhere: fc.boolean(),
  isoMissing: fc.boolean(),
  hyperVDisabled: fc.boolean(),
  server: fc.boolean(),
});
type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

async function startingHost(s: Setup): Promise<Snapshot> {
  const base = example('fresh-win10-pro');
  if (s.server) base.platform.os.ProductType = 3;
  if (s.addressHeldElsewhere) {
    base.netIPAddresses.push({
      InterfaceAlias: 'Ethernet',
      InterfaceIndex: base.netAdapters[0].ifIndex,
      IPAddress: '10.0.75.1',
      PrefixLength: 16,
      AddressFamily: 'IPv4',
      PrefixOrigin: 'Manual',
    });
  }
  const host = new SimulatedHost(base);
  const apply = (a: Action) => host.apply(a, { sharePassword: 'setup-password' }).catch(() => undefined);
  const hasSwitch = s.switch !== 'none';
  if (hasSwitch) await apply(act('switch.create', { Name: 'DockerNAT', Notes: s.switch === 'user-internal' ? '' : MARKER }));
  if (s.switch === 'mine-twice') await apply(act('switch.create', { Name: 'DockerNAT', Notes: MARKER }));
  if (hasSwitch && s.address !== 'none') {
    await apply(
      act('vnic.set-address', {
        SwitchName: 'DockerNAT',
        InterfaceAlias: 'vEthernet (DockerNAT)',
        IPAddress: s.address === 'right' ? '10.0.75.1' : '169.254.3.4',
        PrefixLength: s.address === 'right' ? 24 : 16,
      }),
    );
  }
  const nats: Record<string, [string, string] | null> = {
    none: null,
    right: ['DockerNAT', '10.0.75.0/24'],
    'wrong-prefix': ['DockerNAT', '10.0.0.0/16'],
    'other-overlapping': ['WSLNat', '10.0.0.0/8'],
    'other-elsewhere': ['WSLNat', '172.28.16.0/20'],
  };
  const nat = nats[s.nat];
  if (nat) await apply(act('nat.create', { Name: nat[0], InternalIPInterfaceAddressPrefix: nat[1] }));
  if (s.rule !== 'none') {
    await apply(
      act('firewall.create', {
        Name: 'DockerTcp',
        DisplayName: 'DockerTcp',
        Protocol: 'TCP',
        Direction: 'Inbound',
        Action: 'Allow',
        Program: s.rule === 'right' ? 'C:\\Program Files\\Docker\\Docker\\Resources\\com.docker.proxy.exe' : 'C:\\old\\proxy.exe',
        Profile: 'Any',
        EdgeTraversalPolicy: 'DeferToUser',
        Group: s.rule.startsWith('mine') ? 'mobykit' : '',
        Description: '',
        LocalPort: ['Any'],
        LocalAddress: ['Any'],
        RemoteAddress: ['Any'],
      }),
    );
  }
  if (s.share !== 'none') {
    await apply(
      act('share.create', {
        Name: 'C',
        Path: s.share === 'user-elsewhere' ? 'D:\\' : 'C:\\',
        CachingMode: 'None',
        FullAccess: 'DEV-PC\\alice',
        Description: s.share === 'mine-with-everyone' ? MARKER : '',
      }),
    );
    if (s.share === 'mine-with-everyone') {
      await apply(act('share.grant', { Name: 'C', AccountName: 'Everyone' }));
    }
  }
  if (s.credential !== 'none') {
    await apply(act('credential.write', { TargetName: 'Docker Host Filesystem Access', UserName: s.credential === 'right' ? 'alice' : 'bob', Comment: '' }));
  }
  if (s.vm === 'mine-off' || s.vm === 'mine-1cpu') {
    await apply(
      act('vm.create', {
        Name: 'MobyLinuxVM',
        Generation: 2,
        AttachExistingVhd: false,
        MemoryStartupBytes: 2 ** 31,
        ProcessorCount: s.vm === 'mine-1cpu' ? 1 : 2,
        VhdPath: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx',
        VhdSizeBytes: 60 * 2 ** 30,
        IsoPath: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso',
        SwitchName: 'DockerNAT',
        ComPipe: '\\\\.\\pipe\\dockerMobyLinuxVM-com1',
        Notes: MARKER,
      }),
    );
  }
  const snap = host.current();
  if (s.vm === 'orphan-disk') snap.files.vhdx.Exists = true;
  if (s.isoMissing) snap.files.bootIso.Exists = false;
  if (s.hyperVDisabled) snap.platform.optionalFeatures = snap.platform.optionalFeatures.map((f) => ({ ...f, State: 'Disabled' as const }));
  return snap;
}

const switchesNamed = (s: Snapshot, name: string) => s.vmSwitches.filter((x) => x.Name.toLowerCase() === name.toLowerCase());

function invariants(s: Snapshot): void {
  assert.ok(switchesNamed(s, 'DockerNAT').length <= 1, 'two switches named DockerNAT');
  for (const n of s.netNats.filter((x) => x.Name === 'DockerNAT')) {
    assert.ok(switchesNamed(s, 'DockerNAT').length === 1, `NAT ${n.Name} without its switch`);
  }
}

describe('install on generated hosts (property)', function () {
  this.timeout(120000);

  it('converges, or stops with a clear error before changing anything', async () => {
    await fc.assert(
      fc.asyncProperty(setup, fc.boolean(), async (s, adopt) => {
        const start = await startingHost(s);
        const host = new SimulatedHost(start);
        const r = await run('install', host, config(), { secrets, adopt });
        if (r.outcome === 'blocked') {
          assert.ok(r.findings.length > 0 && r.findings.every((f) => f.severity === 'error' && f.fix.length > 0));
          assert.deepEqual(host.current(), start, 'a blocked install changed the host');
          return;
        }
        assert.equal(r.outcome, r.plan.actions.length ? 'done' : 'nothing-to-do', JSON.stringify({ s, findings: r.findings, failed: r.failed?.error.message }));
        invariants(host.current());
        const again = await run('install', host, config(), { secrets, adopt });
        assert.deepEqual(
          again.plan.actions.map((a) => a.id),
          [],
          'a second install planned changes',
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a failing action is rolled back: the host ends as it started', async () => {
    await fc.assert(
      fc.asyncProperty(setup, fc.nat(), async (s, pick) => {
        const start = await startingHost(s);
        const probe = await run('install', new SimulatedHost(start), config(), { dryRun: true });
        if (probe.outcome !== 'planned') return;
        const failing = probe.plan.actions[pick % probe.plan.actions.length];
        const host = new SimulatedHost(start, { failActions: [failing.id] });
        const r = await run('install', host, config(), { secrets });
        assert.equal(r.outcome, 'failed');
        assert.equal(r.failed!.action.id, failing.id);
        if (r.rollback?.notUndone.length) return; // said so, and the next install repairs it
        assert.deepEqual(host.current(), start, `not rolled back after ${failing.id}`);
      }),
      { numRuns: 300 },
    );
  });

  it('install then uninstall gives back a host that had nothing of mobykit', async () => {
    const userOnly = setup.filter((s) => !['mine', 'mine-twice'].includes(s.switch) && !s.rule.startsWith('mine') && !s.share.startsWith('mine') && !s.vm.startsWith('mine'));
    await fc.assert(
      fc.asyncProperty(userOnly, async (s) => {
        const start = await startingHost(s);
        const host = new SimulatedHost(start);
        const r = await run('install', host, config(), { secrets });
        if (r.outcome !== 'done') return;
        await run('uninstall', host, config());
        assert.deepEqual(host.current(), start);
        assert.ok(!host.current().firewallRules.some((x) => x.Group === 'mobykit'), 'an orphan firewall rule');
      }),
      { numRuns: 200 },
    );
  });
});
