# The module the real-pwsh transport tests hand to PowerShellHost as its modulePath: it loads the
# platform stubs (generated from the cmdlet catalog, see test/ps/support/New-PlatformStub.ps1) with a
# handler standing in for Windows, then the real MobyKit module, globally. Knobs (environment):
#   MOBYKIT_STUB_DIR      the stub modules, generated once by the test
#   MOBYKIT_HARNESS_LOG   each platform call is appended here as one JSON line { command, parameters }
#   MOBYKIT_HARNESS_FAIL  a command that refuses (throws 'The parameter is incorrect.')
#   MOBYKIT_HARNESS_HANG  a command that never returns
#   MOBYKIT_HARNESS_DIE   a command that kills the shell (exit 7)
#   MOBYKIT_HARNESS_STDERR a command that writes an error record to stderr and then succeeds
foreach ($stub in @(Get-ChildItem -LiteralPath $env:MOBYKIT_STUB_DIR -Recurse -Filter '*.psm1')) {
    Import-Module -Name $stub.FullName -Global -Force -ErrorAction Stop
}

$global:MobyKitStubHandler = {
    param([string]$Command, $Bound)
    if (-not [string]::IsNullOrEmpty($env:MOBYKIT_HARNESS_LOG)) {
        $record = [ordered]@{ command = $Command; parameters = [ordered]@{} }
        foreach ($key in @($Bound.Keys)) { if ($Bound[$key] -is [string] -or $Bound[$key] -is [ValueType]) { $record.parameters[$key] = $Bound[$key] } }
        [System.IO.File]::AppendAllText($env:MOBYKIT_HARNESS_LOG, (ConvertTo-Json -InputObject $record -Compress) + "`n", [System.Text.UTF8Encoding]::new($false))
    }
    if ($Command -eq $env:MOBYKIT_HARNESS_DIE) { [Environment]::Exit(7) }
    if ($Command -eq $env:MOBYKIT_HARNESS_HANG) { Start-Sleep -Seconds 3600 }
    if ($Command -eq $env:MOBYKIT_HARNESS_FAIL) { throw 'The parameter is incorrect.' }
    if ($Command -eq $env:MOBYKIT_HARNESS_STDERR) { [Console]::Error.WriteLine('New-NetNat : The object already exists.'); return }
    if ($Command -in @('bcdedit.exe', 'netsh.exe')) { $global:LASTEXITCODE = 0; return }
    # Every query answers "nothing here": an empty host.
}

Import-Module -Name (Join-Path -Path $PSScriptRoot -ChildPath '../../../ps1/MobyKit.psd1') -Global -Force -ErrorAction Stop
