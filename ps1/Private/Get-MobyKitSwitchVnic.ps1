function Get-MobyKitSwitchVnic {
    <#
    .SYNOPSIS
        The host's network adapter (Get-NetAdapter) of a virtual switch, found through the switch, $null when it has none.
    .DESCRIPTION
        Never by the name 'vEthernet (<switch>)': an adapter left by an earlier switch can hold
        that name, and the new switch's vNIC is then 'vEthernet (<switch>) 2'. As Docker's
        MobyLinux.ps1 did, the management-OS adapter of the switch (Get-VMNetworkAdapter
        -ManagementOS) is matched to its Get-NetAdapter by DeviceID, or failing that by MAC
        address. A switch name held by two switches is refused: which vNIC is meant is unknown.
    .PARAMETER SwitchName
        The switch's name (exact; no wildcard).
    .PARAMETER SwitchId
        The switch's Id: the exact switch, whatever its name.
    .EXAMPLE
        $adapter = Get-MobyKitSwitchVnic -SwitchName 'DockerNAT'; $adapter.ifIndex
    #>
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'ByName')]
        [ValidateNotNullOrEmpty()]
        [string]$SwitchName,

        [Parameter(Mandatory = $true, ParameterSetName = 'ById')]
        [guid]$SwitchId
    )

    # All management-OS adapters, filtered exactly: -SwitchName would take wildcards.
    $vnics = @(Hyper-V\Get-VMNetworkAdapter -ManagementOS -ErrorAction Stop | Where-Object -FilterScript {
            if ($PSCmdlet.ParameterSetName -eq 'ById') { [string]$_.SwitchId -eq [string]$SwitchId } else { [string]$_.SwitchName -eq $SwitchName }
        })
    if ($vnics.Count -eq 0) {
        return $null
    }
    if ($vnics.Count -gt 1) {
        throw ("{0} host vNICs belong to switches named '{1}': which one is mobykit's cannot be told" -f $vnics.Count, $vnics[0].SwitchName)
    }
    $vnic = $vnics[0]
    $mac = ([string]$vnic.MacAddress -replace '[^0-9A-Fa-f]', '').ToUpperInvariant()
    $adapters = @(NetAdapter\Get-NetAdapter -ErrorAction Stop)
    $found = @($adapters | Where-Object -FilterScript { $vnic.DeviceId -and [string]$_.DeviceID -eq [string]$vnic.DeviceId })
    if ($found.Count -eq 0 -and $mac) {
        $found = @($adapters | Where-Object -FilterScript { ([string]$_.MacAddress -replace '[^0-9A-Fa-f]', '').ToUpperInvariant() -eq $mac })
    }
    if ($found.Count -eq 0) {
        return $null
    }
    return $found[0]
}
