function Set-MobyKitFirewallRule {
    <#
    .SYNOPSIS
        Creates a mobykit firewall rule, or brings an existing one to the wanted settings.
    .DESCRIPTION
        A missing rule is created with New-NetFirewallRule. An existing one is updated with
        Set-NetFirewallRule -Name: -NewDisplayName, -Program, -Protocol, -Profile,
        -EdgeTraversalPolicy, -Direction, -Action, -Description, the filters and -Enabled (True
        unless -Enabled False is given: a rollback puts back a rule that was disabled).
        The rule Group cannot be changed by parameter: when it differs, the rule's Group property
        is set and the rule passed back through Set-NetFirewallRule -InputObject. Idempotent: a
        rule that already matches is left alone. mobykit decides beforehand whether a rule is its
        own to change.
    .PARAMETER Name
        The rule's Name (its unique ID).
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
    .PARAMETER Enabled
        'True' (the default) or 'False', which only a rollback uses to put back a disabled rule.
    .EXAMPLE
        Set-MobyKitFirewallRule -Name DockerTcp -DisplayName DockerTcp -Protocol TCP -Program 'C:\Program Files\Docker\Docker\Resources\com.docker.proxy.exe' -Profile 'Private, Public' -EdgeTraversalPolicy DeferToUser -Direction Inbound -Action Allow -Group mobykit -Description 'Managed by mobykit' -WhatIf
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
        [string[]]$RemoteAddress = @('Any'),

        [Parameter()]
        [ValidateSet('True', 'False')]
        [string]$Enabled = 'True'
    )

    $ErrorActionPreference = 'Stop'
    $wanted = @{
        DisplayName = $DisplayName; Protocol = $Protocol; Program = $Program; Profile = $Profile
        EdgeTraversalPolicy = $EdgeTraversalPolicy; Direction = $Direction; Action = $Action
        Group = $Group; Description = $Description
        LocalPort = $LocalPort; LocalAddress = $LocalAddress; RemoteAddress = $RemoteAddress
        Enabled = ($Enabled -eq 'True')
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
    if ($null -eq $existing) {
        if ($PSCmdlet.ShouldProcess($Name, ('Create {0} {1} firewall rule for {2}' -f $Direction, $Protocol, $Program))) {
            $newRuleParameters = @{
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
                Enabled             = $Enabled
            }
            try {
                $null = NetSecurity\New-NetFirewallRule @newRuleParameters -ErrorAction Stop
            }
            catch {
                $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not create firewall rule '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
            }
        }
        return
    }
    if ($differences.Count -eq 0) {
        Write-Verbose -Message ("Firewall rule '{0}' already matches" -f $Name)
        return
    }

    if ($PSCmdlet.ShouldProcess($Name, ('Update firewall rule ({0})' -f ($differences -join ', ')))) {
        # The rule found, not -Name: a name is a wildcard pattern to Set-NetFirewallRule.
        $ruleParameters = @{
            InputObject         = $existing
            NewDisplayName      = $DisplayName
            Direction           = $Direction
            Action              = $Action
            Protocol            = $Protocol
            Program             = $Program
            Profile             = $Profile
            EdgeTraversalPolicy = $EdgeTraversalPolicy
            Description         = $Description
            LocalPort           = $LocalPort
            LocalAddress        = $LocalAddress
            RemoteAddress       = $RemoteAddress
            Enabled             = $Enabled
        }
        try {
            NetSecurity\Set-NetFirewallRule @ruleParameters -Confirm:$false -ErrorAction Stop
            if ($differences -contains 'Group') {
                $rule = Get-MobyKitFirewallRuleByName -Name $Name
                $rule.Group = $Group
                NetSecurity\Set-NetFirewallRule -InputObject $rule -Confirm:$false -ErrorAction Stop
            }
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not update firewall rule '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
