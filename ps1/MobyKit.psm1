# MobyKit: provisions a Docker-for-Windows-style Linux VM host on Hyper-V.
# Every function lives in its own file: Public/ are exported, Private/ are helpers.
# Nothing here builds PowerShell source from user values: parameters arrive as data.

# Version 1.0 catches uninitialised variables; higher versions would also throw on a
# property a CIM class lacks on an older Windows build, which the snapshot must tolerate.
Set-StrictMode -Version 1.0

$privateFiles = @(Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -Filter '*.ps1')
$publicFiles = @(Get-ChildItem -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath 'Public') -Filter '*.ps1')

foreach ($file in @($privateFiles + $publicFiles)) {
    try {
        . $file.FullName
    }
    catch {
        throw ('MobyKit: could not load {0}: {1}' -f $file.FullName, $_.Exception.Message)
    }
}

# The key that unseals a request's password (Unprotect-MobyKitSecret), handed over by mobykit in
# the environment and taken out of it at once, so that no program this session starts inherits it.
$script:MobyKitSessionKey = $null
if (-not [string]::IsNullOrEmpty($env:MOBYKIT_SESSION_KEY)) {
    $script:MobyKitSessionKey = [System.Convert]::FromBase64String($env:MOBYKIT_SESSION_KEY)
    [System.Environment]::SetEnvironmentVariable('MOBYKIT_SESSION_KEY', $null)
}

# Remote sessions this shell holds and the work in flight on them (Invoke-MobyKitRemoteBatch), by id and tag.
$script:MobyKitRemoteSessions = @{}
$script:MobyKitRemoteWork = @{}
$script:MobyKitRemotePool = $null
$script:MobyKitRemoteFiles = $null
$script:MobyKitRemoteStopped = New-Object -TypeName System.Collections.ArrayList

Export-ModuleMember -Function @($publicFiles | ForEach-Object -Process { $_.BaseName })
