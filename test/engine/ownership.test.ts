// Issue 9, case by case on the simulated host: nothing of the user's is ever changed or removed,
// whatever happened to the host since mobykit's last run; uninstall removes what mobykit made.
import assert from 'node:assert/strict';
import { MARKER } from '../../src/config/desired.js';
import { renderOutcome, renderPlan, runDocument } from '../../src/cli/render.js';
import { run } from '../../src/engine/run.js';
import type { Host } from '../../src/host/host.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import type { Action } from '../../src/plan/action.js';
import type { Snapshot, VM } from '../../src/snapshot/types.js';
import type { JournalDoc } from '../../src/state/journal.js';
import { CANARY_PASSWORD, config, example } from '../helpers.js';

const secrets = async () => ({ sharePassword: CANARY_PASSWORD });
const journalOf = (h: SimulatedHost) => (h.current() as Snapshot & { mobykit?: { journal: JournalDoc } }).mobykit?.journal;
const VHDX = 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx';

async function installed(flags: Record<string, unknown> = {}): Promise<SimulatedHost> {
  const host = new SimulatedHost(example('fresh-win10-pro'));
  const r = await run('install', host, config(flags), { secrets });
  assert.equal(r.outcome, 'done', JSON.stringify(r.findings));
  return host;
}

/** The host after a person changed it by hand (the journal travels with it). */
function edited(host: SimulatedHost, edit: (s: Snapshot) => void): SimulatedHost {
  const s = host.current();
  edit(s);
  return new SimulatedHost(s);
}

const userVm = (over: Partial<VM> = {}): VM => ({
  Name: 'MobyLinuxVM',
  Id: '1111-user',
  State: 'Running',
  Generation: 2,
  MemoryStartup: 8 * 2 ** 30,
  ProcessorCount: 8,
  DvdDrives: [],
  HardDrives: [{ Path: 'D:\\VMs\\bob-build-server.vhdx' }],
  ComPorts: [],
  IntegrationServices: [],
  NetworkAdapters: [],
  KvpHostExchangeItems: [],
  Notes: 'Bob: build server, do not delete',
  ...over,
});

