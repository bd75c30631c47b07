// Property (issue 9): on hosts holding user resources with mobykit's names, random sequences of
// install / hand edits / failed actions / kills / uninstall never change or remove anything of the
// user's, and a final uninstall leaves nothing mobykit made.
//
// Where a user VM shares the name of mobykit's VM, mobykit's stays (the module acts on VMs by name
// and refuses a shared one), and the output must say so.
// User resources differ from mobykit's in at least one identity field (another Id, another NAT
// prefix, another rule group, another share path): a NAT or rule identical to mobykit's in every
// field Windows keeps is indistinguishable from it (Windows gives them no Id), see the README.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MARKER } from '../../src/config/desired.js';
import { run } from '../../src/engine/run.js';
import type { Host } from '../../src/host/host.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import type { Action } from '../../src/plan/action.js';
import type { FirewallRule, SmbShare, Snapshot, VM, VMSwitch } from '../../src/snapshot/types.js';
import { CANARY_PASSWORD, config, example } from '../helpers.js';

const secrets = async () => ({ sharePassword: CANARY_PASSWORD });
const VHDX = 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx';

type Step = { op: 'install'; fail?: number; kill?: number } | { op: 'uninstall'; kill?: number } | { op: 'edit'; edit: Edit };
type Edit =
  | 'delete-mobykit-vm'
  | 'delete-mobykit-switch'
  | 'delete-mobykit-nat'
  | 'delete-mobykit-rule'
  | 'user-vm'
  | 'user-external-switch'
  | 'user-internal-switch'
  | 'user-rule'
  | 'user-disk'
  | 'user-share';

const EDITS: Edit[] = [
  'delete-mobykit-vm',
  'delete-mobykit-switch',
  'delete-mobykit-nat',
  'delete-mobykit-rule',
  'user-vm',
  'user-external-switch',
  'user-internal-switch',
  'user-rule',
  'user-disk',
  'user-share',
];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('install' as const), fail: fc.option(fc.nat(12), { nil: undefined }), kill: fc.option(fc.nat(12), { nil: undefined }) }),
  fc.record({ op: fc.constant('uninstall' as const), kill: fc.option(fc.nat(12), { nil: undefined }) }),
  fc.record({ op: fc.constant('edit' as const), edit: fc.constantFrom(...EDITS) }),
);

const initial = fc.record({ vm: fc.boolean(), external: fc.boolean(), rule: fc.boolean(), share: fc.boolean(), disk: fc.boolean() });

/** What the user owns, by identity, as they left it: it must stay exactly so. */
interface UserWorld {
  switches: Map<string, VMSwitch>;
  vms: Map<string, VM>;
  rules: Map<string, unknown>;
  shares: Map<string, unknown>;
  addresses: Set<string>;
  disk: boolean;
}

let seq = 0;
const userVm = (path: string): VM => ({
  Name: 'MobyLinuxVM',
  Id: `user-vm-${++seq}`,
  State: 'Running',
  Generation: 2,
  MemoryStartup: 2 ** 33,
  ProcessorCount: 4,
  DvdDrives: [],
  HardDrives: [{ Path: path }],
  ComPorts: [],
  IntegrationServices: [],
  NetworkAdapters: [],
  KvpHostExchangeItems: [],
  Notes: `NOT ${MARKER}`,
});

