// The one case-insensitive name comparison: Windows' ordinal ignore case, not JavaScript's
// toLowerCase. Checked against fixed pairs and against a real .NET's OrdinalIgnoreCase.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nameKey, sameName, sameNameList } from '../../src/windows/names.js';
import { realPwsh } from '../real-pwsh.js';

// [a, b, what Windows says]
const PAIRS: [string, string, boolean][] = [
  ['MobyKit NAT', 'mobykit nat', true],
  ['Über-Switch', 'über-switch', true],
  ['ΣΊΣΥΦΟΣ', 'σίσυφος', true],
  ['Straße', 'STRASSE', false], // ß has no one-letter upper case: never SS
  ['Straße', 'STRAẞE', false], // ẞ and ß are not a simple case pair (toLowerCase makes them equal)
  ['Kelvin', '\u212Aelvin', false], // the Kelvin sign (toLowerCase makes it k)
  ['Ohm', '\u2126hm', false], // the Ohm sign (toLowerCase makes it ω)
  ['dıskpart', 'DISKPART', false], // Turkish dotless ı upper-cases to itself on Windows
  ['İstanbul', 'istanbul', false], // İ is no upper case of i
  ['', '', true],
];

describe('windows: names', () => {
  it('compares names as Windows does, not as toLowerCase does', () => {
    for (const [a, b, same] of PAIRS) {
      assert.equal(sameName(a, b), same, `${a} vs ${b}`);
      assert.equal(nameKey(a) === nameKey(b), same, `keys of ${a} and ${b}`);
    }
  });

  it('a missing name names nothing', () => {
    assert.equal(sameName(undefined, undefined), false);
    assert.equal(sameName(null, ''), false);
    assert.equal(sameName('NAT', undefined), false);
  });

  it('compares keyword lists (ports, profiles) in any order, each word as Windows compares names', () => {
    assert.equal(sameNameList(['Private', 'Public'], ['public', 'PRIVATE']), true);
    assert.equal(sameNameList(['2375', 'Any'], ['any', '2375']), true);
    assert.equal(sameNameList(['Kelvin'], ['\u212Aelvin']), false);
    assert.equal(sameNameList(['Private'], ['Private', 'Public']), false);
  });

  it('agrees with .NET OrdinalIgnoreCase in a real PowerShell', function () {
    const pwsh = realPwsh(this);
    this.timeout(60000);
    const b64 = (s: string) => Buffer.from(s, 'utf16le').toString('base64');
    const decode = 'function D($s) { [Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($s)) }';
    const lines = PAIRS.map(([a, b]) => `[Console]::Out.Write([string]::Equals((D '${b64(a)}'), (D '${b64(b)}'), 'OrdinalIgnoreCase').ToString() + ' ')`);
    const out = execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', [decode, ...lines].join('; ')], { encoding: 'utf8' });
    assert.deepEqual(
      out.trim().split(' '),
      PAIRS.map(([, , same]) => (same ? 'True' : 'False')),
    );
  });

  it('no other file in src/ compares names with its own lower-casing helper', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const own = files('src').filter((f) =>
      /\b(eqi|ieq)\b|function sameName|to(Lower|Upper)Case\(\)[^;\n]*[!=]==|[!=]==[^;\n]*to(Lower|Upper)Case\(\)|to(Lower|Upper)Case\(\)\)\.sort\(\)/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      own.filter((f) => f !== path.join('src', 'windows', 'names.ts')),
      [],
    );
  });
});
