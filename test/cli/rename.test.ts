// Renaming mobykit's switch in the configuration replaces it instead of blocking on its own address.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRESH, runPiped } from './run-cli.js';

describe('renames', function () {
  this.timeout(60_000);

  it("--switch-name on an installed host replaces mobykit's switch; uninstall then gives back the fresh host", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-rename-'));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env }).code, 0);
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--switch-name', 'MobyNet', '--yes', '--json'], { env });
    assert.equal(r.code, 0, r.output);
    const out = JSON.parse(r.stdout) as { outcome: string; plan: { op: string; description: string }[] };
    assert.equal(out.outcome, 'done');
    assert.deepEqual(
      out.plan.map((a) => a.op),
      ['switch.remove', 'switch.create', 'vnic.set-address', 'vm.configure'],
    );
    assert.match(out.plan[0].description, /Remove switch DockerNAT .*which mobykit made: the configuration now names it MobyNet/);
    const after = JSON.parse(readFileSync(host, 'utf8')) as { vmSwitches: { Name: string }[]; vms: { NetworkAdapters: { SwitchName: string }[] }[] };
    assert.deepEqual(
      after.vmSwitches.map((s) => s.Name),
      ['MobyNet'],
    );
    assert.equal(after.vms[0].NetworkAdapters[0].SwitchName, 'MobyNet');
    assert.equal(runPiped(['uninstall', '--simulate', host, '--simulate-out', host, '--switch-name', 'MobyNet', '--yes'], { env }).code, 0);
    const gone = JSON.parse(readFileSync(host, 'utf8')) as Record<string, unknown>;
    const fresh = JSON.parse(readFileSync(FRESH, 'utf8')) as Record<string, unknown>;
    for (const key of ['vmSwitches', 'netIPAddresses', 'vms', 'netNats']) assert.deepEqual(gone[key], fresh[key], key);
  });

  it("--nat-name on an installed host replaces mobykit's NAT; uninstall with the new name leaves none", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-rename-nat-'));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env }).code, 0);
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--nat-name', 'NewNat', '--yes', '--json'], { env });
    assert.equal(r.code, 0, r.output);
    assert.deepEqual((JSON.parse(r.stdout) as { applied: string[] }).applied, ['nat.remove:DockerNAT', 'nat.create']);
    assert.equal(runPiped(['uninstall', '--simulate', host, '--simulate-out', host, '--nat-name', 'NewNat', '--yes'], { env }).code, 0);
    assert.deepEqual((JSON.parse(readFileSync(host, 'utf8')) as { netNats: unknown[] }).netNats, []);
  });

  it("a switch that is not mobykit's still blocks: its address is not taken", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-rename2-'));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env }).code, 0);
    // The same host, but nothing says the switch is mobykit's: no marker, no journal.
    const doc = JSON.parse(readFileSync(host, 'utf8')) as { vmSwitches: { Notes?: string }[]; mobykit?: unknown };
    doc.vmSwitches[0].Notes = '';
    delete doc.mobykit;
    writeFileSync(host, JSON.stringify(doc));
    const r = runPiped(['plan', '--simulate', host, '--switch-name', 'MobyNet'], { env });
    assert.equal(r.code, 1, r.output);
    assert.match(r.stdout, /The host address 10\.0\.75\.1 is taken by vEthernet \(DockerNAT\) \[vnic\.address-conflict\]/);
    assert.doesNotMatch(r.stdout, /Remove switch DockerNAT/);
  });

  // An installed host (the fresh example after install), in a folder of its own.
  function installed(tag: string): { host: string; env: Record<string, string> } {
    const dir = mkdtempSync(path.join(tmpdir(), `mobykit-rename-${tag}-`));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env }).code, 0);
    return { host, env };
  }
  type Host = {
    vms: { Name: string; Id: string; HardDrives: { Path: string }[]; KvpHostExchangeItems: { Name: string; Data: string }[] }[];
    smbShares: { Name: string; Path: string; Description?: string }[];
    firewallRules: { Name: string; Group?: string }[];
    credentials: { TargetName: string; Comment?: string }[];
    files: { vhdx: { Path: string; Exists: boolean } };
    mobykit?: { journal: { entries: { kind: string; id: Record<string, string> }[] } };
  };
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Host;
  const RENAMES = [
    '--vm-name',
    'NewVM',
    '--share-name',
    'D',
    '--kvp-item',
    'newmount',
    '--credential-target',
    'NewCred',
    '--firewall-tcp-rule',
    'NewTcp',
    '--firewall-udp-rule',
    'NewUdp',
    '--firewall-smb-rule',
    'NewSmb',
  ];

  it("renaming the VM, share, KVP item, credential and rules on an installed host replaces mobykit's own: the VM keeps its Id and disk; uninstall gives back the fresh host", () => {
    const { host, env } = installed('all');
    const before = read(host);
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, ...RENAMES, '--yes', '--json'], { env });
    assert.equal(r.code, 0, r.output);
    const out = JSON.parse(r.stdout) as { outcome: string; applied: string[] };
    assert.equal(out.outcome, 'done');
    assert.deepEqual([...out.applied].sort(), [
      'credential.remove:Docker Host Filesystem Access',
      'credential.write',
      'firewall.create:NewSmb',
      'firewall.create:NewTcp',
      'firewall.create:NewUdp',
      'firewall.remove:DockerSmbMount',
      'firewall.remove:DockerTcp',
      'firewall.remove:DockerUdp',
      'kvp.add',
      'kvp.remove:cifsmount',
      'share.create',
      'share.remove:C',
      'vm.rename',
    ]);
    const after = read(host);
    // Rename-VM, not remove and create: same Id, same disk (every image and container), nothing deleted.
    assert.deepEqual(
      after.vms.map((v) => [v.Name, v.Id, v.HardDrives]),
      [['NewVM', before.vms[0].Id, before.vms[0].HardDrives]],
    );
    assert.equal(after.files.vhdx.Exists, true);
    assert.deepEqual(
      after.vms[0].KvpHostExchangeItems.map((i) => [i.Name, i.Data]),
      [['newmount', '/c;/D;username=alice,password=***,noperm']],
    );
    assert.deepEqual(
      after.smbShares.map((s) => s.Name),
      ['D'],
    );
    assert.deepEqual(
      after.credentials.map((c) => c.TargetName),
      ['NewCred'],
    );
    assert.deepEqual(
      after.firewallRules
        .filter((f) => f.Group === 'mobykit')
        .map((f) => f.Name)
        .sort(),
      ['NewSmb', 'NewTcp', 'NewUdp'],
    );
    // The journal follows: the VM by its Id under its new name, its disk, and only the new names.
    const journal = after.mobykit!.journal.entries;
    assert.deepEqual(journal.find((e) => e.kind === 'vm')!.id, { Name: 'NewVM', Id: before.vms[0].Id });
    assert.equal(journal.find((e) => e.kind === 'disk')!.id.VMId, before.vms[0].Id);
    assert.deepEqual(
      journal.filter((e) => e.kind === 'share').map((e) => e.id.Name),
      ['D'],
    );
    assert.deepEqual(
      journal.filter((e) => e.kind === 'kvp').map((e) => e.id.ItemName),
      ['newmount'],
    );
    // A second run plans nothing; uninstall (with no names given: the journal's) removes it all, disk included.
    const again = runPiped(['plan', '--simulate', host, ...RENAMES, '--detailed-exitcode'], { env });
    assert.equal(again.code, 0, again.output);
    assert.equal(runPiped(['uninstall', '--simulate', host, '--simulate-out', host, '--yes'], { env }).code, 0);
    const gone = read(host) as unknown as Record<string, unknown>;
    const fresh = JSON.parse(readFileSync(FRESH, 'utf8')) as Record<string, unknown>;
    for (const key of ['vms', 'smbShares', 'credentials', 'firewallRules', 'vmSwitches', 'netNats', 'files']) assert.deepEqual(gone[key], fresh[key], key);
  });

  it('a failed rename is rolled back: the VM, share, token, credential and rules are as they were, and so is the journal', () => {
    const { host, env } = installed('rollback');
    const before = read(host);
    const out = path.join(path.dirname(host), 'after.json');
    const r = runPiped(['install', '--simulate', host, '--simulate-out', out, ...RENAMES, '--simulate-fail', 'kvp.remove:cifsmount', '--yes', '--json'], { env });
    assert.equal(r.code, 1, r.output);
    const res = JSON.parse(r.stdout) as { outcome: string; rollback: { undone: string[]; notUndone: string[] } };
    assert.equal(res.outcome, 'failed');
    assert.ok(res.rollback.undone.includes('vm.rename:MobyLinuxVM'), JSON.stringify(res.rollback));
    const after = read(out);
    for (const key of ['vms', 'smbShares', 'credentials', 'files'] as const) assert.deepEqual(after[key], before[key], key);
    const byName = (rules: Host['firewallRules']) => [...rules].sort((a, b) => a.Name.localeCompare(b.Name)); // recreated rules come back in another order
    assert.deepEqual(byName(after.firewallRules), byName(before.firewallRules));
    assert.deepEqual(after.mobykit, before.mobykit);
  });

  it('a credential removed by a rename is written back when a later action fails', () => {
    const { host, env } = installed('rollback2');
    const before = read(host);
    const out = path.join(path.dirname(host), 'after.json');
    const r = runPiped(
      [
        'install',
        '--simulate',
        host,
        '--simulate-out',
        out,
        '--credential-target',
        'NewCred',
        '--kvp-item',
        'newmount',
        '--share-name',
        'D',
        '--simulate-fail',
        'kvp.remove:cifsmount',
        '--yes',
        '--json',
      ],
      { env },
    );
    assert.equal(r.code, 1, r.output);
    const res = JSON.parse(r.stdout) as { rollback: { undone: string[]; notUndone: string[] } };
    assert.deepEqual(res.rollback.undone, [
      'kvp.remove:newmount',
      'credential.write:Docker Host Filesystem Access',
      'credential.remove:NewCred',
      'share.create:C',
      'share.remove:D',
    ]);
    assert.ok(
      res.rollback.notUndone.some((n) => /"Docker Host Filesystem Access" holds the password given to this run/.test(n)),
      res.rollback.notUndone.join('\n'),
    );
    const after = read(out);
    for (const key of ['vms', 'smbShares', 'credentials'] as const) assert.deepEqual(after[key], before[key], key);
    assert.deepEqual(after.mobykit, before.mobykit);
  });

  it("the user's own VM, share, rule, credential or KVP item under the new name blocks the rename; nothing of theirs or mobykit's is touched", () => {
    const { host, env } = installed('hostile');
    const doc = read(host) as Host & { vms: Record<string, unknown>[] };
    const theirVm = { ...structuredClone(doc.vms[0]), Name: 'NewVM', Id: '11111111-2222-3333-4444-555555555555', Notes: '', HardDrives: [{ Path: 'D:\\theirs.vhdx' }] };
    const theirs: Host = {
      ...doc,
      vms: [...doc.vms, theirVm] as Host['vms'],
      smbShares: [...doc.smbShares, { ...doc.smbShares[0], Name: 'D', Description: 'my share' }],
      firewallRules: [...doc.firewallRules, { ...doc.firewallRules.find((f) => f.Name === 'DockerTcp')!, Name: 'NewTcp', Group: '' }],
      credentials: [...doc.credentials, { ...doc.credentials[0], TargetName: 'NewCred', Comment: '' }],
    };
    theirs.vms[0].KvpHostExchangeItems.push({ Name: 'newmount', Data: 'mine', Source: 0 } as never);
    writeFileSync(host, JSON.stringify(theirs));
    const cases: [string[], RegExp][] = [
      [['--vm-name', 'NewVM'], /VM NewVM exists and was not made by mobykit/],
      [['--share-name', 'D'], /Share D \(C:\\\) exists and was not made by mobykit/],
      [['--firewall-tcp-rule', 'NewTcp'], /Firewall rule NewTcp .* exists and was not made by mobykit/],
      [['--credential-target', 'NewCred'], /Credential "NewCred" exists and was not made by mobykit/],
      [['--kvp-item', 'newmount'], /KVP item newmount on VM MobyLinuxVM exists and was not made by mobykit/],
    ];
    for (const [flags, blocked] of cases) {
      const r = runPiped(['install', '--simulate', host, '--simulate-out', path.join(path.dirname(host), 'x.json'), ...flags, '--yes'], { env });
      assert.equal(r.code, 1, `${flags.join(' ')}: ${r.output}`);
      assert.match(r.output, blocked, flags.join(' '));
      assert.match(r.output, /Stopped before changing anything/, flags.join(' '));
    }
    // Even --adopt never gives mobykit's VM the name of the user's.
    const adopt = runPiped(['plan', '--simulate', host, '--vm-name', 'NewVM', '--adopt'], { env });
    assert.equal(adopt.code, 1, adopt.output);
    assert.doesNotMatch(adopt.output, /Rename VM/);
  });

  it("a VM with mobykit's old name but another Id (not in the journal) is not renamed: a new VM is planned", () => {
    const { host, env } = installed('notmine');
    const doc = read(host) as Host & { vms: { Id: string }[] };
    doc.vms[0].Id = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'; // same name and marker, another VM: not mobykit's by identity
    writeFileSync(host, JSON.stringify(doc));
    const r = runPiped(['plan', '--simulate', host, '--vm-name', 'NewVM', '--vhdx', 'D:\\vms\\NewVM.vhdx', '--json'], { env });
    const plan = (JSON.parse(r.stdout) as { plan: { op: string }[] }).plan.map((a) => a.op);
    assert.ok(!plan.includes('vm.rename') && plan.includes('vm.create'), plan.join(', '));
  });
});
