// The checker itself must catch what it exists to catch: tiny scripts with known faults.
import assert from 'node:assert/strict';
import { checkAnalyses, type CheckOptions, type Finding } from './checker.js';
import { loadCatalog } from './module-files.js';
import { analyzePowerShell } from './powershell-ast.js';

function check(source: string, extra: Partial<CheckOptions> = {}): Finding[] {
  const analysis = analyzePowerShell(source, 'inline.ps1');
  return checkAnalyses([analysis], {
    catalog: loadCatalog(),
    moduleFunctions: analysis.functions,
    nativeExecutables: ['netsh.exe'],
    dynamicInvocations: [],
    dynamicSplats: [],
    ...extra,
  });
}
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error').map((f) => f.message);
const warnings = (findings: Finding[]) => findings.filter((f) => f.severity === 'warning').map((f) => f.message);

function expectError(source: string, pattern: RegExp): void {
  const messages = errors(check(source));
  assert.ok(
    messages.some((m) => pattern.test(m)),
    `expected an error matching ${pattern}, got ${JSON.stringify(messages)}`,
  );
}
function expectClean(source: string): void {
  assert.deepEqual(errors(check(source)), []);
}

describe('PowerShell contract checker', () => {
  it('accepts correct calls', () => {
    expectClean("Get-Process -Id 4 -ErrorAction Stop\nHyper-V\\Get-VM -Name 'x' -ea SilentlyContinue\nRemove-Item -LiteralPath $p -Force -Confirm:$false\n");
  });

  it('reports a parse error', () => {
    const problems = analyzePowerShell('function Broken {\n  if ($true {\n}\n', 'inline.ps1').parseProblems;
    assert.ok(problems.length > 0);
  });

  it('reports an unknown cmdlet', () => {
    expectError('Get-MobyFooBar -Name x', /not a cmdlet in the catalog/);
  });

  it('reports an unknown parameter', () => {
    expectError('Get-Process -Nmae x', /unknown parameter -Nmae/);
  });

  it('refuses a parameter prefix: full names only', () => {
    expectError('Get-Process -Na x', /unknown parameter -Na\b/);
  });

  it('accepts -Name:value and parameter aliases', () => {
    expectClean('Get-Process -Id:4\nGet-Process -PID 4');
  });

  it('reports Get-WmiObject (Windows PowerShell 5.1 only)', () => {
    expectError('Get-WmiObject -Class Win32_OperatingSystem', /Get-WmiObject does not exist in PowerShell 7/);
  });

  it('reports a parameter that exists in one edition only', () => {
    expectError('ConvertFrom-Json -InputObject $json -AsHashtable', /-AsHashtable is not available in powershell-5\.1/);
  });

  it('reports an unqualified Hyper-V cmdlet', () => {
    expectError('Get-VM -Name x', /must be module-qualified as Hyper-V\\Get-VM/);
  });

  it('reports a wrong module qualifier', () => {
    expectError('SmbShare\\Get-VM', /belongs to module Hyper-V/);
  });

  it('reports a cmdlet alias', () => {
    expectError('gps -Id 4', /alias of Get-Process/);
  });

  it('reports parameters that no parameter set takes together', () => {
    expectError('Get-Process -Id 4 -Name x', /no parameter set takes all of/);
  });

  it('warns, without failing, when a required parameter is missing', () => {
    const findings = check('NetNat\\New-NetNat -InternalIPInterfaceAddressPrefix 10.0.75.0/24');
    assert.deepEqual(errors(findings), []);
    assert.ok(warnings(findings).some((m) => /lacks a required parameter/.test(m)));
  });

  it('counts the keys of a splatted hashtable literal as parameters', () => {
    expectClean(
      "function F {\n  [CmdletBinding()]\n  param()\n  $p = @{ Id = 4; 'ErrorAction' = 'Stop' }\n  $p.Name = 'x'\n  Get-Process -Id 1\n  $q = @{ Id = 4 }\n  Get-Process @q\n}\n",
    );
    expectError('$p = @{ Bogus = 1 }\nGet-Process @p', /unknown parameter Bogus \(from @p\)/);
    expectError("$p = @{ Id = 1 }\n$p.Nmae = 'x'\nGet-Process @p", /unknown parameter Nmae/);
  });

  it('reports a splat whose keys cannot be known, unless allowlisted', () => {
    const source = 'function Invoke-X {\n  param($Names)\n  $p = Get-Params\n  Get-Process @p\n}\n';
    assert.ok(errors(check(source)).some((m) => /splat @p/.test(m)));
    assert.deepEqual(
      errors(check(source, { dynamicSplats: [{ function: 'Invoke-X', variable: 'p' }] })).filter((m) => /splat/.test(m)),
      [],
    );
  });

  it('reports a dynamic invocation unless allowlisted', () => {
    assert.ok(errors(check('& $command -Name x')).some((m) => /dynamic invocation/.test(m)));
    assert.deepEqual(errors(check('& $command -Name x', { dynamicInvocations: [{ function: null, text: '$command' }] })), []);
  });

  it('checks calls of module functions against their param block', () => {
    const source = 'function Set-Thing {\n  [CmdletBinding(SupportsShouldProcess)]\n  param([string]$Name)\n}\nSet-Thing -Name x -WhatIf -Verbose\nSet-Thing -Nmae x\n';
    const messages = errors(check(source));
    assert.equal(messages.length, 1, JSON.stringify(messages));
    assert.match(messages[0], /unknown parameter -Nmae/);
  });

  it('allows listed native executables only', () => {
    expectClean('netsh.exe interface ipv4 show excludedportrange protocol=tcp');
    expectError('cmdkey.exe /generic:x /pass:secret', /not a cmdlet in the catalog/);
  });

  it('ignores redirections', () => {
    expectClean('Get-Process -Id 4 2>&1 3>$null');
  });

  it('reads CmdletBinding, parameters and help of a function', () => {
    const analysis = analyzePowerShell(
      'function Get-X {\n  <#\n  .SYNOPSIS\n    X.\n  .PARAMETER Name\n    N.\n  .EXAMPLE\n    Get-X\n  #>\n  [CmdletBinding(SupportsShouldProcess = $true)]\n  param(\n    [Parameter(Mandatory = $true)]\n    [string]$Name,\n    [int]$Count\n  )\n}\n',
      'inline.ps1',
    );
    const [fn] = analysis.functions;
    assert.equal(fn.name, 'Get-X');
    assert.ok(fn.hasCmdletBinding && fn.supportsShouldProcess);
    assert.deepEqual(fn.params, [
      { name: 'Name', mandatory: true },
      { name: 'Count', mandatory: false },
    ]);
    assert.match(fn.help ?? '', /\.SYNOPSIS/);
  });
});
