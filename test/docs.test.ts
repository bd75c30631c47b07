// The README is the user guide: every setting and every doctor check must be in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SETTINGS } from '../src/config/schema.js';
import { CHECKS } from '../src/doctor/catalog.js';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('documents every setting with its flag and environment variable', () => {
    for (const s of SETTINGS) {
      assert.ok(readme.includes(`\`--${s.flag}\``) && readme.includes(`\`${s.env}\``) && readme.includes(`\`${s.key}\``), s.key);
    }
  });
  it('lists every doctor check', () => {
    for (const c of CHECKS) assert.ok(readme.includes(`| \`${c.id}\` |`), c.id);
  });

  it('its check catalog matches `doctor --list`: the same ids in the same order, severity, needs, install and a fix each', () => {
    const start = readme.indexOf('| Check | Severity |');
    assert.ok(start > 0, 'the catalog table');
    const after = readme.slice(start).split('\n').slice(2);
    const rows = after.slice(
      0,
      after.findIndex((l) => !l.startsWith('| `')),
    );
    const cells = rows.map((r) => r.split(/(?<!\\)\|/).map((c) => c.trim()));
    assert.deepEqual(
      cells.map((c) => c[1].replace(/`/g, '')),
      CHECKS.map((c) => c.id),
    );
    cells.forEach((c, i) => {
      const check = CHECKS[i];
      assert.equal(c[2], check.severity, check.id);
      assert.ok(c[3].startsWith(check.title), check.id);
      assert.equal(c[4], (check.needs ?? []).map((n) => `\`${n}\``).join(', '), `${check.id} needs`);
      assert.equal(c[5], check.fixedByInstall ? 'yes' : 'no', `${check.id} fixed by install`);
      assert.match(c[6], /^`.+`$/, `${check.id} has a fix`);
    });
  });
  it('opens with the two commands a newcomer runs', () => {
    assert.match(readme.slice(0, 1500), /npm ci && npm run rehearse[\s\S]*npm test/);
  });
});
