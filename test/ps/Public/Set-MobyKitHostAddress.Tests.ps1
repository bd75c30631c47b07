BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function New-TestAddress([string]$IP, [int]$Prefix = 24, [string]$Origin = 'Manual', [string]$Alias = 'vEthernet (DockerNAT)') {
        [pscustomobject]@{ InterfaceAlias = $Alias; InterfaceIndex = 17; IPAddress = $IP; PrefixLength = $Prefix; PrefixOrigin = $Origin }
    }
    $script:Call = @{ SwitchName = 'DockerNAT'; InterfaceAlias = 'vEthernet (DockerNAT)'; IPAddress = '10.0.75.1'; PrefixLength = 24 }
}

Describe 'Set-MobyKitHostAddress' {
    BeforeEach {
        # The switch's vNIC, found through the switch (Get-MobyKitSwitchVnic).
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { [pscustomobject]@{ SwitchName = 'DockerNAT'; SwitchId = '6f4c1d2e-0000-4000-8000-000000000001'; DeviceId = '{D0C0}'; MacAddress = '00155D000001' } }
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapter { [pscustomobject]@{ Name = 'vEthernet (DockerNAT)'; ifIndex = 17; DeviceID = '{D0C0}'; MacAddress = '00-15-5D-00-00-01'; InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter' } }
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapterBinding { [pscustomobject]@{ InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter'; ComponentID = 'ms_server' } }
        foreach ($command in 'NetAdapter\Disable-NetAdapterBinding', 'NetAdapter\Enable-NetAdapterBinding') { Mock -ModuleName MobyKit $command { } }
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface { [pscustomobject]@{ InterfaceAlias = 'vEthernet (DockerNAT)'; InterfaceIndex = 17; AddressFamily = 'IPv4'; Dhcp = 'Disabled' } }
        Mock -ModuleName MobyKit NetConnection\Get-NetConnectionProfile { [pscustomobject]@{ InterfaceIndex = 17; NetworkCategory = 'Private' } }
        foreach ($command in 'NetTCPIP\Set-NetIPInterface', 'NetTCPIP\Remove-NetIPAddress', 'NetTCPIP\New-NetIPAddress', 'NetConnection\Set-NetConnectionProfile') { Mock -ModuleName MobyKit $command { } }
    }
    It 'adds the address to a fresh vNIC (APIPA address left alone), DHCP off' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface { [pscustomobject]@{ InterfaceAlias = 'vEthernet (DockerNAT)'; InterfaceIndex = 17; AddressFamily = 'IPv4'; Dhcp = 'Enabled' } }
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { New-TestAddress '169.254.12.34' 16 'WellKnown' }
        Set-MobyKitHostAddress @script:Call
        Should -Invoke -ModuleName MobyKit NetTCPIP\Set-NetIPInterface -Times 1 -Exactly -ParameterFilter { $InterfaceIndex -eq 17 -and [string]$Dhcp -eq 'Disabled' }
        Should -Invoke -ModuleName MobyKit NetTCPIP\New-NetIPAddress -Times 1 -Exactly -ParameterFilter { $InterfaceIndex -eq 17 -and $IPAddress -eq '10.0.75.1' -and $PrefixLength -eq 24 }
        Should -Invoke -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress -Times 0 -Exactly
    }
    It 'changes nothing when the vNIC holds exactly that address' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { New-TestAddress '10.0.75.1' }
        Set-MobyKitHostAddress @script:Call
        foreach ($command in 'NetTCPIP\Set-NetIPInterface', 'NetTCPIP\Remove-NetIPAddress', 'NetTCPIP\New-NetIPAddress', 'NetConnection\Set-NetConnectionProfile') {
            Should -Invoke -ModuleName MobyKit $command -Times 0 -Exactly
        }
    }
    It 'replaces another manual address' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { New-TestAddress '10.0.76.1' }
        Set-MobyKitHostAddress @script:Call
        Should -Invoke -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress -Times 1 -Exactly -ParameterFilter { $IPAddress -eq '10.0.76.1' -and $InterfaceIndex -eq 17 }
        Should -Invoke -ModuleName MobyKit NetTCPIP\New-NetIPAddress -Times 1 -Exactly
    }
    It 'refuses a value that is not an IPv4 address, and a missing interface' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { }
        $bad = $script:Call.Clone(); $bad.IPAddress = 'fe80::1'
        { Set-MobyKitHostAddress @bad } | Should -Throw -ErrorId 'MobyKit.BadAddress,Set-MobyKitHostAddress'
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface { }
        { Set-MobyKitHostAddress @script:Call } | Should -Throw -ErrorId 'MobyKit.NoInterface,Set-MobyKitHostAddress'
        Should -Invoke -ModuleName MobyKit NetTCPIP\New-NetIPAddress -Times 0 -Exactly
    }
    It 'surfaces Windows'' refusal (address on another adapter) as the JSON error' {
        Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress { }
        Mock -ModuleName MobyKit NetTCPIP\New-NetIPAddress { Invoke-WindowsRefusal New-NetIPAddress 'Instance MSFT_NetIPAddress already exists' ResourceExists }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitHostAddress' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not set 10.0.75.1/24 on 'vEthernet (DockerNAT)': Instance MSFT_NetIPAddress already exists"
        $reply.error.cmdlet | Should -Be 'New-NetIPAddress'
        $reply.error.category | Should -Be 'ResourceExists'
    }
}
