BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
}

Describe 'Remove-MobyKitVM' {
    BeforeEach {
        $script:Disk = Join-Path $TestDrive 'MobyLinuxVM.vhdx'
        Set-Content -LiteralPath $script:Disk -Value 'disk'
        $script:State = 'Off'
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = $script:State } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMHardDiskDrive { [pscustomobject]@{ Path = $script:Disk } }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { }
        Mock -ModuleName MobyKit Hyper-V\Remove-VM { }
    }
    It 'removes an Off VM and deletes its disk' {
        Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Disk -Confirm:$false
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 1 -Exactly -ParameterFilter { $VM[0].Id -eq $script:Id -and $Force }
        $script:Disk | Should -Not -Exist
    }
    It 'turns a running VM off first, then removes it' {
        $script:State = 'Running'
        Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Disk -Confirm:$false
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 1 -Exactly -ParameterFilter { $TurnOff }
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 1 -Exactly
    }
    It 'does nothing to a VM that is gone, but still deletes the disk left behind' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Disk -Confirm:$false
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 0 -Exactly
        $script:Disk | Should -Not -Exist
    }
    It 'refuses (deleting nothing) when another VM uses the disk' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Off' }; [pscustomobject]@{ Name = 'Other'; Id = [guid]::NewGuid(); State = 'Off' } }
        { Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Disk -Confirm:$false } | Should -Throw -ExpectedMessage "*the disk '*' is used by VM 'Other'"
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 0 -Exactly
        $script:Disk | Should -Exist
    }
    It 'removes nothing under -WhatIf' {
        Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Disk -WhatIf
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 0 -Exactly
        $script:Disk | Should -Exist
    }
    It 'surfaces a refused removal as the JSON error, keeping the disk (no prompt through Invoke-MobyKitCall)' {
        Mock -ModuleName MobyKit Hyper-V\Remove-VM { Invoke-WindowsRefusal Remove-VM "The operation cannot be performed while the object is in its current state." InvalidOperation }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM'; VhdPath = $script:Disk }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not remove the VM for VM 'MobyLinuxVM': The operation cannot be performed while the object is in its current state."
        $reply.error.cmdlet | Should -Be 'Remove-VM'
        $script:Disk | Should -Exist
    }
}
