function Remove-MobyKitShare {
    <#
    .SYNOPSIS
        Stops sharing the folder (the folder itself is untouched).
    .DESCRIPTION
        Remove-SmbShare -Force. Idempotent: an absent share needs nothing.
    .PARAMETER Name
        The share name.
    .EXAMPLE
        Remove-MobyKitShare -Name C -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = Get-MobyKitSmbShareByName -Name $Name
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -eq $existing) {
        Write-Verbose -Message ("No share '{0}': nothing to remove" -f $Name)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, 'Remove SMB share')) {
        try {
            SmbShare\Remove-SmbShare -Name $Name -Force -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove share '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
