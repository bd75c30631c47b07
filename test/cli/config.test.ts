// init writes a commented configuration from the settings table; config show tells each value's source.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SETTINGS } from '../../src/config/schema.js';
import { loadConfig } from '../../src/config/config.js';
import { runPiped } from './run-cli.js';

interface Shown {
  file: string | null;
  settings: { key: string; value: unknown; source: string; from: string | null }[];
}

describe('mobykit init and config show', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-init-'));
  const file = path.join(dir, 'mobykit.config.json');

  it('init writes every setting with its description, default and variable', () => {
    const r = runPiped(['init', '--output', file]);
    assert.equal(r.code, 0, r.output);
    const text = readFileSync(file, 'utf8');
    const doc = JSON.parse(text) as Record<string, Record<string, unknown>>;
    for (const s of SETTINGS) {
      const [section, name] = s.key.split('.');
      assert.ok(section in doc, s.key);
      assert.deepEqual(doc[section][name], s.default, s.key);
      const comment = String(doc[section][`// ${name}`]);
      assert.ok(comment.includes(s.description), `${s.key} description`);
      assert.ok(comment.includes(s.env), `${s.key} env`);
      assert.ok(comment.includes(`--${s.flag}`), `${s.key} flag`);
    }
  });

  it('the written file loads (comments skipped) and gives the defaults', () => {
    const loaded = loadConfig({ configFile: file });
    assert.deepEqual(loaded.config, loadConfig().config);
  });

  it('init refuses to overwrite without --force (exit 2), and overwrites with it', () => {
    writeFileSync(file, '{"vm": {"name": "Mine"}}\n');
    const r = runPiped(['init', '--output', file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /already exists.*--force/);
    assert.equal(readFileSync(file, 'utf8'), '{"vm": {"name": "Mine"}}\n');
    const f = runPiped(['init', '--output', file, '--force']);
    assert.equal(f.code, 0, f.output);
    assert.ok(readFileSync(file, 'utf8').includes('"// name"'));
  });

  it('init --output - prints the file', () => {
    const r = runPiped(['init', '--output', '-']);
    assert.equal(r.code, 0);
    assert.ok(JSON.parse(r.stdout));
  });

  it('config show --json: flag, env, file and default sources', () => {
    const custom = path.join(dir, 'custom.json');
    writeFileSync(custom, JSON.stringify({ '//': 'a comment', vm: { name: 'FileVM', memoryStartupMB: 4096 }, nat: { name: 'FileNat' } }));
    const r = runPiped(['config', 'show', '--json', '--config', custom, '--nat-name', 'FlagNat'], { env: { MOBYKIT_VM_NAME: 'EnvVM' } });
    assert.equal(r.code, 0, r.output);
    const shown = JSON.parse(r.stdout) as Shown;
    const get = (k: string) => shown.settings.find((s) => s.key === k)!;
    assert.equal(shown.file, custom);
    assert.deepEqual([get('nat.name').value, get('nat.name').source, get('nat.name').from], ['FlagNat', 'flag', '--nat-name']);
    assert.deepEqual([get('vm.name').value, get('vm.name').source, get('vm.name').from], ['EnvVM', 'env', 'MOBYKIT_VM_NAME']);
    assert.deepEqual([get('vm.memoryStartupMB').value, get('vm.memoryStartupMB').source, get('vm.memoryStartupMB').from], [4096, 'file', custom]);
    assert.deepEqual([get('switch.name').value, get('switch.name').source, get('switch.name').from], ['DockerNAT', 'default', null]);
    assert.equal(shown.settings.length, SETTINGS.length);
  });

  it('config show for people: one line per setting with its source', () => {
    const r = runPiped(['config', 'show', '--subnet', '10.0.80.0/24', '--host-address', '10.0.80.1', '--vm-address', '10.0.80.2'], { env: { MOBYKIT_VM_NAME: 'EnvVM' } });
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /^network\.subnet\s+10\.0\.80\.0\/24\s+flag --subnet$/m);
    assert.match(r.stdout, /^vm\.name\s+EnvVM\s+env MOBYKIT_VM_NAME$/m);
    assert.match(r.stdout, /^switch\.name\s+DockerNAT\s+default$/m);
  });

  it('config show with a bad value -> 2', () => {
    const r = runPiped(['config', 'show', '--vm-generation', '3']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--vm-generation 3 must be a whole number from 1 to 2/);
  });
});
