// --share-account local end to end on the simulated host: mobykit makes and owns (by SID) the
// local account mobykit-share, its password made on the host; no password is asked for.
import assert from 'node:assert/strict';
import { run } from '../../src/engine/run.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { loadConfig } from '../../src/config/config.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { config, example } from '../helpers.js';

const local = () => config({ 'share-account': 'local' });
const asked = () => {
  throw new Error('asked for a password');
};
const OTHER_SID = 'S-1-5-21-1-2-3-1010';

async function installed(): Promise<SimulatedHost> {
  const host = new SimulatedHost(example('fresh-win10-pro'));
  const r = await run('install', host, local(), { secrets: asked });
  assert.equal(r.outcome, 'done', JSON.stringify(r.findings));
  return host;
}

describe('--share-account local (issue 14)', () => {
  it('makes the account before the share is granted to it, and sets its password, grant, credential and token in one action, asking no password', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    const r = await run('install', host, local(), { secrets: asked });
    assert.equal(r.outcome, 'done');
    const ops = r.applied.map((a) => a.op);
    assert.ok(ops.indexOf('account.create') < ops.indexOf('share.create'));
    assert.equal(ops.at(-1), 'account.set');
    assert.ok(!ops.includes('credential.write') && !ops.includes('kvp.add'));
    const seen = host.current();
    const account = seen.localAccounts!.find((a) => a.Name === 'mobykit-share')!;
    assert.deepEqual(
      seen.smbShares.find((s) => s.Name === 'C')!.Access.map((a) => a.AccountName),
      ['DEV-PC\\mobykit-share'],
    );
    assert.equal(seen.vms[0].KvpHostExchangeItems[0].Data, '/c;/C;username=mobykit-share,password=***,noperm');
    assert.equal(seen.credentials[0].UserName, 'mobykit-share');
    const journal = await host.loadJournal();
    assert.deepEqual(
      journal.entries.filter((e) => e.kind === 'account').map((e) => [e.state, e.id.Id]),
      [['made', account.SID]],
    );
    assert.doesNotMatch(JSON.stringify(r.plan.actions), /password=(?!\*\*\*)/);
  });

  it('converges: a second install does nothing (no new password when nothing needs one)', async () => {
    const host = await installed();
    const r = await run('install', host, local(), { secrets: asked });
    assert.equal(r.outcome, 'nothing-to-do');
  });

  it('writes a new password everywhere when the token is gone, and only then', async () => {
    const host = await installed();
    const doc = host.current();
    doc.vms[0].KvpHostExchangeItems = [];
    const again = new SimulatedHost(doc);
    const r = await run('install', again, local(), { secrets: asked });
    assert.deepEqual(
      r.applied.map((a) => a.op),
      ['account.set'],
    );
    assert.match(r.applied[0].description, /VM MobyLinuxVM has no cifsmount token/);
  });

  it('stops at a mobykit-share it did not make (SID not in the journal), even with --adopt, and changes nothing', async () => {
    const start: Snapshot = { ...example('fresh-win10-pro'), localAccounts: [{ Name: 'mobykit-share', SID: OTHER_SID, Enabled: true, Description: 'Managed by mobykit' }] };
    for (const adopt of [false, true]) {
      const host = new SimulatedHost(start);
      const r = await run('install', host, local(), { secrets: asked, adopt });
      assert.equal(r.outcome, 'blocked');
      const f = r.findings.find((x) => x.id === 'ownership.account')!;
      assert.match(f.evidence, new RegExp(OTHER_SID));
      assert.match(f.fix, /Remove-LocalUser -SID 'S-1-5-21-1-2-3-1010'/);
      assert.deepEqual(host.current(), new SimulatedHost(start).current());
    }
  });

  it('a run killed right after New-LocalUser: the next install settles the pending entry to the new SID and goes on', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    const stop = new AbortController();
    const r = await run('install', host, local(), {
      secrets: asked,
      signal: stop.signal,
      events: {
        done: (a) => {
          if (a.op === 'account.create') stop.abort();
        },
      },
    });
    assert.equal(r.outcome, 'interrupted');
    const again = await run('install', host, local(), { secrets: asked });
    assert.equal(again.outcome, 'done');
    assert.ok(!again.applied.some((a) => a.op === 'account.create'));
    const sid = host.current().localAccounts![0].SID;
    assert.deepEqual(
      (await host.loadJournal()).entries.filter((e) => e.kind === 'account').map((e) => e.id.Id),
      [sid],
    );
  });

  it('uninstall removes the account by its SID, even when the user no longer passes --share-account local', async () => {
    const host = await installed();
    const r = await run('uninstall', host, config());
    assert.equal(r.outcome, 'done');
    assert.ok(r.applied.some((a) => a.op === 'account.remove'));
    assert.deepEqual(host.current().localAccounts, []);
  });

  it('uninstall leaves a same-named account that is not the one it made, and says so', async () => {
    const host = await installed();
    const doc = host.current();
    doc.localAccounts = [{ Name: 'mobykit-share', SID: OTHER_SID, Enabled: true, Description: '' }];
    const other = new SimulatedHost(doc);
    const r = await run('uninstall', other, local());
    assert.ok(!r.applied.some((a) => a.op === 'account.remove'));
    assert.deepEqual(other.current().localAccounts, doc.localAccounts);
    assert.ok(r.notes.some((n) => n.includes(`local account mobykit-share (SID ${OTHER_SID}): not made by mobykit`)));
  });

  it('refuses a bad value and --share-user with it, naming what is valid', () => {
    assert.throws(() => loadConfig({ flags: { 'share-account': 'admin' } }), /--share-account "admin" must be one of user, local/);
    assert.throws(() => loadConfig({ flags: { 'share-account': 'local', 'share-user': 'DEV-PC\\bob' } }), /--share-account "local" cannot be combined with share.user/);
  });
});
