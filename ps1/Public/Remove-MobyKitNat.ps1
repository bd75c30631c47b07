function Remove-MobyKitNat {
    <#
    .SYNOPSIS
        Removes mobykit's NAT.
    .DESCRIPTION
        Remove-NetNat -Name. Idempotent: no NAT of that name means nothing to do.
    .PARAMETER Name
        The NAT name.
    .EXAMPLE
        Remove-MobyKitNat -Name 'DockerNAT' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = @(NetNat\Get-NetNat -ErrorAction Stop | Where-Object -FilterScript { $_.Name -eq $Name })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up NAT '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($existing.Count -eq 0) {
        Write-Verbose -Message ("No NAT '{0}': nothing to remove" -f $Name)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, 'Remove NAT')) {
        try {
            # The instance found, not -Name, which Remove-NetNat reads as a wildcard pattern.
            NetNat\Remove-NetNat -InputObject $existing[0] -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove NAT '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
