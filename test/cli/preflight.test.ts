// What mobykit does not make is checked before any plan that needs it, with where it comes from.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRESH, runPiped } from './run-cli.js';

function withoutIso(file: string, out: string): void {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { files: { bootIso: { Exists: boolean } } };
  doc.files.bootIso.Exists = false;
  writeFileSync(out, JSON.stringify(doc));
}

describe('preflight', function () {
  this.timeout(60_000);

  it('a missing boot ISO stops install before any change and says it comes with Docker for Windows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-iso-'));
    const host = path.join(dir, 'noiso.json');
    withoutIso(FRESH, host);
    const before = readFileSync(host, 'utf8');
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--yes'], { env: { MOBYKIT_STATE_DIR: path.join(dir, 'state') } });
    assert.equal(r.code, 1, r.output);
    assert.match(r.stdout, /The boot ISO C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux\.iso is not there \[preflight\.boot-iso\]/);
    assert.match(r.stdout, /it comes with Docker for Windows/);
    assert.match(r.stdout, /--iso <path to the \.iso>/);
    assert.deepEqual(JSON.parse(readFileSync(host, 'utf8')), JSON.parse(before));
  });

  it('a running VM whose ISO went away needs nothing from it: no blocker when nothing is planned for the VM', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-iso2-'));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env }).code, 0);
    withoutIso(host, host);
    const r = runPiped(['plan', '--simulate', host, '--detailed-exitcode'], { env });
    assert.equal(r.code, 0, r.output);
  });

  it('ships an MIT LICENSE, as package.json says', () => {
    assert.equal(JSON.parse(readFileSync('package.json', 'utf8')).license, 'MIT');
    assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License/);
  });
});
