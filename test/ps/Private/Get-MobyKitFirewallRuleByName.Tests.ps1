BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitFirewallRuleByName' {
    It 'returns the rule with that Name' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { [pscustomobject]@{ Name = $Name[0]; DisplayName = 'Docker TCP' } }
        (InModuleScope MobyKit { Get-MobyKitFirewallRuleByName -Name 'DockerTcp' }).DisplayName | Should -Be 'Docker TCP'
        Should -Invoke -ModuleName MobyKit NetSecurity\Get-NetFirewallRule -Times 1 -Exactly -ParameterFilter { $Name -eq 'DockerTcp' }
    }
    It 'returns $null when Windows reports the rule not found' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule {
            Write-WindowsError "No MSFT_NetFirewallRule objects found with property 'Name' equal to 'DockerTcp'.  Verify the value of the property and retry." ObjectNotFound
        }
        InModuleScope MobyKit { Get-MobyKitFirewallRuleByName -Name 'DockerTcp' } | Should -BeNullOrEmpty
    }
    It 'throws any other error' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { Write-WindowsError 'Access is denied.' PermissionDenied }
        { InModuleScope MobyKit { Get-MobyKitFirewallRuleByName -Name 'DockerTcp' } } | Should -Throw -ExpectedMessage 'Access is denied.'
    }
}
