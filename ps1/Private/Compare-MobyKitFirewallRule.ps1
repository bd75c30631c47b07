function Compare-MobyKitFirewallRule {
    <#
    .SYNOPSIS
        The names of the properties in which a rule differs from what is wanted.
    .DESCRIPTION
        Compares the flattened rule (Get-MobyKitFirewallRuleState) with the wanted values,
        case-insensitively. Profile is compared as a set of flags, so 'Private, Public' equals
        'Public,Private'; addresses by what they mean (ConvertTo-MobyKitAddressKey), so the
        10.0.75.0/255.255.255.0 Windows reports equals the 10.0.75.0/24 that was set.
    .PARAMETER Current
        The flattened rule.
    .PARAMETER Wanted
        A hashtable with DisplayName, Protocol, Program, Profile, EdgeTraversalPolicy, Direction,
        Action, Group and Description, and optionally LocalPort, LocalAddress and RemoteAddress.
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
    foreach ($key in @('LocalPort', 'LocalAddress', 'RemoteAddress')) {
        if ($Wanted.Contains($key)) {
            # Addresses as Windows reports them: 10.0.75.0/255.255.255.0 equals 10.0.75.0/24.
            $currentList = @(@($Current[$key]) | ForEach-Object -Process { ConvertTo-MobyKitAddressKey -Address ([string]$_) } | Sort-Object) -join ','
            $wantedList = @(@($Wanted[$key]) | ForEach-Object -Process { ConvertTo-MobyKitAddressKey -Address ([string]$_) } | Sort-Object) -join ','
            if ($currentList -ne $wantedList) {
                $differences.Add($key)
            }
        }
    }
    # Enabled unless the caller asks otherwise (a rollback putting back a rule that was disabled).
    $wantEnabled = $true
    if ($Wanted.Contains('Enabled')) {
        $wantEnabled = [bool]$Wanted['Enabled']
    }
    if ([bool]$Current['Enabled'] -ne $wantEnabled) {
        $differences.Add('Enabled')
    }
    # Names are written one by one: callers collect them with @(...), which would otherwise hold
    # one nested array (Count 1 even with no difference, and -contains never matching).
    return $differences.ToArray()
}