describe('ownership by identity (issue 9)', () => {
  it("a VM the user made with mobykit's name, after mobykit's was deleted by hand, survives uninstall with its disk", async () => {
    const host = edited(await installed(), (s) => {
      s.vms = [userVm()];
    });
    const r = await run('uninstall', host, config());
    assert.ok(!r.plan.actions.some((a) => a.op === 'vm.remove' || a.op === 'vm.stop'), r.plan.actions.map((a) => a.description).join('\n'));
    assert.deepEqual(
      host.current().vms.map((v) => v.Id),
      ['1111-user'],
    );
    assert.ok(
      r.notes.some((n) => /VM MobyLinuxVM \(Id .*\) is gone .*forgotten/.test(n)),
      r.notes.join('\n'),
    );
    assert.ok(
      r.notes.some((n) => /left alone: VM MobyLinuxVM \(1111-user\): not made by mobykit/.test(n)),
      r.notes.join('\n'),
    );
    assert.ok(r.notes.some((n) => /KVP item cifsmount .* forgotten/.test(n)));
  });

  it("a run that stopped while creating the VM, then the user's own disk at the path: not mobykit's (a file has no Id), and said so", async () => {
    // vm.create refused after its pending entries were written: the journal holds a pending VM and disk.
    const host = new SimulatedHost(example('fresh-win10-pro'), { failActions: ['vm.create'] });
    const failed = await run('install', host, config(), { secrets, rollback: false });
    assert.equal(failed.outcome, 'failed');
    assert.ok(
      journalOf(host)!.entries.some((e) => e.kind === 'disk' && e.state === 'pending'),
      'the disk was journaled as pending',
    );
    // migrate-toolbox then writes the user's Toolbox disk where mobykit's would have gone.
    const later = edited(host, (s) => {
      s.files.vhdx.Exists = true;
    });
    const u = await run('uninstall', later, config());
    assert.equal(later.current().files.vhdx.Exists, true);
    assert.ok(
      u.notes.some((n) => /disk .*MobyLinuxVM\.vhdx: the run that was creating mobykit's VM on it stopped.*leaves it alone.*Remove-Item -LiteralPath '.*install --adopt/.test(n)),
      u.notes.join('\n'),
    );
    assert.ok(!journalOf(later)?.entries.some((e) => e.kind === 'disk'), "the disk is not recorded as mobykit's");
    const again = await run('install', later, config(), { secrets });
    assert.equal(again.outcome, 'blocked', 'install does not build on a disk it cannot prove it made');
    assert.equal(again.findings[0].id, 'ownership.vm');
  });

  it('the documented Toolbox path on a host that had mobykit before: uninstall keeps the migrated disk', async () => {
    // mobykit's VM deleted by hand; then migrate-toolbox writes the user's disk at the VHDX path.
    const host = edited(await installed(), (s) => {
      s.vms = [];
      s.files.vhdx.Exists = true;
    });
    const plain = await run('install', host, config(), { secrets });
    assert.equal(plain.outcome, 'blocked', "the disk is no longer known to be mobykit's");
    const adopt = await run('install', host, config(), { secrets, adopt: true });
    assert.equal(adopt.outcome, 'done', JSON.stringify(adopt.findings));
    assert.match(adopt.plan.actions.find((a) => a.op === 'vm.create')!.description, /existing disk .*adopted: uninstall keeps it/);
    const u = await run('uninstall', host, config());
    assert.equal(u.outcome, 'done');
    assert.equal((u.plan.actions.find((a) => a.op === 'vm.remove')!.params as { VhdPath: string }).VhdPath, '');
    assert.equal(host.current().files.vhdx.Exists, true, 'the migrated images are kept');
    assert.deepEqual(host.current().vms, []);
  });

  it("an External switch the user adds with mobykit's name is never removed, by install or uninstall", async () => {
    const ext = { Name: 'DockerNAT', Id: '0f0f-user-external', SwitchType: 'External' as const, Notes: 'Bob: bridged to the NIC' };
    for (const adopt of [false, true]) {
      const host = edited(await installed(), (s) => {
        s.vmSwitches.push(ext);
      });
      const before = host.current();
      const r = await run('install', host, config(), { secrets, adopt });
      assert.equal(r.outcome, 'blocked');
      assert.ok(!r.plan.actions.some((a) => a.op === 'switch.remove'));
      assert.deepEqual(host.current(), before, 'a blocked install changed nothing');
    }
    const host = edited(await installed(), (s) => {
      s.vmSwitches.push(ext);
    });
    const u = await run('uninstall', host, config());
    assert.deepEqual(
      u.plan.actions
        .filter((a) => a.op === 'switch.remove')
        .map((a) => (a.params as { Id: string }).Id)
        .includes(ext.Id),
      false,
    );
    assert.deepEqual(host.current().vmSwitches, [ext]);
    assert.ok(u.notes.some((n) => n.includes('External switch DockerNAT (0f0f-user-external): not made by mobykit')));
  });

  it('what is left alone is listed in the plan, before any question, with no control character of a host value', async () => {
    const esc = 'sw\u001b]52;c;QQ==\u0007';
    const host = edited(await installed(), (s) => {
      s.vmSwitches.push({ Name: 'DockerNAT', Id: esc, SwitchType: 'External' });
    });
    const r = await run('uninstall', host, config(), { dryRun: true });
    const text = renderPlan(r.plan, 'DEV-PC') + renderOutcome(runDocument(r));
    assert.match(text, /Left alone \(not mobykit's\):\n.*External switch DockerNAT \(sw\\x1b\]52;c;QQ==\\x07\): not made by mobykit/);
    assert.ok(!/[\u0007]|\u001b\]/.test(text), 'no raw escape sequence from the host value');
  });

  it('a marker is an exact value: "NOT Managed by mobykit" and a rule in group "MobyKit" are not mobykit\'s', async () => {
    const start = example('fresh-win10-pro');
    start.vms.push(userVm({ Notes: `Production DB. NOT ${MARKER} - do not touch!`, State: 'Running' }));
    start.firewallRules.push({
      Name: 'DockerTcp',
      DisplayName: 'DockerTcp',
      Enabled: true,
      Direction: 'Inbound',
      Action: 'Allow',
      Profile: 'Any',
      EdgeTraversalPolicy: 'DeferToUser',
      Program: 'C:\\other\\tool.exe',
      Protocol: 'TCP',
      LocalPort: ['Any'],
      LocalAddress: ['Any'],
      RemoteAddress: ['Any'],
      Group: 'MobyKit',
    });
    const host = new SimulatedHost(start);
    const r = await run('install', host, config(), { secrets });
    assert.equal(r.outcome, 'blocked');
    assert.deepEqual(r.findings.map((f) => f.id).sort(), ['ownership.firewall', 'ownership.vm']);
    const u = await run('uninstall', host, config());
    assert.equal(u.outcome, 'nothing-to-do');
    assert.deepEqual(host.current(), start);
  });

  it('installed with custom names, a plain uninstall removes them all (switch and address included)', async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start);
    const flags = { 'switch-name': 'MobyNet', 'nat-name': 'MobyNat', 'vm-name': 'MobyVM', 'share-name': 'MobyC' };
    assert.equal((await run('install', host, config(flags), { secrets })).outcome, 'done');
    const u = await run('uninstall', host, config());
    assert.equal(u.outcome, 'done', JSON.stringify(u.findings));
    assert.ok(
      u.notes.some((n) => /uninstall looks where mobykit installed: switch\.name "MobyNet"/.test(n)),
      u.notes.join('\n'),
    );
    assert.deepEqual(host.current(), start);
    assert.equal((await run('uninstall', host, config())).outcome, 'nothing-to-do');
  });

  it("a failed, rolled-back install --adopt leaves the journal exactly as it was: the user's VM and NAT stay theirs", async () => {
    const start = example('broken');
    const host = new SimulatedHost(start, { failActions: ['vm.start'] });
    const r = await run('install', host, config(), { secrets, adopt: true });
    assert.equal(r.outcome, 'failed');
    assert.ok(r.plan.adoptions.length > 0, 'the plan lists what --adopt takes over');
    assert.equal(journalOf(host), undefined, 'the journal is back to its start (none)');
    const u = await run('uninstall', new SimulatedHost(host.current()), config());
    assert.ok(!u.plan.actions.some((a) => a.op === 'vm.remove' || a.op === 'nat.remove'), u.plan.actions.map((a) => a.id).join(', '));
  });

  it('rollback restores what a change overwrote: a disabled rule stays disabled', async () => {
    const s = example('converged');
    s.firewallRules.find((r) => r.Name === 'DockerTcp')!.Enabled = false;
    s.vms[0].State = 'Off';
    const host = new SimulatedHost(s, { failActions: ['vm.start'] });
    const r = await run('install', host, config(), { secrets });
    assert.equal(r.outcome, 'failed');
    assert.deepEqual(r.rollback!.notUndone, []);
    assert.equal(host.current().firewallRules.find((x) => x.Name === 'DockerTcp')!.Enabled, false);
    assert.deepEqual(host.current(), s);
  });

  it('rollback of an adopted VM: KVP is turned off again; the DVD and COM1 it cannot take out are listed, not reported undone', async () => {
    const start = example('fresh-win10-pro');
    start.vms.push(
      userVm({
        MemoryStartup: 2 ** 31,
        ProcessorCount: 2,
        State: 'Off',
        HardDrives: [{ Path: 'D:\\user.vhdx' }],
        IntegrationServices: [{ Name: 'Key-Value Pair Exchange', Id: 'Microsoft:1111-user\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F', Enabled: false, PrimaryStatusDescription: 'OK' }],
      }),
    );
    const host = new SimulatedHost(start, { failActions: ['kvp.add'] });
    const r = await run('install', host, config(), { secrets, adopt: true });
    assert.equal(r.outcome, 'failed', r.failed?.error.message);
    const notUndone = r.rollback!.notUndone.join('\n');
    assert.match(notUndone, /keeps the DVD drive with .*mobylinux\.iso/);
    assert.match(notUndone, /keeps COM1 on/);
    const vm = host.current().vms.find((v) => v.Id === '1111-user')!;
    assert.equal(vm.IntegrationServices[0].Enabled, false, 'Key-Value Pair Exchange is off again');
    assert.equal(vm.State, 'Off');
    assert.equal(journalOf(host), undefined);
  });

  it('--adopt lists what it takes over in the plan; a disk another VM uses is never offered', async () => {
    const s = example('fresh-win10-pro');
    s.files.vhdx.Exists = true;
    s.vms.push(userVm({ Name: 'OtherVM', HardDrives: [{ Path: VHDX }] }));
    const host = new SimulatedHost(s);
    const r = await run('install', host, config(), { secrets, adopt: true });
    assert.equal(r.outcome, 'blocked');
    assert.match(r.findings[0].title, /belongs to another VM/);
    assert.deepEqual(host.current(), s);

    const nat = example('fresh-win10-pro');
    nat.netNats.push({ Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.0.0/16', Active: true });
    const adopted = await run('install', new SimulatedHost(nat), config(), { secrets, adopt: true, dryRun: true });
    assert.match(adopted.plan.actions.find((a) => a.op === 'nat.remove')!.description, /adopted: it is not mobykit's/);
  });

  it('journal entries whose resource is gone are dropped, and the output says so', async () => {
    const host = edited(await installed(), (s) => {
      s.netNats = [];
    });
    const r = await run('install', host, config(), { secrets });
    assert.ok(
      r.notes.some((n) => /journal: NAT DockerNAT \(10\.0\.75\.0\/24\) is gone .*forgotten/.test(n)),
      r.notes.join('\n'),
    );
    assert.equal(r.outcome, 'done');
    const doc = journalOf(host)!;
    assert.equal(doc.entries.filter((e) => e.kind === 'nat').length, 1, 'the new NAT is recorded once');
  });

  it('when a query of the snapshot failed, nothing is forgotten: an entry not seen stays recorded, and the output says so', async () => {
    const host = edited(await installed(), (s) => {
      s.netNats = [];
      s.errors.push({ Source: 'Get-NetNat', Message: 'Access is denied.' });
    });
    const r = await run('uninstall', host, config());
    assert.ok(
      r.notes.some((n) => /NAT DockerNAT .* could not be checked \(a query of the snapshot failed: Get-NetNat\); it stays recorded/.test(n)),
      r.notes.join('\n'),
    );
    assert.ok(journalOf(host)!.entries.some((e) => e.kind === 'nat'));
    // A failed query that does not show NATs hides nothing: the gone NAT is forgotten.
    const other = edited(await installed(), (s) => {
      s.netNats = [];
      s.errors.push({ Source: 'Get-Process', Message: 'Access is denied.' });
    });
    const again = await run('install', other, config(), { secrets, dryRun: true });
    assert.ok(
      again.notes.some((n) => /NAT DockerNAT .* is gone .*forgotten/.test(n)),
      again.notes.join('\n'),
    );
  });

  it('a journal that cannot be written stops the run before the next cmdlet and rolls back; nothing is orphaned', async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start);
    const save = host.saveJournal.bind(host);
    let saves = 0;
    host.saveJournal = async (doc) => {
      if (++saves === 4) throw new Error('disk full');
      return save(doc);
    };
    const r = await run('install', host, config(), { secrets });
    assert.equal(r.outcome, 'failed');
    assert.match(r.failed!.error.message, /disk full/);
    assert.deepEqual(host.current(), start);
  });
});

