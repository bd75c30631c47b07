BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function New-TestAddress([string]$Alias, [int]$Index, [string]$IP) { [pscustomobject]@{ InterfaceAlias = $Alias; InterfaceIndex = $Index; IPAddress = $IP; PrefixLength = 24; PrefixOrigin = 'Manual' } }
}

Describe 'Remove-MobyKitHostAddress' {
    BeforeEach {
        Mock -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress { }
        # The switch's vNIC, found through the switch (Get-MobyKitSwitchVnic).
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = '6f4c1d2e-0000-4000-8000-000000000001'; DeviceId = '{D0C0}'; MacAddress = '00155D000001' } }
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapter { [pscustomobject]@{ Name = 'vEthernet (DockerNAT)'; ifIndex = 17; DeviceID = '{D0C0}'; MacAddress = '00-15-5D-00-00-01'; InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter' } }
    }

    It 'removes the address from that interface, by index' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { New-TestAddress 'Ethernet' 3 '10.0.75.1'; New-TestAddress 'vEthernet (DockerNAT)' 17 '10.0.75.1' }
        Remove-MobyKitHostAddress -SwitchName 'DockerNAT' -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1'
        Should -Invoke -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress -Times 1 -Exactly -ParameterFilter { $InterfaceIndex -eq 17 -and $IPAddress -eq '10.0.75.1' }
    }
    It 'does nothing when the interface does not hold it' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { New-TestAddress 'vEthernet (DockerNAT)' 17 '169.254.1.2' }
        Remove-MobyKitHostAddress -SwitchName 'DockerNAT' -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1'
        Should -Invoke -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress -Times 0 -Exactly
    }
    It 'surfaces a refusal as the JSON error' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { New-TestAddress 'vEthernet (DockerNAT)' 17 '10.0.75.1' }
        Mock -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress { Invoke-WindowsRefusal Remove-NetIPAddress 'Access denied' PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitHostAddress' -Parameters @{ SwitchName = 'DockerNAT'; InterfaceAlias = 'vEthernet (DockerNAT)'; IPAddress = '10.0.75.1' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not remove 10.0.75.1 from 'vEthernet (DockerNAT)': Access denied"
        $reply.error.cmdlet | Should -Be 'Remove-NetIPAddress'
    }
}
