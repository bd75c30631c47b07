function Get-MobyKitFirewallRuleByName {
    <#
    .SYNOPSIS
        The firewall rule with this Name (the rule's ID, not its DisplayName), $null when absent.
    .DESCRIPTION
        Get-NetFirewallRule -Name is fast, unlike listing every rule, but writes ObjectNotFound when
        the rule does not exist: that means absent. Any other error (access denied) is thrown.
    .PARAMETER Name
        The rule's Name.
    .EXAMPLE
        $rule = Get-MobyKitFirewallRuleByName -Name 'DockerTcp'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )

    $lookupErrors = $null
    $rule = @(NetSecurity\Get-NetFirewallRule -Name $Name -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
    Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
    if ($rule.Count -eq 0) {
        return $null
    }
    return $rule[0]
}
