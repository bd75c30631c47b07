// Get-MobyKitHostSnapshot must emit every property of the host snapshot spec: each key of the
// spec's example document is assigned somewhere in the snapshot function or its helpers.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SPEC = '../shared/spec/host-snapshot.md';

describe('Get-MobyKitHostSnapshot and the snapshot spec', () => {
  it('assigns every property the spec names', function () {
    if (!existsSync(SPEC)) this.skip();
    const spec = readFileSync(SPEC, 'utf8');
    const example = spec.slice(spec.indexOf('```jsonc'), spec.indexOf('```', spec.indexOf('```jsonc') + 8));
    const keys = [...new Set([...example.matchAll(/"([A-Za-z][A-Za-z0-9_]*)\??"\s*:/g)].map((m) => m[1]))];
    assert.ok(keys.length > 80, `read ${keys.length} keys from the spec`);
    const sources = ['ps1/Public/Get-MobyKitHostSnapshot.ps1', ...readdirSync('ps1/Private').map((f) => path.join('ps1/Private', f))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // `environment` is a map of whatever DOCKER_* variables are set, not fixed names.
    assert.match(sources, /-like 'DOCKER_\*'/);
    const missing = keys.filter((k) => k !== 'DOCKER_HOST').filter((k) => !new RegExp(`(^|[\\s{;(.])${k}\\s*=|['"]${k}['"]`, 'm').test(sources));
    assert.deepEqual(missing, []);
  });
});
