BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Disable-MobyKitCheckpoint' {
    It 'sets CheckpointType Disabled and, where Set-VM has the parameter, automatic checkpoints off' {
        Mock -ModuleName MobyKit Hyper-V\Set-VM { }
        InModuleScope MobyKit { Disable-MobyKitCheckpoint -VM ([pscustomobject]@{ Name = 'MobyLinuxVM' }) }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 1 -Exactly -ParameterFilter { [string]$CheckpointType -eq 'Disabled' -and $AutomaticCheckpointsEnabled -eq $false }
    }
    It 'surfaces Hyper-V''s refusal' {
        Mock -ModuleName MobyKit Hyper-V\Set-VM { Invoke-WindowsRefusal Set-VM 'The operation cannot be performed while the virtual machine is in its current state.' InvalidOperation }
        { InModuleScope MobyKit { Disable-MobyKitCheckpoint -VM ([pscustomobject]@{ Name = 'MobyLinuxVM' }) } } | Should -Throw -ExpectedMessage '*current state*'
    }
}
