# Issue 11: the host vNIC is found through its switch (a stale 'vEthernet (DockerNAT)' must not get
# 10.0.75.1), its address is removed before the switch, ms_server is cycled after an address
# change, and making the network Private never flips other interfaces.
BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:SwitchId = [guid]'6f4c1d2e-0000-4000-8000-000000000001'
    $script:Call = @{ SwitchName = 'DockerNAT'; InterfaceAlias = 'vEthernet (DockerNAT)'; IPAddress = '10.0.75.1'; PrefixLength = 24 }
}

Describe 'Host vNIC and its address (issue 11)' {
    BeforeEach {
        $script:Order = New-Object -TypeName System.Collections.Generic.List[string]
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapter {
            [pscustomobject]@{ Name = 'vEthernet (DockerNAT)'; ifIndex = 11; DeviceID = '{OLD}'; MacAddress = '00-15-5D-00-00-0A'; InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter' }
            [pscustomobject]@{ Name = 'vEthernet (DockerNAT) 2'; ifIndex = 22; DeviceID = '{NEW}'; MacAddress = '00-15-5D-00-00-0B'; InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter #2' }
        }
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = $script:SwitchId.ToString(); DeviceId = '{NEW}'; MacAddress = '00155D00000B' } } -ParameterFilter { $ManagementOS }
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface { [pscustomobject]@{ InterfaceIndex = $InterfaceIndex; AddressFamily = 'IPv4'; Dhcp = 'Enabled' } }
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { [pscustomobject]@{ InterfaceAlias = 'vEthernet (DockerNAT) 2'; InterfaceIndex = 22; IPAddress = '10.0.75.1'; PrefixLength = 24; PrefixOrigin = 'Manual' } }
        Mock -ModuleName MobyKit NetConnection\Get-NetConnectionProfile { [pscustomobject]@{ InterfaceIndex = 22; InterfaceAlias = 'vEthernet (DockerNAT) 2'; NetworkCategory = 'Private' } }
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapterBinding {
            [pscustomobject]@{ InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter #2'; ComponentID = 'ms_server' }
            [pscustomobject]@{ InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter #20'; ComponentID = 'ms_server' }
        }
        foreach ($command in 'NetTCPIP\Set-NetIPInterface', 'NetTCPIP\New-NetIPAddress', 'NetConnection\Set-NetConnectionProfile') { Mock -ModuleName MobyKit $command { } }
        Mock -ModuleName MobyKit NetAdapter\Disable-NetAdapterBinding { $script:Order.Add('disable ' + $InputObject.InterfaceDescription) }
        Mock -ModuleName MobyKit NetAdapter\Enable-NetAdapterBinding { $script:Order.Add('enable ' + $InputObject.InterfaceDescription) }
        Mock -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress { $script:Order.Add(('remove {0} from {1}' -f ($IPAddress -join ','), ($InterfaceIndex -join ','))) }
        Mock -ModuleName MobyKit Hyper-V\Remove-VMSwitch { $script:Order.Add('remove switch') }
    }

    It 'gives the address to the switch''s vNIC (ifIndex 22), not the stale adapter named vEthernet (DockerNAT)' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { [pscustomobject]@{ InterfaceAlias = 'vEthernet (DockerNAT)'; InterfaceIndex = 11; IPAddress = '169.254.1.1'; PrefixLength = 16; PrefixOrigin = 'WellKnown' } }
        Set-MobyKitHostAddress @script:Call
        Should -Invoke -ModuleName MobyKit NetTCPIP\New-NetIPAddress -Times 1 -Exactly -ParameterFilter { $InterfaceIndex -eq 22 -and $IPAddress -eq '10.0.75.1' }
        Should -Invoke -ModuleName MobyKit NetTCPIP\Set-NetIPInterface -Times 1 -Exactly -ParameterFilter { $InterfaceIndex -eq 22 }
        Should -Invoke -ModuleName MobyKit NetTCPIP\New-NetIPAddress -Times 0 -Exactly -ParameterFilter { $InterfaceIndex -eq 11 }
    }

    It 'cycles ms_server on that vNIC only (exact InterfaceDescription), after the new address' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { }
        Set-MobyKitHostAddress @script:Call
        @($script:Order) | Should -Be @('disable Hyper-V Virtual Ethernet Adapter #2', 'enable Hyper-V Virtual Ethernet Adapter #2')
        Should -Invoke -ModuleName MobyKit NetAdapter\Get-NetAdapterBinding -Times 1 -Exactly -ParameterFilter { $InterfaceDescription -eq 'Hyper-V Virtual Ethernet Adapter `#2' -or $InterfaceDescription -eq 'Hyper-V Virtual Ethernet Adapter #2' }
    }

    It 'does not cycle ms_server when the address was already there' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface { [pscustomobject]@{ InterfaceIndex = 22; AddressFamily = 'IPv4'; Dhcp = 'Disabled' } }
        Set-MobyKitHostAddress @script:Call
        Should -Invoke -ModuleName MobyKit NetAdapter\Disable-NetAdapterBinding -Times 0 -Exactly
    }

    It 'removes the vNIC''s manual addresses, by index, before removing the switch' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { [pscustomobject]@{ Name = 'DockerNAT'; Id = $script:SwitchId } }
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress {
            [pscustomobject]@{ InterfaceIndex = 22; IPAddress = '10.0.75.1'; PrefixLength = 24; PrefixOrigin = 'Manual' }
            [pscustomobject]@{ InterfaceIndex = 22; IPAddress = '169.254.1.1'; PrefixLength = 16; PrefixOrigin = 'WellKnown' }
            [pscustomobject]@{ InterfaceIndex = 11; IPAddress = '10.0.76.1'; PrefixLength = 24; PrefixOrigin = 'Manual' }
        }
        Remove-MobyKitSwitch -Name 'DockerNAT' -Id $script:SwitchId -Confirm:$false
        @($script:Order) | Should -Be @('remove 10.0.75.1 from 22', 'remove switch')
    }

    It 'Remove-MobyKitHostAddress removes it from the switch''s vNIC, not from the stale adapter' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress {
            [pscustomobject]@{ InterfaceIndex = 11; IPAddress = '10.0.75.1'; PrefixLength = 24; PrefixOrigin = 'Manual' }
            [pscustomobject]@{ InterfaceIndex = 22; IPAddress = '10.0.75.1'; PrefixLength = 24; PrefixOrigin = 'Manual' }
        }
        Remove-MobyKitHostAddress -SwitchName 'DockerNAT' -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1'
        @($script:Order) | Should -Be @('remove 10.0.75.1 from 22')
    }

    It 'makes only this vNIC Private; when Windows flips another interface with it, sets that back and refuses' {
        $script:Categories = @{ 22 = 'Public'; 30 = 'Public'; 5 = 'Private' }
        Mock -ModuleName MobyKit NetConnection\Get-NetConnectionProfile {
            foreach ($index in @($script:Categories.Keys)) {
                if (-not $PSBoundParameters.ContainsKey('InterfaceIndex') -or @($InterfaceIndex) -contains $index) {
                    [pscustomobject]@{ InterfaceIndex = $index; InterfaceAlias = ('if{0}' -f $index); NetworkCategory = $script:Categories[$index] }
                }
            }
        }
        # Windows' shared unidentified network: setting 22 also sets 30.
        Mock -ModuleName MobyKit NetConnection\Set-NetConnectionProfile {
            $index = [int]@($InterfaceIndex)[0]
            $script:Categories[$index] = [string]$NetworkCategory
            if ($index -eq 22) { $script:Categories[30] = [string]$NetworkCategory }
        }
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface { [pscustomobject]@{ InterfaceIndex = 22; AddressFamily = 'IPv4'; Dhcp = 'Disabled' } }
        { Set-MobyKitHostAddress @script:Call } | Should -Throw -ExpectedMessage "*Making 'vEthernet (DockerNAT) 2' Private also changed 'if30'*they were set back*"
        $script:Categories[30] | Should -Be 'Public'
        $script:Categories[5] | Should -Be 'Private'
        Should -Invoke -ModuleName MobyKit NetConnection\Set-NetConnectionProfile -Times 1 -Exactly -ParameterFilter { $InterfaceIndex -eq 22 -and [string]$NetworkCategory -eq 'Private' }
    }
}
