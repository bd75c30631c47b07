function Set-MobyKitHostAddress {
    <#
    .SYNOPSIS
        Gives the host vNIC of a virtual switch a single static IPv4 address.
    .DESCRIPTION
        The vNIC is found through the switch (Get-MobyKitSwitchVnic), never by its name: a stale
        'vEthernet (<switch>)' left by an earlier switch would otherwise get the address. It is
        addressed by interface index from there on. Disables DHCP (Set-NetIPInterface -Dhcp
        Disabled), removes the other manual IPv4 addresses of that interface, adds the address
        (New-NetIPAddress), then cycles the File and Printer Sharing binding (ms_server) so that
        the Server service listens on the new address without a reboot, as MobyLinux.ps1 did.
        A Public network is made Private (on a Public network the File and Printer Sharing rule
        does not apply), for this interface only: if Windows changes other interfaces with it
        (they share the unidentified network's profile), they are set back and this is refused.
        Idempotent: an interface that already has exactly this address and prefix, on a network
        that is not Public, is left alone.
    .PARAMETER SwitchName
        The virtual switch whose host vNIC gets the address, e.g. 'DockerNAT'.
    .PARAMETER InterfaceAlias
        The vNIC's usual name, e.g. 'vEthernet (DockerNAT)', for messages; the adapter itself is
        found through the switch.
    .PARAMETER IPAddress
        The IPv4 address, e.g. '10.0.75.1'.
    .PARAMETER PrefixLength
        The prefix length, e.g. 24.
    .EXAMPLE
        Set-MobyKitHostAddress -SwitchName 'DockerNAT' -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1' -PrefixLength 24 -WhatIf
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
        [string]$IPAddress,

        [Parameter(Mandatory = $true)]
        [ValidateRange(1, 32)]
        [int]$PrefixLength
    )

    $ErrorActionPreference = 'Stop'
    $parsed = $null
    if (-not [System.Net.IPAddress]::TryParse($IPAddress, [ref]$parsed) -or $parsed.AddressFamily -ne [System.Net.Sockets.AddressFamily]::InterNetwork) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("'{0}' is not an IPv4 address" -f $IPAddress) -Category InvalidArgument -ErrorId 'MobyKit.BadAddress' -TargetObject $IPAddress))
    }

    try {
        $adapter = Get-MobyKitSwitchVnic -SwitchName $SwitchName
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not find the host vNIC of switch '{0}'" -f $SwitchName) -ErrorRecord $_ -TargetObject $SwitchName))
    }
    if ($null -eq $adapter) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Switch '{0}' has no host vNIC ('{1}'): was the virtual switch created?" -f $SwitchName, $InterfaceAlias) -Category ObjectNotFound -ErrorId 'MobyKit.NoInterface' -TargetObject $SwitchName))
    }
    # From here on by index: to these cmdlets -InterfaceAlias is a wildcard pattern ('[' in a switch name).
    $interfaceIndex = [uint32]$adapter.ifIndex
    $vnicName = [string]$adapter.Name
    if ($vnicName -ne $InterfaceAlias) {
        Write-Verbose -Message ("Switch '{0}''s vNIC is '{1}', not '{2}' (another adapter holds that name)" -f $SwitchName, $vnicName, $InterfaceAlias)
    }

    try {
        $interface = @(NetTCPIP\Get-NetIPInterface -InterfaceIndex $interfaceIndex -AddressFamily IPv4 -ErrorAction Stop)
        $addresses = @(NetTCPIP\Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop | Where-Object -FilterScript { [uint32]$_.InterfaceIndex -eq $interfaceIndex })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read the IPv4 configuration of '{0}'" -f $vnicName) -ErrorRecord $_ -TargetObject $vnicName))
    }
    if ($interface.Count -eq 0) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("'{0}' (switch '{1}') has no IPv4 interface" -f $vnicName, $SwitchName) -Category ObjectNotFound -ErrorId 'MobyKit.NoInterface' -TargetObject $vnicName))
    }

    $dhcpEnabled = [string]$interface[0].Dhcp -eq 'Enabled'
    # An unidentified network may have no profile yet; that is not an error.
    $publicProfile = @(NetConnection\Get-NetConnectionProfile -InterfaceIndex $interfaceIndex -ErrorAction SilentlyContinue |
        Where-Object -FilterScript { [string]$_.NetworkCategory -eq 'Public' })
    $wanted = @($addresses | Where-Object -FilterScript { $_.IPAddress -eq $IPAddress -and [int]$_.PrefixLength -eq $PrefixLength -and [string]$_.PrefixOrigin -eq 'Manual' })
    $others = @($addresses | Where-Object -FilterScript { [string]$_.PrefixOrigin -eq 'Manual' -and -not ($_.IPAddress -eq $IPAddress -and [int]$_.PrefixLength -eq $PrefixLength) })
    if (-not $dhcpEnabled -and $wanted.Count -gt 0 -and $others.Count -eq 0 -and $publicProfile.Count -eq 0) {
        Write-Verbose -Message ("'{0}' already has {1}/{2}" -f $vnicName, $IPAddress, $PrefixLength)
        return
    }

    if ($PSCmdlet.ShouldProcess($vnicName, ('Set static IPv4 address {0}/{1}' -f $IPAddress, $PrefixLength))) {
        $doing = "set {0}/{1} on '{2}'" -f $IPAddress, $PrefixLength, $vnicName
        try {
            if ($dhcpEnabled) {
                NetTCPIP\Set-NetIPInterface -InterfaceIndex $interfaceIndex -AddressFamily IPv4 -Dhcp Disabled -Confirm:$false -ErrorAction Stop
            }
            foreach ($other in $others) {
                Write-Verbose -Message ("Removing {0}/{1} from '{2}'" -f $other.IPAddress, $other.PrefixLength, $vnicName)
                NetTCPIP\Remove-NetIPAddress -InterfaceIndex $interfaceIndex -IPAddress $other.IPAddress -AddressFamily IPv4 -Confirm:$false -ErrorAction Stop
            }
            if ($wanted.Count -eq 0) {
                $null = NetTCPIP\New-NetIPAddress -InterfaceIndex $interfaceIndex -IPAddress $IPAddress -PrefixLength $PrefixLength -AddressFamily IPv4 -ErrorAction Stop
                $doing = "restart File and Printer Sharing (ms_server) on '{0}'" -f $vnicName
                Reset-MobyKitServerBinding -Adapter $adapter
            }
            if ($publicProfile.Count -gt 0) {
                $doing = "make the network of '{0}' Private" -f $vnicName
                Set-MobyKitPrivateProfile -InterfaceIndex $interfaceIndex -InterfaceName $vnicName
            }
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('Could not {0}' -f $doing) -ErrorRecord $_ -TargetObject $vnicName))
        }
    }
}
