function New-MobyKitFirewallRule {
    <#
    .SYNOPSIS
        Creates an inbound firewall rule for the Docker proxy.
    .DESCRIPTION
        New-NetFirewallRule with -Program, -Protocol, -Profile, -EdgeTraversalPolicy, -Group and
        -Description. Idempotent: a rule of that Name with the same settings is left alone; one
        with other settings is refused (mobykit plans an update for it).
    .PARAMETER Name
        The rule's Name (its unique ID), e.g. 'DockerTcp'.
    .PARAMETER DisplayName
        The name shown in the firewall console.
    .PARAMETER Protocol
        TCP or UDP.
    .PARAMETER Program
        The full path of the program the rule allows.
    .PARAMETER Profile
        Any, or a comma-separated list of Domain, Private, Public.
    .PARAMETER EdgeTraversalPolicy
        Block, Allow, DeferToUser or DeferToApp.
    .PARAMETER Direction
        Inbound.
    .PARAMETER Action
        Allow.
    .PARAMETER Group
        The rule group: mobykit's ownership marker.
    .PARAMETER Description
        The rule description.
    .PARAMETER LocalPort
        Local ports, or 'Any'.
    .PARAMETER LocalAddress
        Local addresses or prefixes, or 'Any'.
    .PARAMETER RemoteAddress
        Remote addresses or prefixes, or 'Any'.
    .EXAMPLE
        New-MobyKitFirewallRule -Name DockerTcp -DisplayName DockerTcp -Protocol TCP -Program 'C:\Program Files\Docker\Docker\Resources\com.docker.proxy.exe' -Profile Any -EdgeTraversalPolicy DeferToUser -Direction Inbound -Action Allow -Group mobykit -Description 'Managed by mobykit' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$DisplayName,

        [Parameter(Mandatory = $true)]
        [ValidateSet('TCP', 'UDP')]
        [string]$Protocol,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Program,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Profile,

        [Parameter(Mandatory = $true)]
        [ValidateSet('Block', 'Allow', 'DeferToUser', 'DeferToApp')]
        [string]$EdgeTraversalPolicy,

        [Parameter(Mandatory = $true)]
        [ValidateSet('Inbound', 'Outbound')]
        [string]$Direction,

        [Parameter(Mandatory = $true)]
        [ValidateSet('Allow', 'Block')]
        [string]$Action,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Group,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Description,

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string[]]$LocalPort = @('Any'),

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string[]]$LocalAddress = @('Any'),

        [Parameter()]
        [ValidateNotNullOrEmpty()]
        [string[]]$RemoteAddress = @('Any')
    )

    $ErrorActionPreference = 'Stop'
    $wanted = @{
        DisplayName = $DisplayName; Protocol = $Protocol; Program = $Program; Profile = $Profile
        EdgeTraversalPolicy = $EdgeTraversalPolicy; Direction = $Direction; Action = $Action
        Group = $Group; Description = $Description
        LocalPort = $LocalPort; LocalAddress = $LocalAddress; RemoteAddress = $RemoteAddress
    }
    try {
        $existing = Get-MobyKitFirewallRuleByName -Name $Name
        if ($null -ne $existing) {
            $differences = @(Compare-MobyKitFirewallRule -Current (Get-MobyKitFirewallRuleState -Rule $existing) -Wanted $wanted)
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read firewall rule '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -ne $existing) {
        if ($differences.Count -eq 0) {
            Write-Verbose -Message ("Firewall rule '{0}' already exists as wanted" -f $Name)
            return
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Firewall rule '{0}' already exists with other settings ({1}); update it instead" -f $Name, ($differences -join ', ')) -Category ResourceExists -ErrorId 'MobyKit.FirewallRuleConflict' -TargetObject $Name))
    }

    if ($PSCmdlet.ShouldProcess($Name, ('Create {0} {1} firewall rule for {2}' -f $Direction, $Protocol, $Program))) {
        $ruleParameters = @{
            Name                = $Name
            DisplayName         = $DisplayName
            Direction           = $Direction
            Action              = $Action
            Protocol            = $Protocol
            Program             = $Program
            Profile             = $Profile
            EdgeTraversalPolicy = $EdgeTraversalPolicy
            Group               = $Group
            Description         = $Description
            LocalPort           = $LocalPort
            LocalAddress        = $LocalAddress
            RemoteAddress       = $RemoteAddress
            Enabled             = 'True'
        }
        try {
            $null = NetSecurity\New-NetFirewallRule @ruleParameters -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not create firewall rule '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
