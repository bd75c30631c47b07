import assert from 'node:assert/strict';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import { freshWin10Pro } from './fixture.js';
import { act, createSwitch, createVm, kvpParams } from './actions.js';
import { applyAll, refusedUnchanged } from './helpers.js';

const secret = 'S3cr3t,with;odd=chars';
const secrets = { sharePassword: secret };

async function hostWithVm(): Promise<SimulatedHost> {
  const host = new SimulatedHost(freshWin10Pro());
  await applyAll(host, [createSwitch(), createVm()]);
  return host;
}

describe('simulated host: KVP items', () => {
  it('adds the cifsmount item with Source 0, shown with the password redacted', async () => {
    const host = await hostWithVm();
    await host.apply(act('kvp.add', kvpParams), secrets);
    assert.deepEqual(host.current().vms[0].KvpHostExchangeItems, [{ Name: 'cifsmount', Data: '/c;/C;username=alice,password=***,noperm', Source: 0 }]);
    assert.ok(!JSON.stringify(await host.gather()).includes('S3cr3t'));
  });

  it('an existing item is modified, not added twice (Set-MobyKitKvpItem; AddKvpItems would fail with 32773)', async () => {
    const host = await hostWithVm();
    await host.apply(act('kvp.add', kvpParams), secrets);
    await host.apply(act('kvp.add', { ...kvpParams, UserName: 'bob' }), secrets);
    const items = host.current().vms[0].KvpHostExchangeItems;
    assert.equal(items.length, 1);
    assert.match(items[0].Data, /username=bob,password=\*\*\*/);
  });

  it('a missing item is added by kvp.modify and is nothing to remove for kvp.remove', async () => {
    const host = await hostWithVm();
    await host.apply(act('kvp.remove', { VMName: 'MobyLinuxVM', ItemName: 'cifsmount' }), {});
    await host.apply(act('kvp.modify', kvpParams), secrets);
    assert.equal(host.current().vms[0].KvpHostExchangeItems.length, 1);
    await host.apply(act('kvp.modify', { ...kvpParams, UserName: 'bob' }), secrets);
    assert.match(host.current().vms[0].KvpHostExchangeItems[0].Data, /username=bob,password=\*\*\*/);
    await host.apply(act('kvp.remove', { VMName: 'MobyLinuxVM', ItemName: 'cifsmount' }), {});
    assert.deepEqual(host.current().vms[0].KvpHostExchangeItems, []);
  });

  it('fails on a VM that does not exist', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await refusedUnchanged(host, act('kvp.add', kvpParams), /VM 'MobyLinuxVM' does not exist/, secrets);
    await host.apply(act('kvp.remove', { VMName: 'MobyLinuxVM', ItemName: 'cifsmount' }), {});
  });

  it('treats a missing password as a programming error, not a host refusal', async () => {
    const host = await hostWithVm();
    await assert.rejects(host.apply(act('kvp.add', kvpParams), {}), (e: Error) => e.name === 'Error' && /sharePassword/.test(e.message));
  });
});
