function Get-MobyKitFirewallRuleByName {
    <#
    .SYNOPSIS
        The firewall rule with this Name (the rule's ID, not its DisplayName), $null when absent.
    .DESCRIPTION
        Get-NetFirewallRule -Name is fast, unlike listing every rule, but writes ObjectNotFound when
        the rule does not exist: that means absent. Any other error (access denied) is thrown.
        -Name takes wildcards ('Docker*' matches every Docker rule): the name is escaped, and only
        a rule whose Name is exactly this one is returned. Callers change or remove that object
        (-InputObject), never whatever -Name would match.
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
    $pattern = [System.Management.Automation.WildcardPattern]::Escape($Name)
    $rule = @(NetSecurity\Get-NetFirewallRule -Name $pattern -ErrorAction SilentlyContinue -ErrorVariable lookupErrors |
        Where-Object -FilterScript { [string]$_.Name -eq $Name })
    Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
    if ($rule.Count -eq 0) {
        return $null
    }
    return $rule[0]
}