function applyEdit(s: Snapshot, e: Edit, user: UserWorld): void {
  const mine = <T extends { Id: string }>(xs: T[], users: Map<string, unknown>) => xs.filter((x) => !users.has(x.Id));
  switch (e) {
    case 'delete-mobykit-vm': {
      // Remove-VM, and its disk with it
      const gone = mine(s.vms, user.vms);
      if (!gone.length) return;
      s.vms = s.vms.filter((v) => !gone.includes(v));
      if (!user.disk) s.files.vhdx.Exists = false;
      return;
    }
    case 'delete-mobykit-switch': {
      const gone = mine(s.vmSwitches, user.switches).map((x) => x.Name);
      if (!gone.length) return;
      s.vmSwitches = s.vmSwitches.filter((x) => user.switches.has(x.Id));
      s.netIPAddresses = s.netIPAddresses.filter((a) => !gone.some((n) => a.InterfaceAlias === `vEthernet (${n})`));
      return;
    }
    case 'delete-mobykit-nat':
      s.netNats = [];
      return;
    case 'delete-mobykit-rule':
      s.firewallRules = s.firewallRules.filter((r) => user.rules.has(r.Name));
      return;
    case 'user-vm': {
      const vm = userVm(`D:\\VMs\\user-${seq}.vhdx`);
      s.vms.push(vm);
      user.vms.set(vm.Id, structuredClone(vm));
      return;
    }
    case 'user-external-switch':
    case 'user-internal-switch': {
      const sw: VMSwitch = { Name: 'DockerNAT', Id: `user-sw-${++seq}`, SwitchType: e === 'user-external-switch' ? 'External' : 'Internal', Notes: "Bob's" };
      // An Internal switch of the user's, alone with its name, gets mobykit's very address on its vNIC.
      const alone = !s.vmSwitches.some((x) => x.Name === 'DockerNAT');
      s.vmSwitches.push(sw);
      user.switches.set(sw.Id, structuredClone(sw));
      if (e === 'user-internal-switch' && alone && !s.netIPAddresses.some((a) => a.IPAddress === '10.0.75.1')) {
        s.netIPAddresses.push({
          InterfaceAlias: 'vEthernet (DockerNAT)',
          InterfaceIndex: 90 + seq,
          IPAddress: '10.0.75.1',
          PrefixLength: 24,
          AddressFamily: 'IPv4',
          PrefixOrigin: 'Manual',
        });
        user.addresses.add('vEthernet (DockerNAT)|10.0.75.1');
      }
      return;
    }
    case 'user-rule': {
      if (s.firewallRules.some((r) => r.Name === 'DockerTcp')) return;
      const rule: FirewallRule = {
        Name: 'DockerTcp',
        DisplayName: 'DockerTcp',
        Enabled: true,
        Direction: 'Inbound',
        Action: 'Allow',
        Profile: 'Any',
        EdgeTraversalPolicy: 'Block',
        Program: 'C:\\tools\\other.exe',
        Protocol: 'TCP',
        LocalPort: ['Any'],
        LocalAddress: ['Any'],
        RemoteAddress: ['Any'],
        Group: 'MobyKit',
      };
      s.firewallRules.push(rule);
      user.rules.set(rule.Name, structuredClone(rule));
      return;
    }
    case 'user-disk': // migrate-toolbox writes the user's disk where no disk is
      if (s.files.vhdx.Exists) return;
      s.files.vhdx.Exists = true;
      user.disk = true;
      return;
    case 'user-share': {
      if (s.smbShares.some((x) => x.Name === 'C')) return;
      const share: SmbShare = {
        Name: 'C',
        Path: 'D:\\',
        CachingMode: 'Manual',
        Description: `NOT ${MARKER}`,
        Access: [{ AccountName: 'Everyone', AccessControlType: 'Allow', AccessRight: 'Read' }],
      };
      s.smbShares.push(share);
      user.shares.set(share.Name, structuredClone(share));
    }
  }
}

/** A host whose process dies right after the cmdlet of its `at`-th action: nothing after it runs (no confirm, no rollback). */
function killedAt(inner: SimulatedHost, at: number): Host {
  let n = 0;
  let dead = false;
  const check = () => {
    if (dead) throw new Error('killed');
  };
  return {
    kind: 'simulated',
    dispose: () => inner.dispose(),
    async gather() {
      check();
      return inner.gather();
    },
    async loadJournal() {
      check();
      return inner.loadJournal();
    },
    async saveJournal(d) {
      check();
      return inner.saveJournal(d);
    },
    async apply(action: Action, sec) {
      check();
      await inner.apply(action, sec);
      if (++n === at) {
        dead = true;
        throw new Error('killed');
      }
    },
  };
}

function assertUserIntact(s: Snapshot, user: UserWorld, where: string): void {
  for (const [id, sw] of user.switches)
    assert.deepEqual(
      s.vmSwitches.find((x) => x.Id === id),
      sw,
      `${where}: user switch ${id}`,
    );
  for (const [id, vm] of user.vms)
    assert.deepEqual(
      s.vms.find((x) => x.Id === id),
      vm,
      `${where}: user VM ${id}`,
    );
  for (const [name, rule] of user.rules)
    assert.deepEqual(
      s.firewallRules.find((x) => x.Name === name),
      rule,
      `${where}: user rule ${name}`,
    );
  for (const [name, share] of user.shares)
    assert.deepEqual(
      s.smbShares.find((x) => x.Name === name),
      share,
      `${where}: user share ${name}`,
    );
  if (user.disk) assert.equal(s.files.vhdx.Exists, true, `${where}: the user's disk at ${VHDX}`);
  for (const a of user.addresses) {
    const [alias, ip] = a.split('|');
    const onUserSwitch = [...user.switches.values()].some((sw) => s.vmSwitches.some((x) => x.Id === sw.Id) && alias === `vEthernet (${sw.Name})`);
    if (onUserSwitch)
      assert.ok(
        s.netIPAddresses.some((x) => x.InterfaceAlias === alias && x.IPAddress === ip),
        `${where}: the user's address ${ip} on ${alias}`,
      );
  }
}

