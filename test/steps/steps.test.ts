import assert from 'node:assert/strict';
import { MARKER } from '../../src/config/desired.js';
import { runChecks } from '../../src/doctor/catalog.js';
import type { Finding } from '../../src/doctor/finding.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { firewallStep } from '../../src/resources/firewall/step.js';
import { kvpStep } from '../../src/resources/kvp/step.js';
import { natStep } from '../../src/resources/nat/step.js';
import { shareStep } from '../../src/resources/share/step.js';
import { switchStep } from '../../src/resources/switch/step.js';
import { vmStep } from '../../src/resources/vm/step.js';
import { example, stepContext } from '../helpers.js';

const fresh = () => example('fresh-win10-pro');
const ids = (actions: { id: string }[]) => actions.map((a) => a.id);
function withSwitch(s: Snapshot, type: 'Internal' | 'External', notes = MARKER, address = '10.0.75.1'): Snapshot {
  s.vmSwitches.push({ Name: 'DockerNAT', Id: 'sw-1', SwitchType: type, Notes: notes });
  s.netIPAddresses.push({ InterfaceAlias: 'vEthernet (DockerNAT)', InterfaceIndex: 40, IPAddress: address, PrefixLength: 24, AddressFamily: 'IPv4', PrefixOrigin: 'Manual' });
  s.netIPInterfaces.push({ InterfaceAlias: 'vEthernet (DockerNAT)', AddressFamily: 'IPv4', Dhcp: 'Disabled' });
  return s;
}

describe('switch step', () => {
  it('creates the switch and its address on a fresh host', () => {
    assert.deepEqual(ids(switchStep.install(stepContext(fresh())).actions), ['switch.create', 'vnic.set-address']);
  });
  it('uses a matching switch someone else made without taking it over', () => {
    const plan = switchStep.install(stepContext(withSwitch(fresh(), 'Internal', '')));
    assert.deepEqual(plan, { actions: [], blockers: [] });
    assert.deepEqual(switchStep.uninstall(stepContext(withSwitch(fresh(), 'Internal', ''))), []);
  });
  it("stops on an External switch named DockerNAT that is not mobykit's, and never removes it, even with --adopt", () => {
    const plan = switchStep.install(stepContext(withSwitch(fresh(), 'External', '')));
    assert.deepEqual(plan.actions, []);
    assert.equal(plan.blockers[0].id, 'ownership.switch');
    assert.match(plan.blockers[0].evidence, /External/);
    const adopted = switchStep.install(stepContext(withSwitch(fresh(), 'External', ''), { adopt: true }));
    assert.deepEqual(adopted.actions, []);
    assert.match(adopted.blockers[0].fix, /never removes a switch it did not make, even with --adopt/);
  });
  it('a marker alone is not ownership: the switch must be journaled', () => {
    const plan = switchStep.install(stepContext(withSwitch(fresh(), 'Internal', MARKER, '169.254.1.9')));
    assert.deepEqual(plan.actions, []);
    assert.equal(plan.blockers[0].id, 'ownership.switch');
  });
  it('moves its own vNIC to the configured address', () => {
    const plan = switchStep.install(stepContext(withSwitch(fresh(), 'Internal', MARKER, '169.254.1.9'), { journal: ['switch:DockerNAT'] }));
    assert.deepEqual(ids(plan.actions), ['vnic.set-address']);
    assert.deepEqual(plan.actions[0].changes, [{ property: 'IPAddress', from: '169.254.1.9/24', to: '10.0.75.1/24' }]);
  });
  it('stops when another adapter holds the host address', () => {
    const s = fresh();
    s.netIPAddresses.push({ InterfaceAlias: 'VPN', InterfaceIndex: 77, IPAddress: '10.0.75.1', PrefixLength: 16, AddressFamily: 'IPv4', PrefixOrigin: 'Manual' });
    const plan = switchStep.install(stepContext(s));
    assert.deepEqual(plan.actions, []);
    assert.equal(plan.blockers[0].id, 'vnic.address-conflict');
    assert.match(plan.blockers[0].evidence, /VPN/);
  });
  it('removes only switches it made', () => {
    const s = withSwitch(fresh(), 'Internal');
    s.vmSwitches.push({ Name: 'dockernat', Id: 'sw-2', SwitchType: 'Internal', Notes: 'mine, says the user' });
    const ctx = stepContext(s, { journal: ['switch:DockerNAT'] });
    assert.deepEqual(ids(switchStep.uninstall(ctx)), ['switch.remove']);
    assert.equal((switchStep.uninstall(ctx)[0].params as { Id: string }).Id, 'sw-1');
  });
});

