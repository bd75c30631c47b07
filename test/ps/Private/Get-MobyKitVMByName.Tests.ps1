BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitVMByName' {
    It 'returns the one VM of that name (names compare case-insensitively, not as wildcards)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'mobylinuxvm'; Id = '1' }; [pscustomobject]@{ Name = 'MobyLinuxVM2'; Id = '2' }; [pscustomobject]@{ Name = 'M*'; Id = '3' } }
        (InModuleScope MobyKit { Get-MobyKitVMByName -Name 'MobyLinuxVM' }).Id | Should -Be '1'
        (InModuleScope MobyKit { Get-MobyKitVMByName -Name 'M*' }).Id | Should -Be '3'
    }
    It 'returns $null when there is none' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        InModuleScope MobyKit { Get-MobyKitVMByName -Name 'MobyLinuxVM' } | Should -BeNullOrEmpty
    }
    It 'refuses two VMs of one name (MobyKit.AmbiguousVM) rather than pick one' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = '1' }; [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = '2' } }
        { InModuleScope MobyKit { Get-MobyKitVMByName -Name 'MobyLinuxVM' } } |
            Should -Throw -ErrorId 'MobyKit.AmbiguousVM,Get-MobyKitVMByName' -ExpectedMessage "There are 2 virtual machines named 'MobyLinuxVM'*"
    }
}
