BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Call = @{
        Name = 'DockerTcp'; DisplayName = 'DockerTcp'; Protocol = 'TCP'; Program = 'C:\Docker\com.docker.proxy.exe'; Profile = 'Private, Public'
        EdgeTraversalPolicy = 'DeferToUser'; Direction = 'Inbound'; Action = 'Allow'; Group = 'mobykit'; Description = 'Managed by mobykit'
    }
    function New-TestRule([string]$Group = 'mobykit', [string]$Enabled = 'True') {
        [pscustomobject]@{ Name = 'DockerTcp'; DisplayName = 'DockerTcp'; Enabled = $Enabled; Direction = 'Inbound'; Action = 'Allow'; Profile = 'Private, Public'; EdgeTraversalPolicy = 'DeferToUser'; Group = $Group; Description = 'Managed by mobykit' }
    }
}

Describe 'Set-MobyKitFirewallRule' {
    BeforeEach {
        Mock -ModuleName MobyKit NetSecurity\New-NetFirewallRule { }
        Mock -ModuleName MobyKit NetSecurity\Set-NetFirewallRule { }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallApplicationFilter { [pscustomobject]@{ Program = 'C:\Docker\com.docker.proxy.exe' } }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallPortFilter { [pscustomobject]@{ Protocol = 'TCP'; LocalPort = 'Any' } }
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallAddressFilter { [pscustomobject]@{ LocalAddress = 'Any'; RemoteAddress = 'Any' } }
    }
    It 'creates the rule, enabled, when it is absent' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { Write-WindowsError "No MSFT_NetFirewallRule objects found with property 'Name' equal to 'DockerTcp'.  Verify the value of the property and retry." ObjectNotFound }
        Set-MobyKitFirewallRule @script:Call
        Should -Invoke -ModuleName MobyKit NetSecurity\New-NetFirewallRule -Times 1 -Exactly -ParameterFilter {
            $Name -eq 'DockerTcp' -and $Protocol -eq 'TCP' -and $Program -eq 'C:\Docker\com.docker.proxy.exe' -and [string]$Enabled -eq 'True' -and $Group -eq 'mobykit' -and @($LocalPort) -contains 'Any'
        }
    }
    It 'changes nothing when the rule matches' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { New-TestRule }
        Set-MobyKitFirewallRule @script:Call
        Should -Invoke -ModuleName MobyKit NetSecurity\Set-NetFirewallRule -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit NetSecurity\New-NetFirewallRule -Times 0 -Exactly
    }
    It 'updates a disabled rule in place' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { New-TestRule -Enabled 'False' }
        Set-MobyKitFirewallRule @script:Call
        Should -Invoke -ModuleName MobyKit NetSecurity\Set-NetFirewallRule -Times 1 -Exactly -ParameterFilter { [string]$Enabled -eq 'True' -and $NewDisplayName -eq 'DockerTcp' }
    }
    It 'sets the group through the rule object (Set-NetFirewallRule -Name cannot change it)' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { New-TestRule -Group 'someone' }
        Set-MobyKitFirewallRule @script:Call
        Should -Invoke -ModuleName MobyKit NetSecurity\Set-NetFirewallRule -Times 1 -Exactly -ParameterFilter { $null -ne $InputObject -and $InputObject[0].Group -eq 'mobykit' }
    }
    It 'surfaces a refused creation as the JSON error' {
        Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule { }
        Mock -ModuleName MobyKit NetSecurity\New-NetFirewallRule { Invoke-WindowsRefusal New-NetFirewallRule 'Cannot create a file when that file already exists.' ResourceExists }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitFirewallRule' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not create firewall rule 'DockerTcp': Cannot create a file when that file already exists."
        $reply.error.cmdlet | Should -Be 'New-NetFirewallRule'
    }
}
