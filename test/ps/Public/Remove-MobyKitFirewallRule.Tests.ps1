BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Remove-MobyKitFirewallRule' {
    BeforeEach { Mock -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule { } }

    It 'removes the rule of that name' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { [pscustomobject]@{ Name = 'DockerTcp' } }
        Remove-MobyKitFirewallRule -Name 'DockerTcp'
        Should -Invoke -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule -Times 1 -Exactly
    }
    It 'does nothing when the rule is absent' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { Write-WindowsError "No MSFT_NetFirewallRule objects found with property 'Name' equal to 'DockerTcp'.  Verify the value of the property and retry." ObjectNotFound }
        Remove-MobyKitFirewallRule -Name 'DockerTcp'
        Should -Invoke -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule -Times 0 -Exactly
    }
    It 'removes nothing under -WhatIf' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { [pscustomobject]@{ Name = 'DockerTcp' } }
        Remove-MobyKitFirewallRule -Name 'DockerTcp' -WhatIf
        Should -Invoke -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule -Times 0 -Exactly
    }
    It 'surfaces a refused removal as the JSON error' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { [pscustomobject]@{ Name = 'DockerTcp' } }
        Mock -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule { Invoke-WindowsRefusal Remove-NetFirewallRule 'Access is denied.' PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitFirewallRule' -Parameters @{ Name = 'DockerTcp' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not remove firewall rule 'DockerTcp': Access is denied."
        $reply.error.cmdlet | Should -Be 'Remove-NetFirewallRule'
        $reply.error.category | Should -Be 'PermissionDenied'
    }
}
