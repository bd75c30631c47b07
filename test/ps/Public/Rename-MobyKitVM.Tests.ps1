BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'7deeea4c-6514-4f59-afb8-2cbb1076bba3'
}

Describe 'Rename-MobyKitVM' {
    BeforeEach {
        Mock -ModuleName MobyKit Hyper-V\Rename-VM { }
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Running' } }
    }
    It 'renames the VM with this Id, running or not' {
        Rename-MobyKitVM -Name 'MobyLinuxVM' -Id $script:Id.ToString() -NewName 'Dev''s "VM"'
        Should -Invoke -ModuleName MobyKit Hyper-V\Rename-VM -Times 1 -Exactly -ParameterFilter { $VM[0].Id -eq $script:Id -and $NewName -eq 'Dev''s "VM"' }
    }
    It 'does nothing to a VM already named so (a run stopped after it)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'NewVM'; Id = $script:Id; State = 'Off' } }
        Rename-MobyKitVM -Name 'MobyLinuxVM' -Id $script:Id.ToString() -NewName 'NewVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Rename-VM -Times 0 -Exactly
    }
    It 'never renames a VM of that name with another Id (MobyKit.VMMissing)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); State = 'Off' } }
        { Rename-MobyKitVM -Name 'MobyLinuxVM' -Id $script:Id.ToString() -NewName 'NewVM' } | Should -Throw -ErrorId 'MobyKit.VMMissing,Rename-MobyKitVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Rename-VM -Times 0 -Exactly
    }
    It 'refuses a VM renamed since the plan (MobyKit.VMRenamed)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'Other'; Id = $script:Id; State = 'Off' } }
        { Rename-MobyKitVM -Name 'MobyLinuxVM' -Id $script:Id.ToString() -NewName 'NewVM' } | Should -Throw -ErrorId 'MobyKit.VMRenamed,Rename-MobyKitVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Rename-VM -Times 0 -Exactly
    }
    It 'refuses a new name another VM has (MobyKit.VMNameTaken)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Off' }; [pscustomobject]@{ Name = 'NewVM'; Id = [guid]::NewGuid(); State = 'Off' } }
        { Rename-MobyKitVM -Name 'MobyLinuxVM' -Id $script:Id.ToString() -NewName 'NewVM' } | Should -Throw -ErrorId 'MobyKit.VMNameTaken,Rename-MobyKitVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Rename-VM -Times 0 -Exactly
    }
    It 'renames nothing under -WhatIf' {
        Rename-MobyKitVM -Name 'MobyLinuxVM' -Id $script:Id.ToString() -NewName 'NewVM' -WhatIf
        Should -Invoke -ModuleName MobyKit Hyper-V\Rename-VM -Times 0 -Exactly
    }
    It 'surfaces Hyper-V''s refusal as the JSON error' {
        Mock -ModuleName MobyKit Hyper-V\Rename-VM { Invoke-WindowsRefusal Rename-VM "You do not have the required permission to complete this task." PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'Rename-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM'; Id = $script:Id.ToString(); NewName = 'NewVM' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not rename VM 'MobyLinuxVM': You do not have the required permission to complete this task."
        $reply.error.cmdlet | Should -Be 'Rename-VM'
    }
}
