// doctor's fix for a missing or wrong mount item, run as a user would paste it, by real pwsh
// against a Set-MobyKitKvpItem with the module's own parameters (ProxyCommand.GetParamBlock of the
// real function): the password typed at Read-Host -AsSecureString must bind to -Password and reach
// the function intact. (The advice once turned it into text first, which -Password, a
// SecureString, refuses, and which module logging would have recorded.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runChecks } from '../../src/doctor/catalog.js';
import { psString } from '../../src/windows/powershell.js';
import { realPwsh } from '../real-pwsh.js';
import { ctxOf } from './fixtures.js';

const PASSWORD = "Fix-Canary p@ss'wörd";
const IMPORT = "Import-Module '<mobykit folder>\\ps1\\MobyKit.psd1'; ";

describe('doctor kvp fix, pasted into pwsh', function () {
  this.timeout(60_000);

  it('binds the typed password to Set-MobyKitKvpItem -Password as a SecureString', function () {
    const pwsh = realPwsh(this);
    const [finding] = runChecks(
      ctxOf((s) => {
        s.vms[0].KvpHostExchangeItems = [];
      }),
      { only: (c) => c.id === 'kvp.cifsmount' },
    );
    assert.ok(finding?.fix.startsWith(IMPORT), finding?.fix);
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-kvp-fix-'));
    const log = path.join(dir, 'calls.log');
    const manifest = path.resolve('ps1', 'MobyKit.psd1');
    const prelude = [
      `$real = Get-Command -Name Set-MobyKitKvpItem -Module (Import-Module -Name ${psString(manifest)} -PassThru)`,
      '$signature = [System.Management.Automation.ProxyCommand]::GetCmdletBindingAttribute($real) + " param(" + [System.Management.Automation.ProxyCommand]::GetParamBlock($real) + ")"',
      'Remove-Module -Name MobyKit',
      // The stand-in records what it was given; the real one would go on to Hyper-V.
      '$body = \'Add-Content -LiteralPath $env:MOBYKIT_FIX_LOG -Value ($VMName + "|" + $Password.GetType().Name + "|" + [System.Net.NetworkCredential]::new("", $Password).Password)\'',
      '$null = New-Module -Name MobyKit -ScriptBlock ([scriptblock]::Create("function Set-MobyKitKvpItem { $signature $body }"))',
      // What the user types at the hidden prompt.
      `function Read-Host { param([switch]$AsSecureString, [string]$Prompt) if (-not $AsSecureString) { throw 'asked in clear' } [System.Net.NetworkCredential]::new('', ${psString(PASSWORD)}).SecurePassword }`,
    ].join('\n');
    const r = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', `${prelude}\n${finding.fix.slice(IMPORT.length)}`], {
      encoding: 'utf8',
      env: { ...process.env, MOBYKIT_FIX_LOG: log },
    });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(readFileSync(log, 'utf8').trim(), `MobyLinuxVM|SecureString|${PASSWORD}`);
  });
});
