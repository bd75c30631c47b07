function Remove-MobyKitHostAddress {
    <#
    .SYNOPSIS
        Removes an IPv4 address from the host vNIC.
    .DESCRIPTION
        Idempotent: an interface that is gone, or that does not hold the address, needs nothing.
    .PARAMETER InterfaceAlias
        The host vNIC, e.g. 'vEthernet (DockerNAT)'.
    .PARAMETER IPAddress
        The IPv4 address to remove.
    .EXAMPLE
        Remove-MobyKitHostAddress -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$InterfaceAlias,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$IPAddress
    )

    $ErrorActionPreference = 'Stop'
    try {
        $present = @(NetTCPIP\Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop |
            Where-Object -FilterScript { $_.InterfaceAlias -eq $InterfaceAlias -and $_.IPAddress -eq $IPAddress })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read the IPv4 addresses of '{0}'" -f $InterfaceAlias) -ErrorRecord $_ -TargetObject $InterfaceAlias))
    }
    if ($present.Count -eq 0) {
        Write-Verbose -Message ("'{0}' does not hold {1}: nothing to remove" -f $InterfaceAlias, $IPAddress)
        return
    }
    if ($PSCmdlet.ShouldProcess($InterfaceAlias, ('Remove IPv4 address {0}' -f $IPAddress))) {
        try {
            # By index: -InterfaceAlias is a wildcard pattern to these cmdlets ('[' in a switch name).
            NetTCPIP\Remove-NetIPAddress -InterfaceIndex $present[0].InterfaceIndex -IPAddress $IPAddress -AddressFamily IPv4 -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove {0} from '{1}'" -f $IPAddress, $InterfaceAlias) -ErrorRecord $_ -TargetObject $InterfaceAlias))
        }
    }
}