describe("ownership on generated hosts with user resources of mobykit's names (property, issue 9)", function () {
  this.timeout(240000);

  it('no user resource is ever changed or removed, and the final uninstall leaves nothing mobykit made', async () => {
    await fc.assert(
      fc.asyncProperty(initial, fc.array(step, { minLength: 1, maxLength: 8 }), async (init, steps) => {
        const user: UserWorld = { switches: new Map(), vms: new Map(), rules: new Map(), shares: new Map(), addresses: new Set(), disk: false };
        const start = example('fresh-win10-pro');
        if (init.vm) applyEdit(start, 'user-vm', user);
        if (init.external) applyEdit(start, 'user-external-switch', user);
        if (init.rule) applyEdit(start, 'user-rule', user);
        if (init.share) applyEdit(start, 'user-share', user);
        if (init.disk) applyEdit(start, 'user-disk', user);
        let host = new SimulatedHost(start);
        for (const [i, st] of steps.entries()) {
          const where = `step ${i} ${JSON.stringify(st)}`;
          if (st.op === 'edit') {
            const s = host.current();
            applyEdit(s, st.edit, user);
            host = new SimulatedHost(s);
          } else {
            let planned: Action[] = [];
            if (st.op === 'install' && st.fail !== undefined) {
              planned = (await run('install', new SimulatedHost(host.current()), config(), { dryRun: true })).plan.actions;
            }
            const failing = planned.length && st.op === 'install' && st.fail !== undefined ? [planned[st.fail % planned.length].id] : [];
            const inner = new SimulatedHost(host.current(), { failActions: failing });
            const target = st.kill !== undefined ? killedAt(inner, st.kill + 1) : inner;
            await run(st.op, target, config(), { secrets, rollback: st.kill === undefined }).catch((e: Error) => assert.equal(e.message, 'killed'));
            host = inner;
          }
          assertUserIntact(host.current(), user, where);
        }
        const final = await run('uninstall', host, config());
        const s = host.current();
        assertUserIntact(s, user, 'final uninstall');
        const where = JSON.stringify({ init, steps, notes: final.notes, findings: final.findings });
        assert.deepEqual(
          s.vmSwitches.filter((x) => !user.switches.has(x.Id)),
          [],
          `a switch mobykit made is left: ${where}`,
        );
        // A VM of the user's with the same name: mobykit's cannot be removed by name without risk, so it stays, and the output says why.
        const mineLeft = s.vms.filter((x) => !user.vms.has(x.Id));
        const sharedName = mineLeft.length > 0 && s.vms.some((x) => user.vms.has(x.Id));
        if (sharedName)
          assert.ok(
            final.notes.some((n) => /another VM has the same name/.test(n)),
            `not said why the VM is left: ${where}`,
          );
        else assert.deepEqual(mineLeft, [], `a VM mobykit made is left: ${where}`);
        assert.deepEqual(s.netNats, [], `a NAT mobykit made is left: ${where}`);
        assert.deepEqual(
          s.firewallRules.filter((r) => !user.rules.has(r.Name)),
          [],
          `a rule mobykit made is left: ${where}`,
        );
        assert.deepEqual(
          s.smbShares.filter((x) => !user.shares.has(x.Name)),
          [],
          `a share mobykit made is left: ${where}`,
        );
        assert.deepEqual(s.credentials, [], `the credential mobykit stored is left: ${where}`);
        if (sharedName) return;
        assert.equal(s.files.vhdx.Exists, user.disk, `the disk mobykit made is left: ${where}`);
        assert.equal((s as Snapshot & { mobykit?: unknown }).mobykit, undefined, `the journal still owns something: ${where}`);
      }),
      {
        numRuns: Number(process.env.RUNS ?? 300),
        // Found by CI: mobykit's switch deleted by hand, then install and uninstall. The simulator gave
        // the new vNIC the MAC of the adapter the old switch left, and put the address on that stale
        // adapter by its name (the module finds the vNIC through the switch).
        examples: [
          [
            { vm: false, external: false, rule: false, share: false, disk: false },
            [
              { op: 'install', fail: undefined, kill: undefined },
              { op: 'edit', edit: 'delete-mobykit-switch' },
              { op: 'install', fail: undefined, kill: undefined },
            ],
          ],
        ],
        // FC_SEED and FC_PATH replay a failure fast-check reported.
        ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
      },
    );
  });
});
