function New-MobyKitShare {
    <#
    .SYNOPSIS
        Shares a host folder over SMB for the VM to mount.
    .DESCRIPTION
        New-SmbShare -Name -Path -FullAccess -CachingMode -Description, then revokes Everyone
        (found by its SID S-1-1-0, so localized names work) if the share grants it anything.
        Idempotent: a share of that name on the same path is left alone; one on another path is
        refused.
    .PARAMETER Name
        The share name, e.g. 'C'.
    .PARAMETER Path
        The folder to share, e.g. 'C:\'.
    .PARAMETER CachingMode
        None, Manual, Documents, Programs, BranchCache.
    .PARAMETER FullAccess
        The account given full access, e.g. 'DEV-PC\alice'.
    .PARAMETER Description
        The share description: mobykit's ownership marker.
    .EXAMPLE
        New-MobyKitShare -Name C -Path 'C:\' -CachingMode None -FullAccess 'DEV-PC\alice' -Description 'Managed by mobykit' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Path,

        [Parameter(Mandatory = $true)]
        [ValidateSet('None', 'Manual', 'Documents', 'Programs', 'BranchCache')]
        [string]$CachingMode,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$FullAccess,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Description
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = Get-MobyKitSmbShareByName -Name $Name
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -ne $existing) {
        if ([string]$existing.Path.TrimEnd('\') -eq $Path.TrimEnd('\')) {
            Write-Verbose -Message ("Share '{0}' already exists for '{1}'" -f $Name, $Path)
            return
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Share '{0}' already exists for '{1}', not '{2}'" -f $Name, $existing.Path, $Path) -Category ResourceExists -ErrorId 'MobyKit.ShareConflict' -TargetObject $Name))
    }
    if (-not (Test-Path -LiteralPath $Path -PathType Container)) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Cannot share '{0}': the folder does not exist" -f $Path) -Category ObjectNotFound -ErrorId 'MobyKit.ShareFolderMissing' -TargetObject $Path))
    }
    if (-not $PSCmdlet.ShouldProcess($Name, ('Share {0} with full access for {1}' -f $Path, $FullAccess))) {
        return
    }
    $step = 'create the share'
    try {
        $shareParameters = @{
            Name        = $Name
            Path        = $Path
            FullAccess  = $FullAccess
            CachingMode = $CachingMode
            Description = $Description
        }
        $null = SmbShare\New-SmbShare @shareParameters -Confirm:$false -ErrorAction Stop

        $step = 'revoke Everyone'
        $everyone = ConvertFrom-MobyKitSid -Sid 'S-1-1-0'
        if ($null -eq $everyone) {
            throw 'Windows does not resolve the SID of Everyone (S-1-1-0) to an account name'
        }
        $grants = @(SmbShare\Get-SmbShareAccess -Name $Name -ErrorAction Stop |
            Where-Object -FilterScript { Test-MobyKitSameAccount -ReferenceAccount $_.AccountName -DifferenceAccount $everyone })
        if ($grants.Count -gt 0) {
            $null = SmbShare\Revoke-SmbShareAccess -Name $Name -AccountName $everyone -Force -Confirm:$false -ErrorAction Stop
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} for share '{1}'" -f $step, $Name) -ErrorRecord $_ -TargetObject $Name))
    }
}
