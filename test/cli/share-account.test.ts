// --share-account local at the command line: a bad value changes nothing and says what is valid;
// a rehearsal asks no password and converges; doctor on the result is not misled about its scope.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FRESH, runPiped } from './run-cli.js';

describe('mobykit --share-account (CLI)', () => {
  it('refuses a bad value with exit 2, naming it and what is valid', () => {
    const r = runPiped(['plan', '--simulate', FRESH, '--share-account', 'admin']);
    assert.equal(r.code, 2);
    assert.match(r.output, /--share-account "admin" must be one of user, local/);
  });

  it('rehearses an install that asks no password, then a second one does nothing and doctor finds the account', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mobykit-share-account-'));
    const out = path.join(dir, 'after.json');
    const first = runPiped(['install', '--simulate', FRESH, '--simulate-out', out, '--yes', '--share-account', 'local'], { input: '' });
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /Create local account mobykit-share/);
    assert.doesNotMatch(first.output, /snapshot\.scope/);
    const again = runPiped(['install', '--simulate', out, '--yes', '--share-account', 'local']);
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /Nothing to do/);
    const doctor = runPiped(['doctor', '--simulate', out, '--share-account', 'local', '--json']);
    const report = JSON.parse(doctor.stdout) as { findings: { id: string }[]; passed: { id: string }[] };
    assert.ok(!report.findings.some((f) => f.id === 'share.local-account' || f.id === 'snapshot.scope'), doctor.stdout);
    assert.ok(report.passed.some((c) => c.id === 'share.local-account'));
  });

  it('mobykit password refuses with --share-account local: nobody knows that password', () => {
    const r = runPiped(['password', '--simulate', FRESH, '--share-account', 'local']);
    assert.equal(r.code, 2);
    assert.match(r.output, /does not apply with --share-account local/);
  });
});
