import assert from 'node:assert/strict';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import { freshWin10Pro } from './fixture.js';
import { act, createSwitch, setAddress, VNIC, MARK } from './actions.js';
import { refusedUnchanged } from './helpers.js';

describe('simulated host: virtual switches', () => {
  it('creates an Internal switch with its host vNIC, Public profile, DHCP and file sharing bound', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(createSwitch(), {});
    const s = host.current();
    assert.equal(s.vmSwitches.length, 1);
    assert.equal(s.vmSwitches[0].SwitchType, 'Internal');
    assert.equal(s.vmSwitches[0].Notes, MARK);
    assert.match(s.vmSwitches[0].Id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const nic = s.netAdapters.find((a) => a.Name === VNIC)!;
    assert.equal(nic.InterfaceDescription, 'Hyper-V Virtual Ethernet Adapter');
    assert.equal(nic.Status, 'Up');
    assert.match(nic.MacAddress, /^00-15-5D(-[0-9A-F]{2}){3}$/);
    assert.notEqual(nic.ifIndex, 12);
    assert.deepEqual(
      s.netIPInterfaces.find((i) => i.InterfaceAlias === VNIC),
      { InterfaceAlias: VNIC, AddressFamily: 'IPv4', Dhcp: 'Enabled' },
    );
    assert.equal(s.netConnectionProfiles.find((p) => p.InterfaceAlias === VNIC)?.NetworkCategory, 'Public');
    assert.equal(s.netAdapterBindings.find((b) => b.Name === VNIC)?.Enabled, true);
  });

  it("leaves its own switch of that name alone (New-MobyKitSwitch), and refuses someone else's", async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(createSwitch(), {});
    await host.apply(createSwitch('dockernat'), {});
    const s = host.current();
    assert.equal(s.vmSwitches.length, 1);
    assert.deepEqual(
      s.netAdapters.filter((a) => a.Name.startsWith('vEthernet')).map((a) => a.InterfaceDescription),
      ['Hyper-V Virtual Ethernet Adapter'],
    );
    await refusedUnchanged(host, act('switch.create', { Name: 'DockerNAT', Notes: 'made by a user' }), /not marked 'made by a user'|is not mobykit's/);
  });

  it('refuses to create a switch when Hyper-V is not enabled or vmms is stopped', async () => {
    const disabled = freshWin10Pro();
    disabled.platform.optionalFeatures[0].State = 'Disabled';
    await refusedUnchanged(new SimulatedHost(disabled), createSwitch(), /Virtual Machine Management service/);
    const stopped = freshWin10Pro();
    stopped.services.find((x) => x.Name === 'vmms')!.Status = 'Stopped';
    await refusedUnchanged(new SimulatedHost(stopped), createSwitch(), /Virtual Machine Management service/);
  });

  it('removes the switch with its vNIC and everything on it', async () => {
    const start = freshWin10Pro();
    const host = new SimulatedHost(start);
    await host.apply(createSwitch(), {});
    await host.apply(setAddress(), {});
    const id = host.current().vmSwitches[0].Id;
    await host.apply(act('switch.remove', { Name: 'DockerNAT', Id: id }), {});
    assert.deepEqual(host.current(), start);
  });

  it('a missing switch is nothing to remove; a switch renamed since is refused', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(act('switch.remove', { Name: 'DockerNAT', Id: '' }), {});
    await host.apply(createSwitch(), {});
    const id = host.current().vmSwitches[0].Id;
    await refusedUnchanged(host, act('switch.remove', { Name: 'Other', Id: id }), /is now named 'DockerNAT', not 'Other'/);
  });
});
