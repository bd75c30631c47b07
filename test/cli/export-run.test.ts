// The exported script run for real (pwsh -NonInteractive) against a stand-in MobyKit module whose
// functions are, like the real ones, ConfirmImpact High: it must run unattended, ask nothing, and
// refuse clearly when it needs the password and cannot ask for it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plan } from '../../src/engine/plan.js';
import { writePowerShellExport } from '../../src/export/powershell.js';
import { makeAction } from '../../src/plan/action.js';
import { OPERATIONS } from '../../src/resources/registry.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { realPwsh } from '../real-pwsh.js';

const PASSWORD = 'Export-Canary-4471';

function plan(): Plan {
  return {
    command: 'install',
    blockers: [],
    adoptions: [],
    leftAlone: [],
    predicted: {} as Snapshot,
    actions: [
      makeAction({
        step: 'share',
        op: 'share.remove',
        kind: 'remove',
        target: 'OldShare',
        resource: 'share:OldShare',
        description: 'Remove share OldShare',
        params: { Name: 'OldShare' },
      }),
      makeAction({
        step: 'switch',
        op: 'switch.create',
        kind: 'create',
        target: 'DockerNAT',
        resource: 'switch:DockerNAT',
        description: 'Create switch DockerNAT',
        params: { Name: 'DockerNAT', Notes: 'Managed by mobykit' },
      }),
      makeAction({
        step: 'kvp',
        op: 'kvp.add',
        kind: 'create',
        target: 'cifsmount',
        resource: 'vm:MobyLinuxVM/kvp:cifsmount',
        description: 'Give VM MobyLinuxVM the token',
        params: { VMName: 'MobyLinuxVM', ItemName: 'cifsmount', MountPoint: 'c', ShareName: 'C', UserName: 'alice' },
      }),
    ],
  };
}

/** A module with the real function names, each ConfirmImpact High, logging what ran. */
function fakeModule(dir: string): string {
  const fns = [...new Set(Object.values(OPERATIONS).map((o) => o.psFunction))]
    .map(
      (name) => `function ${name} {
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param([System.Security.SecureString]$Password, [Parameter(ValueFromRemainingArguments = $true)]$Rest)
    if ($PSCmdlet.ShouldProcess('${name}')) {
        $line = '${name}'
        if ($null -ne $Password) { $line += ' password=' + [System.Net.NetworkCredential]::new('', $Password).Password }
        Add-Content -LiteralPath $env:MOBYKIT_FAKE_LOG -Value $line
    }
}`,
    )
    .join('\n');
  writeFileSync(path.join(dir, 'Fake.psm1'), `${fns}\nExport-ModuleMember -Function *\n`);
  return path.join(dir, 'Fake.psm1');
}

describe('exported script, run by pwsh -NonInteractive', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-export-run-'));
  const script = path.join(dir, 'install.ps1');
  const log = path.join(dir, 'calls.log');
  let module = '';
  before(() => {
    writePowerShellExport(script, plan(), { computer: 'DEV-PC', version: '0.1.0', at: '2026-11-29T00:00:00Z' });
    module = fakeModule(dir);
  });

  const run = (pwsh: string, command: string) =>
    spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', command], {
      encoding: 'utf8',
      env: { ...process.env, MOBYKIT_FAKE_LOG: log, LOCALAPPDATA: path.join(dir, 'local') },
    });

  it('runs every step unattended: no "Are you sure?" on the ConfirmImpact High removals', function () {
    const pwsh = realPwsh(this);
    const r = run(pwsh, `& '${script}' -ModulePath '${module}' -SharePassword (ConvertTo-SecureString -String '${PASSWORD}' -AsPlainText -Force)`);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(readFileSync(log, 'utf8').trim().split(/\r?\n/), ['Remove-MobyKitShare', 'New-MobyKitSwitch', `Set-MobyKitKvpItem password=${PASSWORD}`]);
    assert.ok(!(r.stdout + r.stderr).includes(PASSWORD), 'the password was printed');
    assert.match(r.stdout, /Done: 3 actions applied/);
  });

  it('without -SharePassword under -NonInteractive: a clear error before any change', function () {
    const pwsh = realPwsh(this);
    const fresh = path.join(dir, 'none.log');
    const r = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', script, '-ModulePath', module], {
      encoding: 'utf8',
      env: { ...process.env, MOBYKIT_FAKE_LOG: fresh, LOCALAPPDATA: path.join(dir, 'local') },
    });
    assert.notEqual(r.status, 0);
    // PowerShell 7 wraps and colours the error: compare its words.
    const said = (r.stderr + r.stdout)
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/\s*\|\s*/g, ' ')
      .replace(/\s+/g, ' ');
    assert.match(said, /needs the share password and this PowerShell cannot ask \(-NonInteractive\): pass it with -SharePassword/);
    assert.ok(!existsSync(fresh), 'a step ran');
  });
});
