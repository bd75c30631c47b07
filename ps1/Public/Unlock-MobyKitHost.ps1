function Unlock-MobyKitHost {
    <#
    .SYNOPSIS
        Releases the lock Lock-MobyKitHost took: stops its heartbeat and removes host.lock if it is still this run's.
    .DESCRIPTION
        A lock that is not this run's (its nonce differs: taken over as stale) is left alone.
        Returns whether the lock was removed.
    .PARAMETER Nonce
        What Lock-MobyKitHost returned.
    .PARAMETER StateDir
        The folder that holds host.lock.
    .EXAMPLE
        Unlock-MobyKitHost -Nonce $nonce
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)][string]$Nonce,
        [string]$StateDir = ''
    )
    $ErrorActionPreference = 'Stop'
    if ($null -ne ('MobyKitLockHeartbeat' -as [type])) { [MobyKitLockHeartbeat]::Stop() }
    $path = Join-Path -Path (Resolve-MobyKitStateDir -StateDir $StateDir) -ChildPath 'host.lock'
    try {
        $holder = ConvertFrom-MobyKitJson -Json ([System.IO.File]::ReadAllText($path))
    }
    catch {
        return $false
    }
    if ($null -eq $holder -or $holder -isnot [System.Management.Automation.PSCustomObject] -or [string]$holder.nonce -ne $Nonce) { return $false }
    Remove-Item -LiteralPath $path -Force
    return $true
}
