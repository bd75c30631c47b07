// What mobykit does not make is checked before any plan that needs it, with where it comes from.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('doctor says a missing boot ISO and where it comes from before any VM exists', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-iso3-'));
    const host = path.join(dir, 'noiso.json');
    withoutIso(FRESH, host);
    const r = runPiped(['doctor', '--from', host]);
    assert.equal(r.code, 1, r.output);
    assert.match(r.stdout, /error The boot ISO C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux\.iso is not there \[files\.boot-iso\]/);
    assert.match(r.stdout, /comes with Docker for Windows/);
  });

  it('a missing proxy program is said before any change (rehearsal included), with where it comes from; a snapshot that did not look says not checked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-proxy-'));
    const host = path.join(dir, 'noproxy.json');
    const doc = JSON.parse(readFileSync(FRESH, 'utf8')) as { files: { proxyProgram?: { Exists: boolean } } };
    doc.files.proxyProgram!.Exists = false;
    writeFileSync(host, JSON.stringify(doc));
    const plan = runPiped(['plan', '--simulate', host]);
    assert.equal(plan.code, 0, plan.output);
    assert.match(plan.stderr, /Warning: C:\\Program Files\\Docker\\Docker\\Resources\\com\.docker\.proxy\.exe is not there\. .*comes with Docker for Windows .*--proxy-program/);
    // A proxy of one's own that is there: nothing to say.
    const mine = runPiped(['plan', '--simulate', host, '--proxy-program', 'D:\\tools\\proxy.exe']);
    assert.doesNotMatch(mine.stderr, /is not there/);
    const install = runPiped(['install', '--simulate', host, '--simulate-out', path.join(dir, 'after.json'), '--yes'], { env: { MOBYKIT_STATE_DIR: path.join(dir, 'state') } });
    assert.equal(install.code, 0, install.output);
    assert.ok(install.stderr.indexOf('com.docker.proxy.exe is not there') < install.stdout.length + install.stderr.indexOf('Reading the host again'), install.stderr);
    const doctor = runPiped(['doctor', '--from', host]);
    assert.match(doctor.stdout, /warning The proxy program C:\\Program Files\\Docker\\Docker\\Resources\\com\.docker\.proxy\.exe is not there \[files\.proxy-program\]/);
    delete doc.files.proxyProgram;
    writeFileSync(host, JSON.stringify(doc));
    assert.match(runPiped(['doctor', '--from', host]).stdout, /not checked files\.proxy-program: the snapshot does not say whether/);
  });

  it('off Windows, the rehearsal suggested fits the command and names the shipped example by its full path, which works from any folder', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'mobykit-elsewhere-'));
    const r = runPiped(['doctor'], { cwd: elsewhere });
    assert.equal(r.code, 2, r.output);
    const m = /To rehearse here: mobykit doctor --simulate '([^']+)'/.exec(r.stderr);
    assert.ok(m, r.stderr);
    assert.ok(path.isAbsolute(m[1]) && existsSync(m[1]), m[1]);
    assert.equal(runPiped(['doctor', '--simulate', m[1]], { cwd: elsewhere }).code, 1, 'the suggested rehearsal runs from there');
  });

  it('ships an MIT LICENSE, as package.json says', () => {
    assert.equal(JSON.parse(readFileSync('package.json', 'utf8')).license, 'MIT');
    assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License/);
  });
});
