function Set-MobyKitHostAddress {
    <#
    .SYNOPSIS
        Gives the host vNIC a single static IPv4 address.
    .DESCRIPTION
        Disables DHCP on the interface (Set-NetIPInterface -Dhcp Disabled), removes the other
        manual IPv4 addresses on that interface alias, then adds the address (New-NetIPAddress),
        and files the network as Private: on a Public network the File and Printer Sharing rule
        does not apply and the VM cannot mount the share.
        Idempotent: an interface that already has exactly this address and prefix, on a network
        that is not Public, is left alone.
    .PARAMETER InterfaceAlias
        The host vNIC, e.g. 'vEthernet (DockerNAT)'.
    .PARAMETER IPAddress
        The IPv4 address, e.g. '10.0.75.1'.
    .PARAMETER PrefixLength
        The prefix length, e.g. 24.
    .EXAMPLE
        Set-MobyKitHostAddress -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1' -PrefixLength 24 -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
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
        $interface = @(NetTCPIP\Get-NetIPInterface -AddressFamily IPv4 -ErrorAction Stop | Where-Object -FilterScript { $_.InterfaceAlias -eq $InterfaceAlias })
        $addresses = @(NetTCPIP\Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop | Where-Object -FilterScript { $_.InterfaceAlias -eq $InterfaceAlias })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read the IPv4 configuration of '{0}'" -f $InterfaceAlias) -ErrorRecord $_ -TargetObject $InterfaceAlias))
    }
    if ($interface.Count -eq 0) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("There is no IPv4 interface '{0}': was the virtual switch created?" -f $InterfaceAlias) -Category ObjectNotFound -ErrorId 'MobyKit.NoInterface' -TargetObject $InterfaceAlias))
    }

    $dhcpEnabled = [string]$interface[0].Dhcp -eq 'Enabled'
    # The interface is addressed by index from here on: to Get-NetConnectionProfile, Set-NetIPInterface
    # and Remove-NetIPAddress, -InterfaceAlias is a wildcard pattern ('[' in a switch name).
    $interfaceIndex = [uint32]$interface[0].InterfaceIndex
    # An unidentified network may have no profile yet; that is not an error.
    $publicProfile = @(NetConnection\Get-NetConnectionProfile -InterfaceIndex $interfaceIndex -ErrorAction SilentlyContinue |
        Where-Object -FilterScript { [string]$_.NetworkCategory -eq 'Public' })
    $wanted = @($addresses | Where-Object -FilterScript { $_.IPAddress -eq $IPAddress -and [int]$_.PrefixLength -eq $PrefixLength -and [string]$_.PrefixOrigin -eq 'Manual' })
    $others = @($addresses | Where-Object -FilterScript { [string]$_.PrefixOrigin -eq 'Manual' -and -not ($_.IPAddress -eq $IPAddress -and [int]$_.PrefixLength -eq $PrefixLength) })
    if (-not $dhcpEnabled -and $wanted.Count -gt 0 -and $others.Count -eq 0 -and $publicProfile.Count -eq 0) {
        Write-Verbose -Message ("'{0}' already has {1}/{2}" -f $InterfaceAlias, $IPAddress, $PrefixLength)
        return
    }

    if ($PSCmdlet.ShouldProcess($InterfaceAlias, ('Set static IPv4 address {0}/{1}' -f $IPAddress, $PrefixLength))) {
        try {
            if ($dhcpEnabled) {
                NetTCPIP\Set-NetIPInterface -InterfaceIndex $interfaceIndex -AddressFamily IPv4 -Dhcp Disabled -Confirm:$false -ErrorAction Stop
            }
            foreach ($other in $others) {
                Write-Verbose -Message ("Removing {0}/{1} from '{2}'" -f $other.IPAddress, $other.PrefixLength, $InterfaceAlias)
                NetTCPIP\Remove-NetIPAddress -InterfaceIndex $interfaceIndex -IPAddress $other.IPAddress -AddressFamily IPv4 -Confirm:$false -ErrorAction Stop
            }
            if ($wanted.Count -eq 0) {
                $null = NetTCPIP\New-NetIPAddress -InterfaceIndex $interfaceIndex -IPAddress $IPAddress -PrefixLength $PrefixLength -AddressFamily IPv4 -ErrorAction Stop
            }
            if ($publicProfile.Count -gt 0) {
                NetConnection\Set-NetConnectionProfile -InterfaceIndex $interfaceIndex -NetworkCategory Private -ErrorAction Stop
            }
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not set {0}/{1} on '{2}'" -f $IPAddress, $PrefixLength, $InterfaceAlias) -ErrorRecord $_ -TargetObject $InterfaceAlias))
        }
    }
}
