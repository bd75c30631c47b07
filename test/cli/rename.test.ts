// Renaming mobykit's switch in the configuration replaces it instead of blocking on its own address.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRESH, runPiped } from './run-cli.js';

describe('renames', function () {
  this.timeout(60_000);

  it('--switch-name on an installed host replaces mobykit\'s switch; uninstall then gives back the fresh host', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-rename-'));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env }).code, 0);
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--switch-name', 'MobyNet', '--yes', '--json'], { env });
    assert.equal(r.code, 0, r.output);
    const out = JSON.parse(r.stdout) as { outcome: string; plan: { op: string; description: string }[] };
    assert.equal(out.outcome, 'done');
    assert.deepEqual(out.plan.map((a) => a.op), ['switch.remove', 'switch.create', 'vnic.set-address', 'vm.configure']);
    assert.match(out.plan[0].description, /Remove switch DockerNAT .*which mobykit made: the configuration now names it MobyNet/);
    const after = JSON.parse(readFileSync(host, 'utf8')) as { vmSwitches: { Name: string }[]; vms: { NetworkAdapters: { SwitchName: string }[] }[] };
    assert.deepEqual(after.vmSwitches.map((s) => s.Name), ['MobyNet']);
    assert.equal(after.vms[0].NetworkAdapters[0].SwitchName, 'MobyNet');
    assert.equal(runPiped(['uninstall', '--simulate', host, '--simulate-out', host, '--switch-name', 'MobyNet', '--yes'], { env }).code, 0);
    const gone = JSON.parse(readFileSync(host, 'utf8')) as Record<string, unknown>;
    const fresh = JSON.parse(readFileSync(FRESH, 'utf8')) as Record<string, unknown>;
    for (const key of ['vmSwitches', 'netIPAddresses', 'vms', 'netNats']) assert.deepEqual(gone[key], fresh[key], key);
  });

  it('--nat-name on an installed host replaces mobykit\'s NAT; uninstall with the new name leaves none', () => {
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

  it('a switch that is not mobykit\'s still blocks: its address is not taken', () => {
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
});
