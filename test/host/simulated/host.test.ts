import type { JournalDoc } from '../../../src/state/journal.js';
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import { HostActionError } from '../../../src/host/host.js';
import type { Action } from '../../../src/plan/action.js';
import type { Snapshot } from '../../../src/snapshot/types.js';
import { freshWin10Pro, VHDX_PATH } from './fixture.js';
import { act, createNat, createSwitch, createVm, kvpParams, setAddress, shareParams, VNIC } from './actions.js';
import { applyAll } from './helpers.js';

const PASSWORD = 'Tr0ub4dor&3-unique';
const secrets = { sharePassword: PASSWORD };

function install(): Action[] {
  return [
    createSwitch(),
    setAddress(),
    createNat(),
    act(
      'firewall.create',
      {
        Name: 'DockerTcp',
        DisplayName: 'DockerTcp',
        Protocol: 'TCP',
        Program: 'C:\\p.exe',
        Profile: 'Any',
        EdgeTraversalPolicy: 'DeferToUser',
        Direction: 'Inbound',
        Action: 'Allow',
        Group: 'mobykit',
        Description: 'Managed by mobykit',
        LocalPort: ['Any'],
        LocalAddress: ['Any'],
        RemoteAddress: ['Any'],
      },
      'DockerTcp',
    ),
    act('share.create', shareParams),
    act('credential.write', { TargetName: 'Docker Host Filesystem Access', UserName: 'alice', Comment: 'Managed by mobykit' }),
    createVm(),
    act('kvp.add', kvpParams),
    act('vm.start', { Name: 'MobyLinuxVM' }),
  ];
}

function uninstall(switchId: string): Action[] {
  return [
    act('vm.stop', { Name: 'MobyLinuxVM', TimeoutSeconds: 30 }),
    act('kvp.remove', { VMName: 'MobyLinuxVM', ItemName: 'cifsmount' }),
    act('vm.remove', { Name: 'MobyLinuxVM', VhdPath: VHDX_PATH }),
    act('credential.remove', { TargetName: 'Docker Host Filesystem Access' }),
    act('share.remove', { Name: 'C' }),
    act('firewall.remove', { Name: 'DockerTcp' }, 'DockerTcp'),
    act('nat.remove', { Name: 'DockerNAT' }),
    act('vnic.remove-address', { SwitchName: 'DockerNAT', InterfaceAlias: VNIC, IPAddress: '10.0.75.1' }),
    act('switch.remove', { Name: 'DockerNAT', Id: switchId }),
  ];
}

describe('simulated host', () => {
  afterEach(() => sinon.restore());

  it('is a simulated Host whose gather() and current() agree', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    assert.equal(host.kind, 'simulated');
    assert.deepEqual(await host.gather(), host.current());
    await host.dispose();
  });

  it('keeps its own copy: neither the input nor a gathered snapshot can change it', async () => {
    const start = freshWin10Pro();
    const host = new SimulatedHost(start);
    start.vmSwitches.push({ Name: 'X', Id: 'x', SwitchType: 'Private' });
    (await host.gather()).netNats.push({ Name: 'Y', InternalIPInterfaceAddressPrefix: '10.9.0.0/24', Active: true });
    assert.deepEqual(host.current().vmSwitches, []);
    assert.deepEqual(host.current().netNats, []);
  });

  it('never shows the share password, and never logs anything', async () => {
    const log = sinon.spy(console, 'log');
    const error = sinon.spy(console, 'error');
    const host = new SimulatedHost(freshWin10Pro());
    await applyAll(host, install(), secrets);
    const text = JSON.stringify(await host.gather());
    assert.ok(!text.includes(PASSWORD));
    assert.ok(text.includes('password=***'));
    sinon.assert.notCalled(log);
    sinon.assert.notCalled(error);
  });

  it('install then uninstall (with the journal emptied) gives back the starting document', async () => {
    const start = freshWin10Pro() as Snapshot & { support?: unknown };
    start.support = { ticket: 42 };
    const host = new SimulatedHost(start);
    await applyAll(host, install(), secrets);
    await host.saveJournal({
      version: 2,
      entries: [{ kind: 'nat', id: { Name: 'DockerNAT', Prefix: '10.0.75.0/24' }, state: 'made', actionId: 'nat.create', at: '2026-11-22T10:01:00Z' }],
    });
    const running = host.current();
    assert.equal(running.vms[0].State, 'Running');
    await applyAll(host, uninstall(running.vmSwitches[0].Id), secrets);
    await host.saveJournal({ version: 2, entries: [] });
    assert.deepEqual(host.current(), start);
  });

  it('makes exactly the failActions fail, changing nothing', async () => {
    const host = new SimulatedHost(freshWin10Pro(), { failActions: ['nat.create', 'firewall.create:DockerUdp'] });
    await applyAll(host, [createSwitch(), setAddress()]);
    const before = host.current();
    await assert.rejects(
      host.apply(createNat(), {}),
      (e: unknown) => e instanceof HostActionError && e.actionId === 'nat.create' && e.cmdlet === 'New-NetNat' && e.cmdletMessage.length > 0,
    );
    assert.deepEqual(host.current(), before);
    const rule = {
      Name: 'DockerTcp',
      DisplayName: 'DockerTcp',
      Protocol: 'TCP' as const,
      Program: 'C:\\p.exe',
      Profile: 'Any',
      EdgeTraversalPolicy: 'DeferToUser',
      Direction: 'Inbound' as const,
      Action: 'Allow' as const,
      Group: 'mobykit',
      Description: 'd',
      LocalPort: ['Any'],
      LocalAddress: ['Any'],
      RemoteAddress: ['Any'],
    };
    await host.apply(act('firewall.create', rule, 'DockerTcp'), {});
    await assert.rejects(host.apply(act('firewall.create', { ...rule, Name: 'DockerUdp', Protocol: 'UDP' }, 'DockerUdp'), {}), HostActionError);
    assert.deepEqual(
      host.current().firewallRules.map((r) => r.Name),
      ['DockerTcp'],
    );
  });

  it('stores the journal in the document under mobykit, and drops it when empty', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    assert.deepEqual(await host.loadJournal(), { version: 2, entries: [] });
    const doc: JournalDoc = {
      version: 2,
      entries: [{ kind: 'nat', id: { Name: 'DockerNAT', Prefix: '10.0.75.0/24' }, state: 'made', actionId: 'nat.create', at: '2026-11-22T10:02:00Z' }],
    };
    await host.saveJournal(doc);
    assert.deepEqual(await host.loadJournal(), doc);
    assert.deepEqual((host.current() as unknown as { mobykit: unknown }).mobykit, { journal: doc });
    const reopened = new SimulatedHost(host.current());
    assert.deepEqual(await reopened.loadJournal(), doc);
    await host.saveJournal({ version: 2, entries: [] });
    assert.ok(!('mobykit' in host.current()));
  });
});
