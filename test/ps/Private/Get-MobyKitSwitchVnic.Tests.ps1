BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:SwitchId = '6f4c1d2e-0000-4000-8000-000000000001'
}

Describe 'Get-MobyKitSwitchVnic' {
    BeforeEach {
        # A stale 'vEthernet (DockerNAT)' from an earlier switch, and the new switch's vNIC named '... 2'.
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapter {
            [pscustomobject]@{ Name = 'vEthernet (DockerNAT)'; ifIndex = 11; DeviceID = '{OLD}'; MacAddress = '00-15-5D-00-00-0A' }
            [pscustomobject]@{ Name = 'vEthernet (DockerNAT) 2'; ifIndex = 22; DeviceID = '{NEW}'; MacAddress = '00-15-5D-00-00-0B' }
        }
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter {
            [pscustomobject]@{ SwitchName = 'Default Switch'; SwitchId = [guid]::NewGuid().ToString(); DeviceId = '{DEF}'; MacAddress = '00155D0000FF' }
            [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = $script:SwitchId; DeviceId = '{NEW}'; MacAddress = '00155D00000B' }
        } -ParameterFilter { $ManagementOS }
    }
    It 'finds the switch''s own adapter by DeviceID, not the stale one that holds the usual name' {
        (InModuleScope MobyKit { Get-MobyKitSwitchVnic -SwitchName 'DockerNAT' }).ifIndex | Should -Be 22
        (InModuleScope MobyKit { Get-MobyKitSwitchVnic -SwitchId '6f4c1d2e-0000-4000-8000-000000000001' }).Name | Should -Be 'vEthernet (DockerNAT) 2'
    }
    It 'falls back to the MAC address when the DeviceID does not match' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = $script:SwitchId; DeviceId = ''; MacAddress = '00155D00000B' } } -ParameterFilter { $ManagementOS }
        (InModuleScope MobyKit { Get-MobyKitSwitchVnic -SwitchName 'DockerNAT' }).ifIndex | Should -Be 22
    }
    It 'matches the switch name exactly (no wildcard), and returns $null for a switch without a vNIC' {
        InModuleScope MobyKit { Get-MobyKitSwitchVnic -SwitchName 'Docker*' } | Should -BeNullOrEmpty
    }
    It 'refuses a name two switches share' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter {
            [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = [guid]::NewGuid().ToString(); DeviceId = '{OLD}'; MacAddress = '' }
            [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = $script:SwitchId; DeviceId = '{NEW}'; MacAddress = '' }
        } -ParameterFilter { $ManagementOS }
        { InModuleScope MobyKit { Get-MobyKitSwitchVnic -SwitchName 'DockerNAT' } } | Should -Throw -ExpectedMessage "2 host vNICs belong to switches named 'DockerNAT'*"
    }
}
