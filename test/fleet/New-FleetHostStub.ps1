# The simulated Windows of the fleet test hosts: the platform stub modules (test/ps/support/
# New-PlatformStub.ps1, the documented signatures), written to -OutputPath for the remote
# sessions' PSModulePath. Each stub module, when a session loads it, dot-sources FleetHost.ps1,
# which makes every stub answer from and change that host's own snapshot file
# ($env:MOBYKIT_FLEET_SNAPSHOT, set per host by its sshd).
param([Parameter(Mandatory = $true)][string]$OutputPath)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).Path
. (Join-Path -Path $root -ChildPath 'test/ps/support/New-PlatformStub.ps1')
$null = New-MobyKitPlatformStub -ModuleRoot (Join-Path -Path $root -ChildPath 'ps1') -CatalogPath (Join-Path -Path $root -ChildPath 'test/fixtures/cmdlet-catalog.json') -OutputPath $OutputPath

$hostScript = (Join-Path -Path $PSScriptRoot -ChildPath 'FleetHost.ps1') -replace "'", "''"
foreach ($file in @(Get-ChildItem -LiteralPath $OutputPath -Recurse -Filter '*.psm1')) {
    $text = Get-Content -LiteralPath $file.FullName -Raw
    Set-Content -LiteralPath $file.FullName -Value (". '{0}'`n{1}" -f $hostScript, $text) -Encoding utf8
}
