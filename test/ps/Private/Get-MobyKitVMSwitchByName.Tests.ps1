BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitVMSwitchByName' {
    It 'lists every switch of that name (Hyper-V allows two), never matching as a wildcard' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { [pscustomobject]@{ Name = 'DockerNAT'; Id = '1' }; [pscustomobject]@{ Name = 'dockernat'; Id = '2' }; [pscustomobject]@{ Name = 'Docker[NAT]'; Id = '3' } }
        @(InModuleScope MobyKit { Get-MobyKitVMSwitchByName -Name 'DockerNAT' }).Id | Should -Be @('1', '2')
        @(InModuleScope MobyKit { Get-MobyKitVMSwitchByName -Name 'Docker[NAT]' }).Id | Should -Be @('3')
        Should -Invoke -ModuleName MobyKit Hyper-V\Get-VMSwitch -ParameterFilter { $null -eq $Name }
    }
    It 'returns nothing when there is none, and lets a failure through' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { }
        @(InModuleScope MobyKit { Get-MobyKitVMSwitchByName -Name 'DockerNAT' }).Count | Should -Be 0
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { Invoke-WindowsRefusal Get-VMSwitch 'The Hyper-V Virtual Machine Management service is not running.' ResourceUnavailable }
        { InModuleScope MobyKit { Get-MobyKitVMSwitchByName -Name 'DockerNAT' } } | Should -Throw -ExpectedMessage '*Management service is not running.'
    }
}
