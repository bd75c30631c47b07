# The simulated Windows of a fleet test host: the platform stub modules (test/ps/support/
# New-PlatformStub.ps1, the documented signatures), written to -OutputPath for the remote
# sessions' PSModulePath, where the gather's main read-only cmdlets answer from the host's own
# snapshot file ($env:MOBYKIT_FLEET_SNAPSHOT, set per host by its sshd). Every other stub still
# throws, so the gather records it as an error, as on a host where that query fails.
param([Parameter(Mandatory = $true)][string]$OutputPath)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).Path
. (Join-Path -Path $root -ChildPath 'test/ps/support/New-PlatformStub.ps1')
$null = New-MobyKitPlatformStub -ModuleRoot (Join-Path -Path $root -ChildPath 'ps1') -CatalogPath (Join-Path -Path $root -ChildPath 'test/fixtures/cmdlet-catalog.json') -OutputPath $OutputPath

# Reads the snapshot section; -Name (when the cmdlet was given one) keeps the named items only.
$answer = @'
    $fleetSnapshot = [System.IO.File]::ReadAllText($env:MOBYKIT_FLEET_SNAPSHOT) | ConvertFrom-Json
    $fleetItems = @(SECTION)
    if ($PSBoundParameters.ContainsKey('Name') -and $null -ne $Name) { $fleetItems = @($fleetItems | Where-Object -FilterScript { $null -ne $_ -and $_.Name -in @($Name) }) }
    foreach ($fleetItem in $fleetItems) { if ($null -ne $fleetItem) { $fleetItem } }
'@
$sections = [ordered]@{
    'Hyper-V\Get-VMSwitch'                  = '$fleetSnapshot.vmSwitches'
    'NetNat\Get-NetNat'                     = '$fleetSnapshot.netNats'
    'NetAdapter\Get-NetAdapter'             = '$fleetSnapshot.netAdapters'
    'NetTCPIP\Get-NetIPAddress'             = '$fleetSnapshot.netIPAddresses'
    'MobyKitWindowsCore\Get-Service'        = '$fleetSnapshot.services'
    'Dism\Get-WindowsOptionalFeature'       = '$fleetSnapshot.platform.optionalFeatures'
    'CimCmdlets\Get-CimInstance'            = 'switch ($ClassName) { ''Win32_OperatingSystem'' { $fleetSnapshot.platform.os } ''Win32_ComputerSystem'' { $fleetSnapshot.platform.computerSystem } ''Win32_Processor'' { $fleetSnapshot.platform.processors } }'
}
foreach ($qualified in $sections.Keys) {
    $module, $name = $qualified -split '\\'
    $file = Join-Path -Path $OutputPath -ChildPath "$module/$module.psm1"
    if (-not (Test-Path -LiteralPath $file)) { continue }
    $text = Get-Content -LiteralPath $file -Raw
    $pattern = "throw 'stub not mocked: [^\\']*\\$([regex]::Escape($name)) was called[^']*'"
    $body = $answer.Replace('SECTION', $sections[$qualified])
    $patched = [regex]::Replace($text, $pattern, { param($m) $body })
    if ($patched -eq $text) { throw "no stub of $qualified to answer from the snapshot" }
    Set-Content -LiteralPath $file -Value $patched -Encoding utf8
}
