function Get-MobyKitFirewallRuleState {
    <#
    .SYNOPSIS
        A firewall rule with its filters, flattened to the snapshot's property names.
    .DESCRIPTION
        Reads the rule's application, port and address filters (Get-NetFirewallApplicationFilter,
        Get-NetFirewallPortFilter, Get-NetFirewallAddressFilter) and returns Name, DisplayName,
        Enabled, Direction, Action, Profile, EdgeTraversalPolicy, Program, Protocol, LocalPort,
        LocalAddress, RemoteAddress, Group and Description, with enums as their names.
    .PARAMETER Rule
        A rule from Get-NetFirewallRule.
    .EXAMPLE
        Get-MobyKitFirewallRuleState -Rule (Get-MobyKitFirewallRuleByName -Name 'DockerTcp')
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Rule
    )

    $application = @(NetSecurity\Get-NetFirewallApplicationFilter -AssociatedNetFirewallRule $Rule -ErrorAction Stop)
    $port = @(NetSecurity\Get-NetFirewallPortFilter -AssociatedNetFirewallRule $Rule -ErrorAction Stop)
    $address = @(NetSecurity\Get-NetFirewallAddressFilter -AssociatedNetFirewallRule $Rule -ErrorAction Stop)

    $program = 'Any'
    if ($application.Count -gt 0 -and -not [string]::IsNullOrEmpty([string]$application[0].Program)) {
        $program = [string]$application[0].Program
    }
    $protocol = 'Any'
    $localPort = @('Any')
    if ($port.Count -gt 0) {
        if (-not [string]::IsNullOrEmpty([string]$port[0].Protocol)) {
            $protocol = [string]$port[0].Protocol
        }
        if ($null -ne $port[0].LocalPort) {
            $localPort = @($port[0].LocalPort | ForEach-Object -Process { [string]$_ })
        }
    }
    $localAddress = @('Any')
    $remoteAddress = @('Any')
    if ($address.Count -gt 0) {
        if ($null -ne $address[0].LocalAddress) {
            $localAddress = @($address[0].LocalAddress | ForEach-Object -Process { [string]$_ })
        }
        if ($null -ne $address[0].RemoteAddress) {
            $remoteAddress = @($address[0].RemoteAddress | ForEach-Object -Process { [string]$_ })
        }
    }

    return [ordered]@{
        Name                = [string]$Rule.Name
        DisplayName         = [string]$Rule.DisplayName
        Enabled             = ([string]$Rule.Enabled -eq 'True')
        Direction           = [string]$Rule.Direction
        Action              = [string]$Rule.Action
        Profile             = [string]$Rule.Profile
        EdgeTraversalPolicy = [string]$Rule.EdgeTraversalPolicy
        Program             = $program
        Protocol            = $protocol
        LocalPort           = $localPort
        LocalAddress        = $localAddress
        RemoteAddress       = $remoteAddress
        Group               = [string]$Rule.Group
        Description         = [string]$Rule.Description
    }
}
