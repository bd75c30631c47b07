BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Rule = [pscustomobject]@{
        Name = 'DockerSmbMount'; DisplayName = 'DockerSmbMount'; Enabled = 'True'; Direction = 'Inbound'; Action = 'Allow'
        Profile = 'Any'; EdgeTraversalPolicy = 'Block'; Group = 'mobykit'; Description = 'Managed by mobykit'
    }
}

Describe 'Get-MobyKitFirewallRuleState' {
    It 'reads the rule and its filters into the snapshot shape (Windows answers the address in mask form)' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallApplicationFilter { [pscustomobject]@{ Program = 'Any' } }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallPortFilter { [pscustomobject]@{ Protocol = 'TCP'; LocalPort = '445' } }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallAddressFilter { [pscustomobject]@{ LocalAddress = '10.0.75.1'; RemoteAddress = '10.0.75.0/255.255.255.0' } }
        $state = InModuleScope MobyKit -Parameters @{ R = $script:Rule } { param($R) Get-MobyKitFirewallRuleState -Rule $R }
        $state.Name | Should -Be 'DockerSmbMount'
        $state.Enabled | Should -BeTrue
        $state.Program | Should -Be 'Any'
        $state.Protocol | Should -Be 'TCP'
        , $state.LocalPort | Should -BeOfType [object[]]
        $state.LocalPort | Should -Be @('445')
        $state.LocalAddress | Should -Be @('10.0.75.1')
        $state.RemoteAddress | Should -Be @('10.0.75.0/255.255.255.0')
        Should -Invoke -ModuleName MobyKit NetSecurity\Get-NetFirewallPortFilter -Times 1 -Exactly -ParameterFilter { $AssociatedNetFirewallRule.Name -eq 'DockerSmbMount' }
    }
    It 'reports Any where a filter is absent, and a disabled rule as not enabled' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallApplicationFilter { }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallPortFilter { }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallAddressFilter { }
        $disabled = $script:Rule.PSObject.Copy(); $disabled.Enabled = 'False'
        $state = InModuleScope MobyKit -Parameters @{ R = $disabled } { param($R) Get-MobyKitFirewallRuleState -Rule $R }
        $state.Enabled | Should -BeFalse
        $state.Program | Should -Be 'Any'
        $state.Protocol | Should -Be 'Any'
        $state.LocalPort | Should -Be @('Any')
        $state.RemoteAddress | Should -Be @('Any')
    }
    It 'lets a filter query failure through' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallApplicationFilter { Invoke-WindowsRefusal Get-NetFirewallApplicationFilter 'Access is denied.' PermissionDenied }
        { InModuleScope MobyKit -Parameters @{ R = $script:Rule } { param($R) Get-MobyKitFirewallRuleState -Rule $R } } | Should -Throw -ExpectedMessage 'Access is denied.'
    }
}