/** A host whose process "dies" right after the cmdlet of action `at` ran: the run never confirms it. */
class KilledAfter extends Error {
  constructor(m: string) {
    super(m);
  }
}
function dyingHost(inner: SimulatedHost, at: number): Host {
  let n = 0;
  return {
    kind: 'simulated',
    gather: () => inner.gather(),
    loadJournal: () => inner.loadJournal(),
    saveJournal: (d) => inner.saveJournal(d),
    dispose: () => inner.dispose(),
    async apply(action: Action, sec) {
      await inner.apply(action, sec);
      if (++n === at) throw new KilledAfter(`killed after ${action.id}`);
    },
  };
}

describe('a kill at any instant (issue 9)', () => {
  for (let at = 1; at <= 11; at++) {
    it(`killed right after action ${at}'s cmdlet, before it is confirmed: the next uninstall removes everything mobykit made`, async () => {
      const start = example('fresh-win10-pro');
      const inner = new SimulatedHost(start);
      // A kill skips the rollback: the run is gone. Here the run's own rollback is switched off to model that.
      const r = await run('install', dyingHost(inner, at), config(), { secrets, rollback: false });
      assert.ok(r.failed?.error instanceof KilledAfter);
      const u = await run('uninstall', inner, config());
      assert.equal(u.outcome, 'done', JSON.stringify({ notes: u.notes, findings: u.findings }));
      if (r.failed!.action.claims?.length)
        assert.ok(
          u.notes.some((n) => /made by an interrupted or earlier run/.test(n)),
          'the pending entry was settled by looking',
        );
      assert.deepEqual(inner.current(), start);
    });
  }
});
