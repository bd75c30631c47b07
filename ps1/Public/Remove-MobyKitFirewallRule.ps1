function Remove-MobyKitFirewallRule {
    <#
    .SYNOPSIS
        Removes a mobykit firewall rule by its Name.
    .DESCRIPTION
        Remove-NetFirewallRule -Name. Idempotent: a missing rule means nothing to do.
    .PARAMETER Name
        The rule's Name (its unique ID).
    .EXAMPLE
        Remove-MobyKitFirewallRule -Name 'DockerTcp' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = Get-MobyKitFirewallRuleByName -Name $Name
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read firewall rule '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -eq $existing) {
        Write-Verbose -Message ("No firewall rule '{0}': nothing to remove" -f $Name)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, 'Remove firewall rule')) {
        try {
            # The rule found, not -Name: a name is a wildcard pattern to these cmdlets.
            NetSecurity\Remove-NetFirewallRule -InputObject $existing -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove firewall rule '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
