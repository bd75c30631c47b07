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
  it('opens with the two commands a newcomer runs', () => {
    assert.match(readme.slice(0, 1500), /npm ci && npm run rehearse[\s\S]*npm test/);
  });
});
