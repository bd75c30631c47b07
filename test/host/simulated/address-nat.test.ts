import assert from 'node:assert/strict';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import { freshWin10Pro } from './fixture.js';
import { act, createNat, createSwitch, setAddress, VNIC } from './actions.js';
import { refusedUnchanged } from './helpers.js';

async function hostWithSwitch(): Promise<SimulatedHost> {
  const host = new SimulatedHost(freshWin10Pro());
  await host.apply(createSwitch(), {});
  return host;
}

describe('simulated host: host address (New-NetIPAddress)', () => {
  it('sets a manual address, turns DHCP off and adds the connected route', async () => {
    const host = await hostWithSwitch();
    await host.apply(setAddress(), {});
    const s = host.current();
    const addr = s.netIPAddresses.find((a) => a.InterfaceAlias === VNIC)!;
    assert.equal(addr.IPAddress, '10.0.75.1');
    assert.equal(addr.PrefixOrigin, 'Manual');
    assert.equal(addr.InterfaceIndex, s.netAdapters.find((a) => a.Name === VNIC)!.ifIndex);
    assert.equal(s.netIPInterfaces.find((i) => i.InterfaceAlias === VNIC)!.Dhcp, 'Disabled');
    assert.ok(s.netRoutes.some((r) => r.DestinationPrefix === '10.0.75.0/24' && r.InterfaceAlias === VNIC));
  });

  it('fails "already exists" when any adapter holds the address', async () => {
    const host = await hostWithSwitch();
    await refusedUnchanged(host, setAddress('192.168.1.23'), /already exists/);
  });

  it('is idempotent on its own vNIC, replaces an APIPA address and makes the network Private', async () => {
    const host = await hostWithSwitch();
    await host.apply(setAddress('169.254.10.20', 16), {});
    await host.apply(setAddress(), {});
    await host.apply(setAddress(), {});
    const s = host.current();
    assert.deepEqual(
      s.netIPAddresses.filter((a) => a.InterfaceAlias === VNIC && a.AddressFamily === 'IPv4').map((a) => a.IPAddress),
      ['10.0.75.1'],
    );
    assert.ok(!s.netRoutes.some((r) => r.DestinationPrefix === '169.254.0.0/16' && r.InterfaceAlias === VNIC));
    assert.equal(s.netConnectionProfiles.find((c) => c.InterfaceAlias === VNIC)!.NetworkCategory, 'Private');
  });

  it('fails when the interface does not exist', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await refusedUnchanged(host, setAddress(), /No MSFT_NetAdapter objects found with property 'InterfaceAlias' equal to 'vEthernet \(DockerNAT\)'/);
  });

  it('removes the address and its route; a missing address is nothing to remove (Remove-MobyKitHostAddress)', async () => {
    const host = await hostWithSwitch();
    const before = host.current();
    await host.apply(setAddress(), {});
    const remove = act('vnic.remove-address', { SwitchName: 'DockerNAT', InterfaceAlias: VNIC, IPAddress: '10.0.75.1' });
    await host.apply(remove, {});
    const s = host.current();
    assert.deepEqual(s.netIPAddresses, before.netIPAddresses);
    assert.deepEqual(s.netRoutes, before.netRoutes);
    await host.apply(remove, {});
    assert.deepEqual(host.current().netIPAddresses, before.netIPAddresses);
  });
});

describe('simulated host: NAT (New-NetNat)', () => {
  it('creates the NAT over the vNIC subnet', async () => {
    const host = await hostWithSwitch();
    await host.apply(setAddress(), {});
    await host.apply(createNat(), {});
    assert.deepEqual(host.current().netNats, [{ Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24', Active: true }]);
  });

  it('rejects a prefix that is not a network address', async () => {
    await refusedUnchanged(await hostWithSwitch(), createNat('10.0.75.1/24'), /^The parameter is incorrect\.$/);
  });

  it('rejects a prefix overlapping the physical adapter subnet', async () => {
    await refusedUnchanged(await hostWithSwitch(), createNat('192.168.0.0/16'), /parameter is incorrect/);
    await refusedUnchanged(await hostWithSwitch(), createNat('192.168.1.0/24'), /parameter is incorrect/);
  });

  it('allows only one NAT on a server SKU too (Server 2016: an HNS NAT counts)', async () => {
    const server = freshWin10Pro();
    server.platform.os.ProductType = 3;
    server.netNats.push({ Name: 'Other', InternalIPInterfaceAddressPrefix: '10.0.0.0/16', Active: true });
    const host = new SimulatedHost(server);
    await refusedUnchanged(host, createNat('10.0.75.0/24'), /parameter is incorrect/);
    await refusedUnchanged(host, createNat('172.20.0.0/24'), /parameter is incorrect/);
    assert.equal(host.current().netNats.length, 1);
  });

  it('allows only one NAT on a client SKU', async () => {
    const start = freshWin10Pro();
    start.netNats.push({ Name: 'Other', InternalIPInterfaceAddressPrefix: '172.20.0.0/24', Active: true });
    await refusedUnchanged(new SimulatedHost(start), createNat(), /parameter is incorrect/);
  });

  it('rejects a duplicate name, and refuses when winnat is disabled', async () => {
    const host = await hostWithSwitch();
    await host.apply(createNat(), {});
    await refusedUnchanged(host, createNat('172.20.0.0/24', 'dockernat'), /already exists/);
    const disabled = freshWin10Pro();
    disabled.services.find((x) => x.Name === 'winnat')!.StartType = 'Disabled';
    await refusedUnchanged(new SimulatedHost(disabled), createNat(), /disabled/);
  });

  it('removes a NAT; a missing one is nothing to remove (Remove-MobyKitNat)', async () => {
    const host = await hostWithSwitch();
    await host.apply(createNat(), {});
    await host.apply(act('nat.remove', { Name: 'DockerNAT' }), {});
    assert.deepEqual(host.current().netNats, []);
    await host.apply(act('nat.remove', { Name: 'DockerNAT' }), {});
    assert.deepEqual(host.current().netNats, []);
  });
});
