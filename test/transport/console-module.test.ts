// The module's console functions against a real named pipe, in a real PowerShell (skipped when
// none is installed: set MOBYKIT_PWSH or put pwsh on PATH).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PWSH = [process.env.MOBYKIT_PWSH, '/tmp/pwshtest/tools/pwsh', 'pwsh'].find(
  (p) => p && (p === 'pwsh' ? spawnSync('pwsh', ['-v'], { encoding: 'utf8' }).status === 0 : existsSync(p)),
);

const SCRIPT = `
param([string]$Module, [string]$Pipe)
$ErrorActionPreference = 'Stop'
Import-Module -Name $Module -Force
$server = [System.IO.Pipes.NamedPipeServerStream]::new($Pipe, [System.IO.Pipes.PipeDirection]::InOut, 1, [System.IO.Pipes.PipeTransmissionMode]::Byte, [System.IO.Pipes.PipeOptions]::Asynchronous)
$wait = $server.WaitForConnectionAsync()
$path = '\\\\.\\pipe\\' + $Pipe
$null = Read-MobyKitVMConsole -PipeName $path -TimeoutMilliseconds 100
$null = $wait.Wait(5000)
$bytes = [Text.Encoding]::UTF8.GetBytes('moby login: ')
$server.Write($bytes, 0, $bytes.Length); $server.Flush()
$got = Read-MobyKitVMConsole -PipeName $path -TimeoutMilliseconds 2000
'read=' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($got))
try { Write-MobyKitVMConsole -PipeName $path -Data 'cm9vdA0=' } catch { 'write=' + $_.Exception.Message }
$server.Dispose()
try { $null = Read-MobyKitVMConsole -PipeName $path -TimeoutMilliseconds 2000 } catch { 'closed=' + $_.Exception.Message }
Close-MobyKitVMConsole -PipeName $path
`;

describe('module console functions on a real named pipe', function () {
  this.timeout(60000);
  before(function () {
    if (!PWSH) this.skip();
  });

  it('reads what the VM writes, keeps the pipe read-only, and reports the VM closing it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mobykit-console-'));
    const script = path.join(dir, 'console.ps1');
    writeFileSync(script, SCRIPT);
    const pipe = `mobykit-test-${process.pid}`;
    const r = spawnSync(PWSH!, ['-NoProfile', '-NonInteractive', '-File', script, '-Module', path.resolve('ps1/MobyKit.psd1'), '-Pipe', pipe], {
      encoding: 'utf8',
      timeout: 50000,
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /^read=moby login: $/m);
    assert.match(r.stdout, /^write=The console .* is not open for writing/m);
    assert.match(r.stdout, /^closed=The VM closed its console pipe/m);
  });
});
