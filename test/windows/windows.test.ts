// The one PowerShell-literal helper, the one control-character filter for text for people, and
// address notations as Windows reports them, against hostile values.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalAddress, sameAddressFilter } from '../../src/windows/address.js';
import { psString } from '../../src/windows/powershell.js';
import { plainText, plainValue } from '../../src/windows/text.js';
import { realPwsh } from '../real-pwsh.js';

describe('windows: PowerShell literals', () => {
  it('doubles every quote PowerShell honours, typographic ones included', () => {
    assert.equal(psString('DEV-PC\\o’neil'), "'DEV-PC\\o’’neil'");
    assert.equal(psString("O'Brien"), "'O''Brien'");
    assert.equal(psString('a‘b’c‚d‛e'), "'a‘‘b’’c‚‚d‛‛e'");
    assert.equal(psString('$(calc) `n "y"'), '\'$(calc) `n "y"\'');
    assert.equal(psString(2375), "'2375'");
  });

  it('writes control characters as [char]N in a concatenation', () => {
    assert.equal(psString('a\nb'), "('a' + [string][char]10 + 'b')");
    assert.equal(psString('\u001b]52;c;ZXZpbA==\u0007'), "([string][char]27 + ']52;c;ZXZpbA==' + [string][char]7)");
  });

  it('round-trips hostile values through a real PowerShell', function () {
    const pwsh = realPwsh(this);
    this.timeout(30000);
    const values = ['DEV-PC\\o’neil', "x'; Remove-Item C:\\ -Recurse; '", 'a‛b‚c‘d', 'e\u001b[2Jf\ng', '$(whoami) `t'];
    const script = values.map((v) => `[Console]::Out.Write([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(${psString(v)})) + ' ')`).join('; ');
    const out = execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', script], { encoding: 'utf8' });
    const back = out
      .trim()
      .split(' ')
      .map((b) => Buffer.from(b, 'base64').toString('utf8'));
    assert.deepEqual(back, values);
  });
});

describe('windows: one PowerShell-literal helper', () => {
  it('no other file in src/ doubles quotes into a PowerShell literal of its own', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const own = files('src')
      .filter((f) => f !== path.join('src', 'windows', 'powershell.ts'))
      .filter((f) => /replace\(\s*\/\[?'[^/]*\/g\s*,\s*(["'`]''|\(\w+\) => \w+ \+ \w+)/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(own, []);
  });
});

describe('windows: text for people', () => {
  it('shows escape sequences from host values instead of sending them to the terminal', () => {
    const osc52 = 'proxy\u001b]52;c;ZXZpbA==\u0007';
    const clear = 'x\u001b[2J\u001b[H';
    assert.equal(plainValue(osc52), 'proxy\\x1b]52;c;ZXZpbA==\\x07');
    assert.equal(plainValue(clear), 'x\\x1b[2J\\x1b[H');
    assert.equal(plainValue('a\nb\u009bc\u202ed'), 'a\\x0ab\\x9bc\\u202ed');
    assert.doesNotMatch(plainText(`seen: ${osc52}\nfix: ${clear}`), /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('keeps line breaks and tabs in whole messages, and ordinary text as it is', () => {
    assert.equal(plainText('one\r\ntwo\tthree'), 'one\ntwo\tthree');
    assert.equal(plainText('DEV-PC\\o’neil zoë'), 'DEV-PC\\o’neil zoë');
    assert.equal(plainText('a\rb'), 'a\\x0db');
  });
});

describe('windows: addresses as the host reports them', () => {
  it('treats mask and prefix notation alike', () => {
    assert.ok(sameAddressFilter(['10.0.75.0/255.255.255.0'], ['10.0.75.0/24']));
    assert.ok(sameAddressFilter(['10.0.75.1/255.255.255.255'], ['10.0.75.1']));
    assert.ok(sameAddressFilter(['Any'], []));
    assert.ok(sameAddressFilter(['LocalSubnet', '10.0.75.0/24'], ['10.0.75.0/255.255.255.0', 'localsubnet']));
    assert.equal(canonicalAddress('10.0.75.9/24'), '10.0.75.0/24');
  });

  it('tells different filters apart', () => {
    assert.ok(!sameAddressFilter(['10.0.75.0/255.255.0.0'], ['10.0.75.0/24']));
    assert.ok(!sameAddressFilter(['Any'], ['10.0.75.0/24']));
    assert.ok(!sameAddressFilter(['10.0.75.0/255.0.255.0'], ['10.0.75.0/24']));
  });
});
