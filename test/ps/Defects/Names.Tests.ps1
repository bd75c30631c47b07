# Issue 11: firewall rules by exact identity (Get-/Set-/Remove-NetFirewallRule -Name takes
# wildcards), and request strings kept strings under pwsh (ConvertFrom-Json dates).
BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Firewall rule names are not patterns (issue 11)' {
    BeforeEach {
        # What Windows does with -Name: a wildcard pattern over every rule.
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule {
            foreach ($rule in @('DockerTcp', 'DockerUdp', 'Docker*')) {
                if ($rule -like $Name[0]) { [pscustomobject]@{ Name = $rule; DisplayName = $rule } }
            }
        }
        Mock -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule { }
    }
    It 'finds only the rule named exactly Docker*, the pattern escaped' {
        $found = @(InModuleScope MobyKit { Get-MobyKitFirewallRuleByName -Name 'Docker*' })
        $found.Name | Should -Be @('Docker*')
        Should -Invoke -ModuleName MobyKit NetSecurity\Get-NetFirewallRule -Times 1 -Exactly -ParameterFilter { $Name[0] -eq 'Docker`*' }
    }
    It 'removes the rule object it found (-InputObject), never by -Name' {
        Remove-MobyKitFirewallRule -Name 'DockerTcp' -Confirm:$false
        Should -Invoke -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule -Times 1 -Exactly -ParameterFilter { $InputObject.Name -eq 'DockerTcp' -and -not $PSBoundParameters.ContainsKey('Name') }
    }
    It 'does not touch DockerTcp or DockerUdp when asked to remove a rule named Docker? that does not exist' {
        Remove-MobyKitFirewallRule -Name 'Docker?cp' -Confirm:$false
        Should -Invoke -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule -Times 0 -Exactly
    }
}

Describe 'Request strings stay strings under pwsh (issue 11)' {
    It 'a date-like value reaches the function as the same string' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { $script:Seen = $Name[0]; $script:SeenType = $Name[0].GetType().FullName }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitFirewallRule' -Parameters @{ Name = '2024-01-02T03:04:05' }
        $reply.ok | Should -BeTrue
        $script:SeenType | Should -Be 'System.String'
        $script:Seen | Should -Be '2024-01-02T03:04:05'
    }
    It 'the password reaches the function as a SecureString holding exactly the string sent' {
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\alice' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
        Install-FakeNativeCredential
        [MobyKit.NativeCredential]::Reset()
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitCredential' -Parameters @{ TargetName = 'T'; UserName = 'alice'; Comment = 'c'; Password = '2024-01-02T03:04:05' }
        $reply.ok | Should -BeTrue
        [MobyKit.NativeCredential]::Store['T'][1] | Should -Be '2024-01-02T03:04:05'
        (Get-Command -Module MobyKit -Name 'Set-MobyKitCredential').Parameters['Password'].ParameterType | Should -Be ([System.Security.SecureString])
        (Get-Command -Module MobyKit -Name 'Set-MobyKitKvpItem').Parameters['Password'].ParameterType | Should -Be ([System.Security.SecureString])
    }
}
