function Revoke-MobyKitShareAccess {
    <#
    .SYNOPSIS
        Removes an account's Allow entries from the share.
    .DESCRIPTION
        Revoke-SmbShareAccess -Force. Idempotent: an absent share, or an account with no Allow
        entry (compared by SID), needs nothing.
    .PARAMETER Name
        The share name.
    .PARAMETER AccountName
        The account, e.g. 'Everyone'.
    .EXAMPLE
        Revoke-MobyKitShareAccess -Name C -AccountName 'Everyone' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$AccountName
    )

    $ErrorActionPreference = 'Stop'
    $grants = @()
    try {
        $existing = Get-MobyKitSmbShareByName -Name $Name
        if ($null -ne $existing) {
            $grants = @(SmbShare\Get-SmbShareAccess -Name $Name -ErrorAction Stop | Where-Object -FilterScript {
                    [string]$_.AccessControlType -eq 'Allow' -and
                    (Test-MobyKitSameAccount -ReferenceAccount $_.AccountName -DifferenceAccount $AccountName)
                })
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read the access list of share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($grants.Count -eq 0) {
        Write-Verbose -Message ("'{0}' has no access to share '{1}': nothing to revoke" -f $AccountName, $Name)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, ('Revoke access of {0}' -f $AccountName))) {
        try {
            # The account name as the share lists it, so a localized or differently written name still matches.
            $null = SmbShare\Revoke-SmbShareAccess -Name $Name -AccountName $grants[0].AccountName -Force -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not revoke the access of '{0}' to share '{1}'" -f $AccountName, $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
