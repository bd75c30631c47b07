function Remove-MobyKitHostAddress {
    <#
    .SYNOPSIS
        Removes an IPv4 address from the host vNIC of a virtual switch.
    .DESCRIPTION
        The vNIC is found through the switch (Get-MobyKitSwitchVnic), never by its name, and the
        address removed by interface index. Idempotent: a switch or vNIC that is gone, or a vNIC
        that does not hold the address, needs nothing.
    .PARAMETER SwitchName
        The virtual switch whose host vNIC holds the address.
    .PARAMETER InterfaceAlias
        The vNIC's usual name, e.g. 'vEthernet (DockerNAT)', for messages.
    .PARAMETER IPAddress
        The IPv4 address to remove.
    .EXAMPLE
        Remove-MobyKitHostAddress -SwitchName 'DockerNAT' -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$SwitchName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$InterfaceAlias,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$IPAddress
    )

    $ErrorActionPreference = 'Stop'
    try {
        $adapter = Get-MobyKitSwitchVnic -SwitchName $SwitchName
        $present = @()
        if ($null -ne $adapter) {
            $present = @(NetTCPIP\Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop |
                Where-Object -FilterScript { [uint32]$_.InterfaceIndex -eq [uint32]$adapter.ifIndex -and $_.IPAddress -eq $IPAddress })
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read the IPv4 addresses of switch '{0}''s vNIC" -f $SwitchName) -ErrorRecord $_ -TargetObject $InterfaceAlias))
    }
    if ($present.Count -eq 0) {
        Write-Verbose -Message ("Switch '{0}''s vNIC does not hold {1}: nothing to remove" -f $SwitchName, $IPAddress)
        return
    }
    if ($PSCmdlet.ShouldProcess([string]$adapter.Name, ('Remove IPv4 address {0}' -f $IPAddress))) {
        try {
            NetTCPIP\Remove-NetIPAddress -InterfaceIndex ([uint32]$adapter.ifIndex) -IPAddress $IPAddress -AddressFamily IPv4 -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove {0} from '{1}'" -f $IPAddress, $adapter.Name) -ErrorRecord $_ -TargetObject $InterfaceAlias))
        }
    }
}
