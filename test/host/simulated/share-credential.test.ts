import assert from 'node:assert/strict';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import { freshWin10Pro } from './fixture.js';
import { act, shareParams } from './actions.js';
import { refusedUnchanged } from './helpers.js';

const createShare = act('share.create', shareParams);

describe('simulated host: SMB share', () => {
  it('grants only the FullAccess account (Everyone gets nothing)', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(createShare, {});
    const share = host.current().smbShares[0];
    assert.deepEqual(share.Access, [{ AccountName: 'DEV-PC\\alice', AccessControlType: 'Allow', AccessRight: 'Full' }]);
    assert.equal(share.CachingMode, 'None');
    assert.equal(share.Description, 'Managed by mobykit');
  });

  it('leaves a share of that name and folder alone; refuses another folder, a relative path, and a stopped Server service', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(createShare, {});
    await host.apply(act('share.create', { ...shareParams, Name: 'c' }), {});
    assert.equal(host.current().smbShares.length, 1);
    await refusedUnchanged(host, act('share.create', { ...shareParams, Name: 'c', Path: 'D:\\' }), /Share 'c' already exists for/);
    await refusedUnchanged(host, act('share.create', { ...shareParams, Name: 'D', Path: 'data' }), /does not exist/);
    const stopped = freshWin10Pro();
    stopped.services.find((s) => s.Name === 'LanmanServer')!.Status = 'Stopped';
    await refusedUnchanged(new SimulatedHost(stopped), createShare, /service has not been started/);
  });

  it('grants Full (replacing the entry), revokes every Allow entry of an account, case-insensitively', async () => {
    const start = freshWin10Pro();
    start.smbShares.push({
      Name: 'C',
      Path: 'C:\\',
      CachingMode: 'Manual',
      Access: [
        { AccountName: 'Everyone', AccessControlType: 'Allow', AccessRight: 'Read' },
        { AccountName: 'DEV-PC\\alice', AccessControlType: 'Allow', AccessRight: 'Read' },
      ],
    });
    const host = new SimulatedHost(start);
    await host.apply(act('share.grant', { Name: 'c', AccountName: 'dev-pc\\ALICE' }), {});
    await host.apply(act('share.revoke', { Name: 'C', AccountName: 'everyone' }), {});
    await host.apply(act('share.update', { Name: 'C', CachingMode: 'None' }), {});
    const share = host.current().smbShares[0];
    assert.deepEqual(share.Access, [{ AccountName: 'dev-pc\\ALICE', AccessControlType: 'Allow', AccessRight: 'Full' }]);
    assert.equal(share.CachingMode, 'None');
  });

  it('refuses to update or grant on a missing share; revoking or removing it is nothing to do', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    for (const a of [act('share.update', { Name: 'C', CachingMode: 'None' }), act('share.grant', { Name: 'C', AccountName: 'x' })]) {
      await refusedUnchanged(host, a, /No MSFT_SMBShare objects found with property 'Name' equal to 'C'/);
    }
    for (const a of [act('share.revoke', { Name: 'C', AccountName: 'x' }), act('share.remove', { Name: 'C' })]) {
      await host.apply(a, {});
      assert.deepEqual(host.current().smbShares, []);
    }
  });
});

describe('simulated host: Credential Manager', () => {
  const write = act('credential.write', { TargetName: 'Docker Host Filesystem Access', UserName: 'alice', Comment: 'Managed by mobykit' });

  it('creates, then overwrites, one Generic entry without its secret', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(write, { sharePassword: 'pw-one-Zq9' });
    await host.apply(act('credential.write', { TargetName: 'docker host filesystem access', UserName: 'bob', Comment: 'c' }), { sharePassword: 'pw-two-Zq9' });
    const s = host.current();
    assert.deepEqual(s.credentials, [{ TargetName: 'docker host filesystem access', UserName: 'bob', Type: 'Generic', Comment: 'c' }]);
    assert.ok(!JSON.stringify(s).includes('Zq9'));
  });

  it('removes an entry; a missing one is nothing to remove (Remove-MobyKitCredential)', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    const remove = act('credential.remove', { TargetName: 'Docker Host Filesystem Access' });
    await host.apply(remove, {});
    await host.apply(write, { sharePassword: 'pw' });
    await host.apply(remove, {});
    assert.deepEqual(host.current().credentials, []);
  });
});
