BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Start-MobyKitVM' {
    BeforeEach { Mock -ModuleName MobyKit Hyper-V\Start-VM { } }

    It 'starts a VM that is off' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); State = 'Off' } }
        Start-MobyKitVM -Name 'MobyLinuxVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Start-VM -Times 1 -Exactly -ParameterFilter { $VM[0].Name -eq 'MobyLinuxVM' }
    }
    It 'does nothing to a running VM' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); State = 'Running' } }
        Start-MobyKitVM -Name 'MobyLinuxVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Start-VM -Times 0 -Exactly
    }
    It 'refuses a VM that does not exist (MobyKit.VMMissing)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        { Start-MobyKitVM -Name 'MobyLinuxVM' } | Should -Throw -ErrorId 'MobyKit.VMMissing,Start-MobyKitVM'
    }
    It 'surfaces Hyper-V''s refusal (not enough memory) as the JSON error' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); State = 'Off' } }
        Mock -ModuleName MobyKit Hyper-V\Start-VM { Invoke-WindowsRefusal Start-VM "'MobyLinuxVM' failed to start. Not enough memory in the system to start the virtual machine MobyLinuxVM. (0x8007000E)" NotSpecified }
        $reply = Invoke-MobyKitRequest -Function 'Start-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not start VM 'MobyLinuxVM': 'MobyLinuxVM' failed to start. Not enough memory*"
        $reply.error.cmdlet | Should -Be 'Start-VM'
    }
}
