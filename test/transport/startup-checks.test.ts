// The start-up line run by the real pwsh: a session that cannot run the module says why, in words a
// user can act on, before Import-Module fails in ways that say nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { defaultModulePath } from '../../src/host/powershell/host.js';
import { sealSecret, SESSION_KEY_VARIABLE, startupLine } from '../../src/host/powershell/protocol.js';
import { realPwsh } from '../real-pwsh.js';

/** Runs `setup` then the start-up line in one pwsh; the error text with PowerShell's wrapping undone. */
function start(pwsh: string, setup: string, env: Record<string, string> = {}): { status: number | null; said: string } {
  const r = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', `${setup}\n${startupLine(defaultModulePath())}\n'imported:' + [bool](Get-Module MobyKit)`], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  const said = (r.stdout + r.stderr)
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\s+/g, ' ');
  return { status: r.status, said };
}

describe('start-up checks (real pwsh)', function () {
  this.timeout(60_000);

  it('a normal session imports the module', function () {
    const r = start(realPwsh(this), '');
    assert.equal(r.said.trim(), 'imported:True');
  });

  it('Constrained Language Mode: refused, naming the mode and what to do', function () {
    const r = start(realPwsh(this), "$ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage'");
    assert.match(r.said, /mobykit cannot run here: PowerShell is in ConstrainedLanguage mode \(AppLocker or Windows Defender Application Control enforce it\)/);
    assert.doesNotMatch(r.said, /imported:True/);
  });

  it('a Group Policy execution policy of AllSigned: refused, saying it wins over -ExecutionPolicy Bypass', function () {
    const r = start(realPwsh(this), "function Get-ExecutionPolicy { param($Scope) if ($Scope -eq 'MachinePolicy') { 'AllSigned' } else { 'Undefined' } }");
    assert.match(r.said, /Group Policy sets the PowerShell execution policy to AllSigned \(MachinePolicy scope\), which wins over -ExecutionPolicy Bypass/);
    assert.doesNotMatch(r.said, /imported:True/);
  });

  it('Windows 10 1511 (build 10586): refused, NetNat needs build 14393', function () {
    const r = start(realPwsh(this), "function Get-ItemProperty { [pscustomobject]@{ CurrentBuildNumber = '10586' } }", { OS: 'Windows_NT' });
    assert.match(r.said, /needs Windows 10 1607 \/ Server 2016 \(build 14393\) or later, which brought the NetNat NAT it sets up; this is build 10586/);
    assert.doesNotMatch(r.said, /imported:True/);
  });

  it('PowerShell 7 on Windows 10 1803 (build 17134): refused, the Hyper-V module is native from 17763', function () {
    const r = start(realPwsh(this), "function Get-ItemProperty { [pscustomobject]@{ CurrentBuildNumber = '17134' } }", { OS: 'Windows_NT' });
    assert.match(r.said, /On build 17134, PowerShell 7 loads the Hyper-V and networking modules only through the Windows PowerShell compatibility session/);
    assert.match(r.said, /Use Windows PowerShell 5\.1 \(powershell\.exe/);
    assert.doesNotMatch(r.said, /imported:True/);
  });
});

describe('sealed password (real pwsh)', function () {
  this.timeout(60_000);

  it('the module opens what mobykit seals, with the key it takes out of the environment at import', function () {
    const pwsh = realPwsh(this);
    const key = randomBytes(32);
    const canary = 'Seal-C4nary \' " $(x) ω 2024-01-02T03:04:05';
    const script = [
      `Import-Module -Name '${defaultModulePath()}' -Force`,
      "'key left in environment: ' + [bool]$env:MOBYKIT_SESSION_KEY",
      `$secure = & (Get-Module MobyKit) { param($s) Unprotect-MobyKitSecret -Sealed $s } '${sealSecret(key, canary)}'`,
      "'type: ' + $secure.GetType().Name",
      "'plain: ' + [System.Net.NetworkCredential]::new('', $secure).Password",
    ].join('\n');
    const r = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', script], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', [SESSION_KEY_VARIABLE]: key.toString('base64') },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /key left in environment: False/);
    assert.match(r.stdout, /type: SecureString/);
    assert.ok(r.stdout.includes(`plain: ${canary}`), r.stdout);
  });
});
