import assert from 'node:assert/strict';
import sinon from 'sinon';
import { run } from '../../src/engine/run.js';
import { renderOutcome, runDocument } from '../../src/cli/render.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { CANARY_PASSWORD, config, example } from '../helpers.js';

const secrets = async () => ({ sharePassword: CANARY_PASSWORD });

describe('engine on the simulated host', () => {
  it('install converges a fresh host and verification passes', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    const r = await run('install', host, config(), { secrets });
    assert.equal(r.outcome, 'done', JSON.stringify(r.findings, null, 2));
    assert.deepEqual(
      r.applied.map((a) => a.id),
      r.plan.actions.map((a) => a.id),
    );
    assert.ok(r.applied.some((a) => a.id === 'vm.create'));
    const vm = host.current().vms.find((v) => v.Name === 'MobyLinuxVM')!;
    assert.equal(vm.State, 'Running');
    assert.ok(vm.NetworkAdapters[0].IPAddresses.includes('10.0.75.2'));
    assert.deepEqual(
      vm.KvpHostExchangeItems.map((i) => i.Data),
      ['/c;/C;username=alice,password=***,noperm'],
    );
  });

  it('tells the truth: what it could not verify and what doctor still reports, never "verified" for those', async () => {
    const host = new SimulatedHost(example('broken'));
    const r = await run('install', host, config(), { secrets, adopt: true });
    assert.equal(r.outcome, 'done');
    // Get-NetFirewallRule was denied while gathering: the firewall checks could not look.
    assert.deepEqual(
      r.notVerified!.map((c) => c.id),
      ['firewall.missing', 'firewall.disabled', 'firewall.program', 'firewall.settings', 'firewall.smb'],
    );
    assert.ok(r.notVerified!.every((c) => c.reason.includes('Access is denied')));
    assert.deepEqual(
      r.remaining!.map((f) => f.id),
      ['platform.docker-host-env', 'port.in-use', 'snapshot.errors'],
    );
    const text = renderOutcome(runDocument(r)).replace(/\u001b\[[0-9;]*m/g, '');
    assert.match(text, /^! Done: 11 actions applied; 5 checks could not verify the result\./);
    assert.doesNotMatch(text, /verified\.\n/);
    assert.match(text, /Not verified:\n {2}! firewall\.missing: Get-NetFirewallRule failed while gathering: Access is denied\./);
    assert.match(text, /still reports[^\n]*\n(.*\n)* {2}✗ error UDP port 53 is held by svchost \[port\.in-use\]/);
  });

  it('a second install plans nothing', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    await run('install', host, config(), { secrets });
    const again = await run('install', host, config(), { secrets });
    assert.equal(again.outcome, 'nothing-to-do');
    assert.deepEqual(again.plan.actions, []);
  });

  it('install then uninstall gives back the starting host exactly', async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start);
    await run('install', host, config(), { secrets });
    const r = await run('uninstall', host, config());
    assert.equal(r.outcome, 'done');
    assert.deepEqual(host.current(), start);
  });

  it('a dry run plans but changes nothing', async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start);
    const r = await run('install', host, config(), { dryRun: true, secrets });
    assert.equal(r.outcome, 'planned');
    assert.ok(r.plan.actions.length >= 8);
    assert.deepEqual(host.current(), start);
  });

  it('the password is asked only when the plan stores it, and never shows in the host snapshot', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    let asked = 0;
    await run('install', host, config(), {
      secrets: async () => {
        asked++;
        return { sharePassword: CANARY_PASSWORD };
      },
    });
    assert.equal(asked, 1);
    assert.ok(!JSON.stringify(host.current()).includes(CANARY_PASSWORD));
    await run('install', host, config(), {
      secrets: async () => {
        asked++;
        return {};
      },
    });
    assert.equal(asked, 1);
  });

  it('declining the confirmation changes nothing', async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start);
    const r = await run('install', host, config(), { confirm: async () => false, secrets });
    assert.equal(r.outcome, 'cancelled');
    assert.deepEqual(host.current(), start);
  });

  it('custom names, subnet and paths flow through to the host', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    const c = config({ 'switch-name': 'MobyNet', subnet: '172.30.8.0/24', 'host-address': '172.30.8.1', 'vm-address': '172.30.8.2', 'nat-name': 'MobyNat', 'vm-name': 'moby-dev' });
    const r = await run('install', host, c, { secrets });
    assert.equal(r.outcome, 'done', JSON.stringify(r.findings, null, 2));
    const s = host.current();
    assert.ok(s.vmSwitches.some((x) => x.Name === 'MobyNet'));
    assert.ok(s.netIPAddresses.some((a) => a.InterfaceAlias === 'vEthernet (MobyNet)' && a.IPAddress === '172.30.8.1'));
    assert.deepEqual(
      s.netNats.map((n) => [n.Name, n.InternalIPInterfaceAddressPrefix]),
      [['MobyNat', '172.30.8.0/24']],
    );
    assert.ok(s.vms.some((v) => v.Name === 'moby-dev'));
  });

  it('after migrate-toolbox, install --adopt keeps the migrated disk through uninstall', async () => {
    const start = example('fresh-win10-pro');
    start.files.vhdx.Exists = true;
    const host = new SimulatedHost(start);
    const blocked = await run('install', host, config(), { secrets });
    assert.equal(blocked.outcome, 'blocked');
    assert.match(blocked.findings[0].fix, /--adopt/);
    const r = await run('install', host, config(), { secrets, adopt: true });
    assert.equal(r.outcome, 'done');
    await run('uninstall', host, config());
    assert.equal(host.current().files.vhdx.Exists, true, 'the migrated disk was deleted');
    assert.deepEqual(host.current().vms, []);
  });

  it('uninstall deletes the disk it created', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    await run('install', host, config(), { secrets });
    assert.equal(host.current().files.vhdx.Exists, true);
    const u = await run('uninstall', host, config());
    assert.match(u.plan.actions.find((a) => a.op === 'vm.remove')!.description, /DELETE its disk .*every image, container and volume/);
    assert.equal(host.current().files.vhdx.Exists, false);
  });

  it('a Hyper-V Administrator who is not elevated is told exactly which changes need elevation, before any', async () => {
    const start = example('fresh-win10-pro');
    start.platform.identity = { UserName: 'DEV-PC\\alice', IsAdministrator: false, IsHyperVAdministrator: true };
    const host = new SimulatedHost(start);
    const r = await run('install', host, config(), { secrets });
    assert.equal(r.outcome, 'blocked');
    const f = r.findings.find((x) => x.id === 'platform.privileges')!;
    assert.match(f.evidence, /vnic\.set-address, nat\.create, firewall\.create, share\.create/);
    assert.deepEqual(host.current(), start);
  });

  it('uninstall is verified: a removal Windows reported done but did not make is a leftover', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    await run('install', host, config(), { secrets });
    const apply = host.apply.bind(host);
    sinon.stub(host, 'apply').callsFake(async (action, s) => {
      if (action.op !== 'nat.remove') await apply(action, s);
    });
    const r = await run('uninstall', host, config());
    assert.equal(r.outcome, 'unverified');
    assert.deepEqual(
      r.findings.map((f) => [f.id, f.title]),
      [['uninstall.leftover', 'DockerNAT is still there']],
    );
    (host.apply as sinon.SinonStub).restore();
    const again = await run('uninstall', host, config());
    assert.deepEqual(
      again.applied.map((a) => a.id),
      ['nat.remove'],
      "the next uninstall does not know the NAT is mobykit's",
    );
    assert.deepEqual(host.current(), example('fresh-win10-pro'));
  });
});
