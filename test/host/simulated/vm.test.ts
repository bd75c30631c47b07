import assert from 'node:assert/strict';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import { freshWin10Pro, VHDX_PATH } from './fixture.js';
import { act, createSwitch, createVm, setAddress } from './actions.js';
import { applyAll, refusedUnchanged } from './helpers.js';

const KVP_GUID = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';
const start = act('vm.start', { Name: 'MobyLinuxVM' });
const stop = act('vm.stop', { Name: 'MobyLinuxVM', TimeoutSeconds: 30 });

async function hostWithVm(withAddress = true): Promise<SimulatedHost> {
  const host = new SimulatedHost(freshWin10Pro());
  await applyAll(host, [createSwitch(), ...(withAddress ? [setAddress()] : []), createVm()]);
  return host;
}

describe('simulated host: VM lifecycle', () => {
  it('creates an Off VM with disk, DVD, COM1, integration services, adapter and the VHDX file', async () => {
    const host = await hostWithVm();
    const s = host.current();
    const vm = s.vms[0];
    assert.equal(vm.State, 'Off');
    assert.equal(vm.ProcessorCount, 2);
    assert.deepEqual(vm.ComPorts, [{ Name: 'COM 1', Path: '\\\\.\\pipe\\dockerMobyLinuxVM-com1' }]);
    assert.equal(vm.IntegrationServices.length, 6);
    const kvp = vm.IntegrationServices.find((x) => x.Name === 'Key-Value Pair Exchange')!;
    assert.equal(kvp.Enabled, true);
    assert.equal(kvp.Id, `Microsoft:${vm.Id.toUpperCase()}\\${KVP_GUID}`);
    assert.deepEqual(
      vm.NetworkAdapters.map((n) => [n.Name, n.SwitchName, n.IPAddresses]),
      [['Network Adapter', 'DockerNAT', []]],
    );
    assert.match(vm.NetworkAdapters[0].MacAddress, /^00155D[0-9A-F]{6}$/);
    assert.deepEqual(s.files.vhdx, { Path: VHDX_PATH, Exists: true, Attributes: ['Archive'] });
  });

  it('leaves a VM of that name with these settings alone (New-MobyKitVM), and refuses one with others', async () => {
    const host = await hostWithVm();
    await host.apply(createVm(), {});
    assert.equal(host.current().vms.length, 1);
    await refusedUnchanged(host, createVm({ VhdPath: 'D:\\vms\\other.vhdx' }), /already exists with other settings \(no disk at VhdPath\)/);
  });

  it('refuses a missing switch or a missing ISO', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await refusedUnchanged(host, createVm(), /unable to find a virtual switch with name "DockerNAT"/);
    const noIso = freshWin10Pro();
    noIso.files.bootIso.Exists = false;
    const h2 = new SimulatedHost(noIso);
    await h2.apply(createSwitch(), {});
    await refusedUnchanged(h2, createVm(), /cannot find the file specified/);
  });

  it('reports the VM address only while running with Key-Value Pair Exchange enabled', async () => {
    const host = await hostWithVm();
    await host.apply(start, {});
    let vm = host.current().vms[0];
    assert.equal(vm.State, 'Running');
    assert.equal(vm.NetworkAdapters[0].IPAddresses[0], '10.0.75.2');
    assert.match(vm.NetworkAdapters[0].IPAddresses[1], /^fe80::/);
    await host.apply(act('vm.configure', { Name: 'MobyLinuxVM', EnableKvp: false }), {});
    vm = host.current().vms[0];
    assert.deepEqual(vm.NetworkAdapters[0].IPAddresses, []);
    await host.apply(act('vm.configure', { Name: 'MobyLinuxVM', EnableKvp: true }), {});
    await host.apply(stop, {});
    vm = host.current().vms[0];
    assert.equal(vm.State, 'Off');
    assert.deepEqual(vm.NetworkAdapters[0].IPAddresses, []);
  });

  it('gives an APIPA address when the vNIC has no manual address', async () => {
    const host = await hostWithVm(false);
    await host.apply(start, {});
    assert.match(host.current().vms[0].NetworkAdapters[0].IPAddresses[0], /^169\.254\./);
  });

  it('takes memory on start, gives it back on stop; start/stop are idempotent', async () => {
    const host = await hostWithVm();
    const free = host.current().platform.os.FreePhysicalMemory;
    await host.apply(start, {});
    await host.apply(start, {});
    assert.equal(host.current().platform.os.FreePhysicalMemory, free - 2048 * 1024);
    await host.apply(stop, {});
    await host.apply(stop, {});
    assert.equal(host.current().platform.os.FreePhysicalMemory, free);
  });

  it('refuses to start without enough free memory', async () => {
    const host = await hostWithVm();
    await host.apply(act('vm.configure', { Name: 'MobyLinuxVM', MemoryStartupBytes: 16 * 1024 ** 3 }), {});
    await refusedUnchanged(host, start, /Not enough memory in the system to start the virtual machine/);
  });

  it('changes CPUs and memory only while off; media and KVP any time', async () => {
    const host = await hostWithVm();
    await host.apply(start, {});
    await refusedUnchanged(host, act('vm.configure', { Name: 'MobyLinuxVM', ProcessorCount: 4 }), /processor count/);
    await refusedUnchanged(host, act('vm.configure', { Name: 'MobyLinuxVM', MemoryStartupBytes: 1024 ** 3 }), /memory/);
    await host.apply(act('vm.configure', { Name: 'MobyLinuxVM', ComPipe: '\\\\.\\pipe\\other' }), {});
    assert.equal(host.current().vms[0].ComPorts[0].Path, '\\\\.\\pipe\\other');
    await host.apply(stop, {});
    await host.apply(act('vm.configure', { Name: 'MobyLinuxVM', ProcessorCount: 4 }), {});
    assert.equal(host.current().vms[0].ProcessorCount, 4);
  });

  it('removes a running VM (Remove-MobyKitVM turns it off first) and its VHDX; a missing one is nothing to remove', async () => {
    const host = await hostWithVm();
    const remove = act('vm.remove', { Name: 'MobyLinuxVM', VhdPath: VHDX_PATH });
    const freeBefore = host.current().platform.os.FreePhysicalMemory;
    await host.apply(start, {});
    await host.apply(remove, {});
    const s = host.current();
    assert.deepEqual(s.vms, []);
    assert.deepEqual(s.files.vhdx, { Path: VHDX_PATH, Exists: false });
    assert.equal(s.platform.os.FreePhysicalMemory, freeBefore);
    await host.apply(remove, {});
    assert.deepEqual(host.current().vms, []);
  });

  it('stopping a Saved VM leaves it Saved (Stop-MobyKitVM)', async () => {
    const doc = freshWin10Pro();
    const host0 = new SimulatedHost(doc);
    await host0.apply(act('switch.create', { Name: 'DockerNAT', Notes: 'Managed by mobykit' }), {});
    await host0.apply(createVm(), {});
    const saved = host0.current();
    saved.vms[0].State = 'Saved';
    const host = new SimulatedHost(saved);
    await host.apply(stop, {});
    assert.equal(host.current().vms[0].State, 'Saved');
  });

  it('enables Key-Value Pair Exchange by its Id, whatever the service is called (a German host)', async () => {
    const host0 = await hostWithVm();
    const german = host0.current();
    const kvp = german.vms[0].IntegrationServices.find((x) => x.Id.endsWith(KVP_GUID))!;
    kvp.Name = 'Austausch von Schlüsselwertepaaren';
    kvp.Enabled = false;
    const host = new SimulatedHost(german);
    await host.apply(act('vm.configure', { Name: 'MobyLinuxVM', EnableKvp: true }), {});
    assert.equal(host.current().vms[0].IntegrationServices.find((x) => x.Id.endsWith(KVP_GUID))!.Enabled, true);
  });
});
