function Grant-MobyKitShareAccess {
    <#
    .SYNOPSIS
        Gives an account full access to the share.
    .DESCRIPTION
        Grant-SmbShareAccess -AccessRight Full -Force. Idempotent: an account that already has an
        Allow/Full entry (compared by SID) is left alone. A missing share is an error.
    .PARAMETER Name
        The share name.
    .PARAMETER AccountName
        The account, e.g. 'DEV-PC\alice'.
    .EXAMPLE
        Grant-MobyKitShareAccess -Name C -AccountName 'DEV-PC\alice' -WhatIf
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
    try {
        $existing = Get-MobyKitSmbShareByName -Name $Name
        if ($null -ne $existing) {
            $grants = @(SmbShare\Get-SmbShareAccess -Name $Name -ErrorAction Stop | Where-Object -FilterScript {
                    [string]$_.AccessControlType -eq 'Allow' -and [string]$_.AccessRight -eq 'Full' -and
                    (Test-MobyKitSameAccount -ReferenceAccount $_.AccountName -DifferenceAccount $AccountName)
                })
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read the access list of share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -eq $existing) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Share '{0}' does not exist" -f $Name) -Category ObjectNotFound -ErrorId 'MobyKit.ShareMissing' -TargetObject $Name))
    }
    if ($grants.Count -gt 0) {
        Write-Verbose -Message ("'{0}' already has full access to share '{1}'" -f $AccountName, $Name)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, ('Grant full access to {0}' -f $AccountName))) {
        try {
            $null = SmbShare\Grant-SmbShareAccess -Name $Name -AccountName $AccountName -AccessRight Full -Force -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not grant '{0}' access to share '{1}'" -f $AccountName, $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
