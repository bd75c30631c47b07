// Plan and doctor compare Windows paths one way (src/windows/paths.ts).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { samePath } from '../../src/windows/paths.js';
import { FRESH, runPiped } from '../cli/run-cli.js';

describe('windows: paths as Windows compares them', () => {
  it('a trailing separator, either slash and case do not make another path; another folder does', () => {
    assert.ok(samePath('C:\\Users\\', 'c:/users'));
    assert.ok(samePath('%ProgramFiles%\\Docker\\x.exe', 'C:\\Program Files\\Docker\\x.exe'));
    assert.ok(!samePath('C:\\Users', 'C:\\Users2'));
    assert.ok(!samePath('C:\\Users', ''));
  });

  it('a share path configured with a trailing backslash: install plans nothing more and doctor finds it healthy', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-paths-'));
    const host = path.join(dir, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(dir, 'state') };
    assert.equal(runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--share-path', 'C:\\Users', '--yes'], { env }).code, 0);
    const plan = runPiped(['plan', '--simulate', host, '--share-path', 'C:\\Users\\', '--json'], { env });
    assert.equal(plan.code, 0, plan.output);
    assert.deepEqual((JSON.parse(plan.stdout) as { plan: unknown[] }).plan, []);
    const doctor = runPiped(['doctor', '--simulate', host, '--share-path', 'C:\\Users\\', '--json'], { env });
    const findings = (JSON.parse(doctor.stdout) as { findings: { id: string; severity: string }[] }).findings;
    assert.deepEqual(
      findings.filter((f) => f.id.startsWith('share.') && f.severity !== 'ok'),
      [],
    );
  });
});
