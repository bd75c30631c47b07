BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitCimComputerSystem' {
    BeforeEach {
        $script:VMId = '0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance {
            [pscustomobject]@{ Name = 'HOSTNAME'; ElementName = 'HOST' }
            [pscustomobject]@{ Name = '0F5F1C6A-4F0E-4C57-9A53-3BD1F3C9A1B2'; ElementName = 'MobyLinuxVM' }
        } -ParameterFilter { $Namespace -eq 'root\virtualization\v2' -and $ClassName -eq 'Msvm_ComputerSystem' }
    }
    It 'finds the VM''s Msvm_ComputerSystem by its Id (Name holds the GUID)' {
        $system = InModuleScope MobyKit -Parameters @{ Id = $script:VMId } { param($Id) Get-MobyKitCimComputerSystem -VMId $Id }
        $system.ElementName | Should -Be 'MobyLinuxVM'
    }
    It 'refuses with MobyKit.CimVMNotFound when WMI has no such VM' {
        { InModuleScope MobyKit { Get-MobyKitCimComputerSystem -VMId ([guid]::NewGuid()) } } |
            Should -Throw -ErrorId 'MobyKit.CimVMNotFound,Get-MobyKitCimComputerSystem' -ExpectedMessage "Hyper-V's WMI provider has no Msvm_ComputerSystem for VM *"
    }
    It 'lets a WMI failure through' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { Invoke-WindowsRefusal Get-CimInstance 'Invalid namespace ' InvalidArgument } -ParameterFilter { $ClassName -eq 'Msvm_ComputerSystem' }
        { InModuleScope MobyKit -Parameters @{ Id = $script:VMId } { param($Id) Get-MobyKitCimComputerSystem -VMId $Id } } | Should -Throw -ExpectedMessage 'Invalid namespace*'
    }
}
