import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseInventoryJson, parseInventoryText, parseTarget, readTargets } from '../../src/fleet/targets.js';
import { pool } from '../../src/fleet/cli.js';

describe('fleet targets', () => {
  it('reads names, addresses and ports; an IPv6 address in brackets', () => {
    assert.deepEqual(parseTarget('DEV-01', 'x'), { computerName: 'DEV-01', address: 'DEV-01', settings: {} });
    assert.deepEqual(parseTarget('10.0.0.5:5986', 'x'), { computerName: '10.0.0.5:5986', address: '10.0.0.5', port: 5986, settings: {} });
    assert.deepEqual(parseTarget('[fe80::1]:22', 'x'), { computerName: '[fe80::1]:22', address: 'fe80::1', port: 22, settings: {} });
  });

  it('refuses a value that is no host, naming it and where it came from', () => {
    for (const bad of ["DEV'01", 'a b', '-rf', 'x:0', 'x:70000', 'DEV-01;calc', '']) {
      assert.throws(
        () => parseTarget(bad, 'hosts.txt line 3'),
        (e: Error) => e.name === 'UsageError' && e.message.startsWith(`hosts.txt line 3: ${JSON.stringify(bad)} is not a host`),
        bad,
      );
    }
  });

  it('a text inventory: one host a line, # comments, blank lines', () => {
    const t = parseInventoryText('\uFEFF# lab\nDEV-01\n\n  DEV-02  # the slow one\r\n', 'hosts.txt');
    assert.deepEqual(
      t.map((x) => x.computerName),
      ['DEV-01', 'DEV-02'],
    );
    assert.throws(() => parseInventoryText('DEV-01\nbad host\n', 'hosts.txt'), /hosts\.txt line 2: "bad host"/);
  });

  it('a JSON inventory carries per-host settings as strings', () => {
    const t = parseInventoryJson({ hosts: ['A', { computerName: 'B', settings: { 'vm-name': 'LabVM', 'tcp-ports': 2376 } }] }, 'inv.json');
    assert.deepEqual(t[1].settings, { 'vm-name': 'LabVM', 'tcp-ports': '2376' });
    assert.throws(() => parseInventoryJson({ hosts: [{ computerName: 'B', settings: { 'vm-name': ['x'] } }] }, 'inv.json'), /inv\.json hosts\[0\]\.settings\.vm-name/);
    assert.throws(() => parseInventoryJson({ machines: [] }, 'inv.json'), /an array of hosts/);
  });

  it('--computer-name and --inventory together, each host once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mobykit-inv-'));
    writeFileSync(path.join(dir, 'hosts.txt'), 'dev-02\nDEV-03\n');
    const t = readTargets({ 'computer-name': ['DEV-01,DEV-02'], inventory: path.join(dir, 'hosts.txt') });
    assert.deepEqual(
      t.map((x) => x.computerName),
      ['DEV-01', 'DEV-02', 'DEV-03'],
    );
    assert.throws(() => readTargets({ inventory: path.join(dir, 'missing.txt') }), /--inventory .*missing\.txt: cannot read it \(ENOENT\)/);
  });

  it('the pool keeps at most N at work and the results in order', async () => {
    let running = 0;
    let most = 0;
    const out = await pool([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, n * 5));
      running--;
      return n * 10;
    });
    assert.deepEqual(out, [50, 10, 40, 20, 30]);
    assert.equal(most, 2);
  });
});
