function Compare-MobyKitFirewallRule {
    <#
    .SYNOPSIS
        The names of the properties in which a rule differs from what is wanted.
    .DESCRIPTION
        Compares the flattened rule (Get-MobyKitFirewallRuleState) with the wanted values,
        case-insensitively. Profile is compared as a set of flags, so 'Private, Public' equals
        'Public,Private'.
    .PARAMETER Current
        The flattened rule.
    .PARAMETER Wanted
        A hashtable with DisplayName, Protocol, Program, Profile, EdgeTraversalPolicy, Direction,
        Action, Group and Description.
    .EXAMPLE
        Compare-MobyKitFirewallRule -Current $state -Wanted $wanted
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]$Current,

        [Parameter(Mandatory = $true)]
        [System.Collections.IDictionary]$Wanted
    )

    $differences = New-Object -TypeName System.Collections.Generic.List[string]
    foreach ($key in @('DisplayName', 'Protocol', 'Program', 'EdgeTraversalPolicy', 'Direction', 'Action', 'Group', 'Description')) {
        if ([string]$Current[$key] -ne [string]$Wanted[$key]) {
            $differences.Add($key)
        }
    }
    $currentProfile = @(([string]$Current['Profile']) -split '\s*,\s*' | Where-Object -FilterScript { $_ -ne '' } | Sort-Object) -join ','
    $wantedProfile = @(([string]$Wanted['Profile']) -split '\s*,\s*' | Where-Object -FilterScript { $_ -ne '' } | Sort-Object) -join ','
    if ($currentProfile -ne $wantedProfile) {
        $differences.Add('Profile')
    }
    if (-not $Current['Enabled']) {
        $differences.Add('Enabled')
    }
    return , $differences.ToArray()
}
