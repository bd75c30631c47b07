function Set-MobyKitShare {
    <#
    .SYNOPSIS
        Sets the share's offline caching mode.
    .DESCRIPTION
        Set-SmbShare -CachingMode -Force. Idempotent: a share already in that mode is left alone.
        A missing share is an error.
    .PARAMETER Name
        The share name.
    .PARAMETER CachingMode
        None, Manual, Documents, Programs, BranchCache.
    .EXAMPLE
        Set-MobyKitShare -Name C -CachingMode None -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateSet('None', 'Manual', 'Documents', 'Programs', 'BranchCache')]
        [string]$CachingMode
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = Get-MobyKitSmbShareByName -Name $Name
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -eq $existing) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Share '{0}' does not exist" -f $Name) -Category ObjectNotFound -ErrorId 'MobyKit.ShareMissing' -TargetObject $Name))
    }
    if ([string]$existing.CachingMode -eq $CachingMode) {
        Write-Verbose -Message ("Share '{0}' already uses caching mode {1}" -f $Name, $CachingMode)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, ('Set caching mode to {0}' -f $CachingMode))) {
        try {
            SmbShare\Set-SmbShare -Name $Name -CachingMode $CachingMode -Force -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not set the caching mode of share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
