// A real host gathers by the configured names: a rename must still look at what mobykit made under
// the names it installed with, and the spinner wrapper must not drop the names asked for.
import assert from 'node:assert/strict';
import type { Config } from '../../src/config/config.js';
import { HYPERV_DEFAULT_VHD_FOLDER } from '../../src/config/desired.js';
import { NO_LOG } from '../../src/cli/log.js';
import { AnnouncedHost, Progress } from '../../src/cli/progress.js';
import { run } from '../../src/engine/run.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { CANARY_PASSWORD, config, example } from '../helpers.js';

const secrets = async () => ({ sharePassword: CANARY_PASSWORD });
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Gathers the way Get-MobyKitHostSnapshot does: the VM, share, rules and credential of the names in scope only. */
class ScopedHost extends SimulatedHost {
  scopes: Config[] = [];
  constructor(
    seen: Snapshot,
    private readonly session: Config,
  ) {
    super(seen);
  }
  override async gather(scope: Config = this.session): Promise<Snapshot> {
    this.scopes.push(scope);
    const all = await super.gather(scope);
    const rules = [scope.firewall.tcpRuleName, scope.firewall.udpRuleName, scope.firewall.smbRuleName];
    // No disk path configured: the module reports <VMName>.vhdx in the host's disk folder.
    const disk = scope.vm.vhdxPath ?? `${HYPERV_DEFAULT_VHD_FOLDER}\\${scope.vm.name}.vhdx`;
    const files = { ...all.files, vhdx: same(disk, all.files.vhdx.Path) ? all.files.vhdx : { Path: disk, Exists: false } };
    return {
      ...all,
      files,
      vms: all.vms.filter((v) => same(v.Name, scope.vm.name)),
      smbShares: all.smbShares.filter((s) => same(s.Name, scope.share.name)),
      firewallRules: all.firewallRules.filter((r) => rules.some((n) => same(n, r.Name))),
      credentials: all.credentials.filter((c) => same(c.TargetName, scope.credential.target)),
    };
  }
}

describe('renames on a host that gathers by name', () => {
  it("install looks under the installed names too, and replaces mobykit's VM, share, rule and credential", async () => {
    const installed = new SimulatedHost(example('fresh-win10-pro'));
    assert.equal((await run('install', installed, config(), { secrets })).outcome, 'done');
    const renamed = config({ 'vm-name': 'NewVM', 'share-name': 'D', 'firewall-tcp-rule': 'NewTcp', 'credential-target': 'NewCred' });
    const host = new ScopedHost(installed.current(), renamed);
    await host.saveJournal(await installed.loadJournal());
    const r = await run('install', host, renamed, { secrets });
    assert.equal(r.outcome, 'done', JSON.stringify(r.findings));
    assert.deepEqual(
      r.applied.map((a) => a.id).sort(),
      [
        'credential.remove:Docker Host Filesystem Access',
        'credential.write',
        'firewall.create:NewTcp',
        'firewall.remove:DockerTcp',
        'kvp.modify',
        'share.create',
        'share.remove:C',
        'vm.rename',
      ].sort(),
    );
    assert.ok(
      host.scopes.some((s) => s.vm.name === 'MobyLinuxVM' && s.share.name === 'C'),
      'the installed names were gathered',
    );
    const after = host.current();
    assert.deepEqual(
      after.vms.map((v) => v.Name),
      ['NewVM'],
    );
    assert.deepEqual(
      after.smbShares.map((s) => s.Name),
      ['D'],
    );
    // The renamed VM keeps the disk mobykit made, and that is the disk checked: no "does not use the disk NewVM.vhdx".
    assert.deepEqual(after.vms[0].HardDrives, installed.current().vms[0].HardDrives);
    assert.deepEqual(
      r.remaining!.map((f) => f.id),
      [],
    );
    assert.equal((await run('install', host, renamed, { secrets, dryRun: true })).outcome, 'nothing-to-do');
  });

  it('the gather spinner passes the names on to the host', async () => {
    const host = new ScopedHost(example('fresh-win10-pro'), config());
    const announced = new AnnouncedHost(host, new Progress(NO_LOG, false, 'json'));
    const other = config({ 'vm-name': 'Other' });
    await announced.gather(other);
    assert.equal(host.scopes[0], other);
  });
});
