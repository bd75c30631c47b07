# Runs the Pester suite (test/ps) under this PowerShell: npm run test:ps calls it with the pwsh and
# Pester that scripts/install-pwsh.sh put in .tools/. Exits non-zero when any test fails.
param(
    [Parameter(Mandatory = $true)][string]$PesterPath,
    [string[]]$Path = @()
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$Path = @($Path | ForEach-Object -Process { $_ -split ',' } | Where-Object -FilterScript { $_ -ne '' })
Import-Module -Name $PesterPath -ErrorAction Stop

# The stubs are generated once for the whole run, into a folder removed afterwards.
$env:MOBYKIT_STUB_DIR = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-stubs-{0}' -f [System.Guid]::NewGuid().ToString('N'))
try {
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $(if ($Path.Count -gt 0) { $Path } else { @(Join-Path -Path $PSScriptRoot -ChildPath '.') })
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    Remove-Item -LiteralPath $env:MOBYKIT_STUB_DIR -Recurse -Force -ErrorAction SilentlyContinue
}
Write-Host ('Pester: {0} passed, {1} failed, {2} skipped, {3} not run, in {4:N1} s' -f $result.PassedCount, $result.FailedCount, $result.SkippedCount, $result.NotRunCount, $result.Duration.TotalSeconds)
if ($result.Result -ne 'Passed' -or $result.FailedCount -gt 0 -or $result.FailedContainersCount -gt 0) { exit 1 }
exit 0
