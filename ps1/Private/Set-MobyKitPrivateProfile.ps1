function Set-MobyKitPrivateProfile {
    <#
    .SYNOPSIS
        Makes one interface's network Private, and refuses if Windows changed other interfaces with it.
    .DESCRIPTION
        An internal vNIC has no gateway: Windows files it under an unidentified network, and
        setting that network's category can change every interface that shares it (WSL, Default
        Switch vNICs), which opens Private-profile inbound rules on them (windows-powershell-docs
        #535). The profiles of all interfaces are read before and after; any other interface whose
        category changed is set back, and this fails, saying which.
    .PARAMETER InterfaceIndex
        The interface to make Private.
    .PARAMETER InterfaceName
        Its name, for messages.
    .EXAMPLE
        Set-MobyKitPrivateProfile -InterfaceIndex 23 -InterfaceName 'vEthernet (DockerNAT)'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [uint32]$InterfaceIndex,

        [Parameter(Mandatory = $true)]
        [string]$InterfaceName
    )

    $before = @{}
    foreach ($networkProfile in @(NetConnection\Get-NetConnectionProfile -ErrorAction Stop)) {
        $before[[uint32]$networkProfile.InterfaceIndex] = [string]$networkProfile.NetworkCategory
    }
    NetConnection\Set-NetConnectionProfile -InterfaceIndex $InterfaceIndex -NetworkCategory Private -ErrorAction Stop
    $flipped = @(NetConnection\Get-NetConnectionProfile -ErrorAction Stop | Where-Object -FilterScript {
            [uint32]$_.InterfaceIndex -ne $InterfaceIndex -and $before.ContainsKey([uint32]$_.InterfaceIndex) -and
            [string]$_.NetworkCategory -ne $before[[uint32]$_.InterfaceIndex]
        })
    if ($flipped.Count -eq 0) {
        return
    }
    foreach ($other in $flipped) {
        NetConnection\Set-NetConnectionProfile -InterfaceIndex ([uint32]$other.InterfaceIndex) -NetworkCategory $before[[uint32]$other.InterfaceIndex] -ErrorAction Stop
    }
    $names = ($flipped | ForEach-Object -Process { "'{0}'" -f $_.InterfaceAlias }) -join ', '
    throw ("Making '{0}' Private also changed {1}, which share its network profile; they were set back. Make '{0}' Private by hand once it has a network of its own, or leave it Public: mobykit's SMB firewall rule applies to every profile" -f $InterfaceName, $names)
}