describe('nat step', () => {
  it('creates the NAT, and leaves an equal one (however spelled) alone', () => {
    assert.deepEqual(ids(natStep.install(stepContext(fresh())).actions), ['nat.create']);
    const s = fresh();
    s.netNats.push({ Name: 'dockernat', InternalIPInterfaceAddressPrefix: '10.0.75.0/24', Active: true });
    assert.deepEqual(natStep.install(stepContext(s)), { actions: [], blockers: [] });
  });
  it("replaces its own NAT with a wrong prefix, but not someone else's", () => {
    const s = fresh();
    s.netNats.push({ Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.0.0/16', Active: true });
    const mine = natStep.install(stepContext(s, { journal: ['nat:DockerNAT'] }));
    assert.deepEqual(ids(mine.actions), ['nat.remove', 'nat.create']);
    const theirs = natStep.install(stepContext(s));
    assert.deepEqual(theirs.actions, []);
    assert.equal(theirs.blockers[0].id, 'ownership.nat');
    assert.match(theirs.blockers[0].evidence, /10\.0\.0\.0\/16/);
  });
  it('stops on another NAT that overlaps, compared by arithmetic', () => {
    const s = fresh();
    s.netNats.push({ Name: 'WSL', InternalIPInterfaceAddressPrefix: '10.0.64.0/18', Active: true });
    const plan = natStep.install(stepContext(s));
    assert.equal(plan.blockers[0].id, 'nat.conflict');
    assert.deepEqual(plan.actions, []);
  });
  it('stops on a second NAT on every edition: Server 2016 too, where an HNS NAT counts', () => {
    const s = fresh();
    s.netNats.push({ Name: 'Other', InternalIPInterfaceAddressPrefix: '192.168.200.0/24', Active: true });
    assert.equal(natStep.install(stepContext(s)).blockers[0].id, 'nat.conflict');
    s.platform.os.ProductType = 3;
    const server = natStep.install(stepContext(s));
    assert.equal(server.blockers[0].id, 'nat.conflict');
    assert.deepEqual(server.actions, []);
  });
});

describe('firewall step', () => {
  it('creates the proxy rules with the program, profile and edge traversal, and the SMB rule scoped to the subnet', () => {
    const plan = firewallStep.install(stepContext(fresh(), { flags: { 'proxy-program': 'D:\\Docker\\proxy.exe' } }));
    assert.deepEqual(ids(plan.actions), ['firewall.create:DockerTcp', 'firewall.create:DockerUdp', 'firewall.create:DockerSmbMount']);
    assert.deepEqual(plan.actions[2].params as { LocalPort: string[]; LocalAddress: string[]; RemoteAddress: string[] }, {
      ...plan.actions[2].params,
      LocalPort: ['445'],
      LocalAddress: ['10.0.75.1'],
      RemoteAddress: ['10.0.75.0/24'],
    });
    assert.equal((plan.actions[0].params as { Program: string }).Program, 'D:\\Docker\\proxy.exe');
    assert.equal((plan.actions[1].params as { Protocol: string }).Protocol, 'UDP');
  });
  it('updates its own rule and shows what changes', () => {
    const s = fresh();
    s.firewallRules.push({
      Name: 'DockerTcp',
      DisplayName: 'DockerTcp',
      Enabled: false,
      Direction: 'Inbound',
      Action: 'Allow',
      Profile: 'Any',
      EdgeTraversalPolicy: 'DeferToUser',
      Program: 'C:\\old\\proxy.exe',
      Protocol: 'TCP',
      LocalPort: ['Any'],
      LocalAddress: ['Any'],
      RemoteAddress: ['Any'],
      Group: 'mobykit',
    });
    assert.equal(firewallStep.install(stepContext(s)).blockers[0].id, 'ownership.firewall', 'a group alone is not ownership');
    const plan = firewallStep.install(stepContext(s, { journal: ['firewall:DockerTcp'] }));
    assert.equal(plan.actions[0].id, 'firewall.update:DockerTcp');
    assert.deepEqual(
      plan.actions[0].changes!.map((c) => c.property),
      ['Enabled', 'Program'],
    );
  });
  it('converges on the SMB rule that Windows reports in mask notation, and still corrects another subnet', () => {
    const s = fresh();
    s.firewallRules.push({
      Name: 'DockerSmbMount',
      DisplayName: 'DockerSmbMount',
      Enabled: true,
      Direction: 'Inbound',
      Action: 'Allow',
      Profile: 'Any',
      EdgeTraversalPolicy: 'Block',
      Program: 'System',
      Protocol: 'TCP',
      LocalPort: ['445'],
      LocalAddress: ['10.0.75.1/255.255.255.255'],
      RemoteAddress: ['10.0.75.0/255.255.255.0'],
      Group: 'mobykit',
    });
    assert.deepEqual(ids(firewallStep.install(stepContext(s)).actions), ['firewall.create:DockerTcp', 'firewall.create:DockerUdp']);
    s.firewallRules[0].RemoteAddress = ['10.0.0.0/255.255.0.0'];
    const plan = firewallStep.install(stepContext(s, { journal: ['firewall:DockerSmbMount'] }));
    assert.deepEqual(
      plan.actions[2].changes!.map((c) => c.property),
      ['RemoteAddress'],
    );
  });
});

describe('share step', () => {
  it('creates the share for the current user and stores the credential', () => {
    const plan = shareStep.install(stepContext(fresh()));
    assert.deepEqual(ids(plan.actions), ['share.create', 'credential.write']);
    assert.equal((plan.actions[0].params as { FullAccess: string }).FullAccess, 'DEV-PC\\alice');
    assert.equal((plan.actions[1].params as { UserName: string }).UserName, 'alice');
    assert.ok(!JSON.stringify(plan).toLowerCase().includes('password='));
  });
  it('stops on a share C of someone else pointing elsewhere', () => {
    const s = fresh();
    s.smbShares.push({ Name: 'C', Path: 'D:\\data', CachingMode: 'Manual', Access: [{ AccountName: 'Everyone', AccessControlType: 'Allow', AccessRight: 'Read' }] });
    const plan = shareStep.install(stepContext(s));
    assert.equal(plan.blockers[0].id, 'ownership.share');
    assert.match(plan.blockers[0].evidence, /D:\\data/);
  });
  it('revokes Everyone from its own share', () => {
    const s = fresh();
    s.smbShares.push({
      Name: 'C',
      Path: 'c:\\',
      CachingMode: 'None',
      Description: MARKER,
      Access: [
        { AccountName: 'dev-pc\\ALICE', AccessControlType: 'Allow', AccessRight: 'Full' },
        { AccountName: 'Everyone', AccessControlType: 'Allow', AccessRight: 'Read' },
      ],
    });
    assert.deepEqual(ids(shareStep.install(stepContext(s, { journal: ['share:C'] })).actions), ['share.revoke:C Everyone', 'credential.write']);
  });
});

describe('vm step', () => {
  it('creates and starts the VM on a fresh host', () => {
    const plan = vmStep.install(stepContext(fresh()));
    assert.deepEqual(ids(plan.actions), ['vm.create', 'vm.start']);
    const p = plan.actions[0].params as { ProcessorCount: number; MemoryStartupBytes: number };
    assert.equal(p.ProcessorCount, 2);
    assert.equal(p.MemoryStartupBytes, 2048 * 1024 * 1024);
  });
  it('never overwrites a disk already at the VHDX path', () => {
    const s = fresh();
    s.files.vhdx.Exists = true;
    const plan = vmStep.install(stepContext(s));
    assert.deepEqual(plan.actions, []);
    assert.match(plan.blockers[0].title, /disk already exists/);
  });
  it('builds the VM around an existing disk (from migrate-toolbox) only with --adopt', () => {
    const s = fresh();
    s.files.vhdx.Exists = true;
    const plan = vmStep.install(stepContext(s, { adopt: true }));
    assert.deepEqual(ids(plan.actions), ['vm.create', 'vm.start']);
    assert.equal((plan.actions[0].params as { AttachExistingVhd: boolean }).AttachExistingVhd, true);
    assert.ok(!plan.actions[0].claims?.some((c) => c.kind === 'disk'), 'an adopted disk is never claimed: uninstall keeps it');
    assert.match(plan.actions[0].description, /on the existing disk/);
  });
  it('stops its own running VM to change processors, then starts it again', () => {
    const s = fresh();
    s.vms.push({
      Name: 'MobyLinuxVM',
      Id: 'vm-1',
      State: 'Running',
      Generation: 2,
      MemoryStartup: 2147483648,
      ProcessorCount: 1,
      Notes: MARKER,
      DvdDrives: [{ Path: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso' }],
      HardDrives: [{ Path: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx' }],
      ComPorts: [{ Name: 'COM 1', Path: '\\\\.\\pipe\\dockerMobyLinuxVM-com1' }],
      IntegrationServices: [{ Name: 'Key-Value Pair Exchange', Id: 'Microsoft:vm-1/2A34B1C2-FD73-4043-8A5B-DD2159BC743F', Enabled: true, PrimaryStatusDescription: 'OK' }],
      NetworkAdapters: [{ Name: 'Network Adapter', SwitchName: 'DockerNAT', MacAddress: '00155D010204', IPAddresses: ['10.0.75.2'] }],
      KvpHostExchangeItems: [],
    });
    const plan = vmStep.install(stepContext(s, { journal: ['vm:MobyLinuxVM'] }));
    assert.deepEqual(ids(plan.actions), ['vm.stop', 'vm.configure', 'vm.start']);
    assert.deepEqual(plan.actions[1].changes, [{ property: 'ProcessorCount', from: 1, to: 2 }]);
  });
});

describe('kvp step', () => {
  it('adds the cifsmount token, redacted in the plan', () => {
    const plan = kvpStep.install(stepContext(fresh()));
    assert.equal(plan.actions[0].id, 'kvp.add');
    assert.match(plan.actions[0].description, /\/c;\/C;username=alice,password=\*\*\*,noperm/);
  });
});

describe("step blockers in the catalog's words", () => {
  // What stops install is what doctor reports for the same host: same id, title, evidence, why and fix.
  const same = (seen: Snapshot, blockers: Finding[], id: string) => {
    const ctx = stepContext(seen);
    const doctor = runChecks({ snapshot: seen, desired: ctx.desired }).filter((f) => f.id === id);
    const raised = blockers.filter((b) => b.id === id);
    assert.ok(raised.length > 0, `no ${id} blocker`);
    assert.deepEqual(
      raised.map(({ fixedByInstall: _, ...b }) => b),
      doctor.map(({ fixedByInstall: _, ...f }) => f),
    );
    assert.ok(raised.every((b) => !b.fixedByInstall));
  };
  it('another NAT in the way', () => {
    const seen = fresh();
    seen.netNats.push({ Name: 'WinNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24', Active: true });
    same(seen, natStep.install(stepContext(seen)).blockers, 'nat.conflict');
  });
  it('the host address held by another adapter', () => {
    const seen = fresh();
    seen.netIPAddresses.push({ InterfaceAlias: 'Wi-Fi', InterfaceIndex: 7, IPAddress: '10.0.75.1', PrefixLength: 24, AddressFamily: 'IPv4', PrefixOrigin: 'Dhcp' });
    same(seen, switchStep.install(stepContext(seen)).blockers, 'vnic.address-conflict');
  });
  it('two VMs of the configured name', () => {
    const seen = fresh();
    const vm = example('converged').vms[0];
    seen.vms.push({ ...vm, Id: 'vm-a' }, { ...vm, Id: 'vm-b', Notes: '' });
    same(seen, vmStep.install(stepContext(seen)).blockers, 'vm.duplicate');
  });
});
