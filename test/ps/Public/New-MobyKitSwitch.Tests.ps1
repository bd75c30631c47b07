BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function New-TestSwitch([string]$Name, [string]$SwitchType = 'Internal', [string]$Notes = 'Managed by mobykit') {
        [pscustomobject]@{ Name = $Name; Id = [guid]::NewGuid().ToString(); SwitchType = $SwitchType; Notes = $Notes }
    }
}

Describe 'New-MobyKitSwitch' {
    BeforeEach {
        Mock -ModuleName MobyKit Hyper-V\New-VMSwitch { New-TestSwitch -Name $Name -Notes $Notes }
    }

    It 'creates an internal switch with the marker in one call when none of that name exists' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { New-TestSwitch -Name 'Default Switch' }
        New-MobyKitSwitch -Name 'DockerNAT' -Notes 'Managed by mobykit'
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VMSwitch -Times 1 -Exactly -ParameterFilter {
            $Name -eq 'DockerNAT' -and $SwitchType -eq 'Internal' -and $Notes -eq 'Managed by mobykit'
        }
    }

    It 'changes nothing when an internal switch of that name carries the marker' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { New-TestSwitch -Name 'dockernat' }
        New-MobyKitSwitch -Name 'DockerNAT' -Notes 'Managed by mobykit'
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VMSwitch -Times 0 -Exactly
    }

    It 'refuses a switch of that name that is not internal, and creates nothing' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { New-TestSwitch -Name 'DockerNAT' -SwitchType 'External' }
        { New-MobyKitSwitch -Name 'DockerNAT' -Notes 'Managed by mobykit' } |
            Should -Throw -ErrorId 'MobyKit.SwitchConflict,New-MobyKitSwitch' -ExpectedMessage "*already exists as a External switch*"
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VMSwitch -Times 0 -Exactly
    }

    It 'refuses an internal switch of that name without the marker (someone else''s), and creates nothing' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { New-TestSwitch -Name 'DockerNAT' -Notes 'made by a user' }
        { New-MobyKitSwitch -Name 'DockerNAT' -Notes 'Managed by mobykit' } |
            Should -Throw -ErrorId 'MobyKit.SwitchNotOwned,New-MobyKitSwitch'
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VMSwitch -Times 0 -Exactly
    }

    It 'does not create anything under -WhatIf' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { }
        New-MobyKitSwitch -Name 'DockerNAT' -Notes 'Managed by mobykit' -WhatIf
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VMSwitch -Times 0 -Exactly
    }

    It 'surfaces a refusal of New-VMSwitch with the cmdlet and Windows'' message' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { }
        Mock -ModuleName MobyKit Hyper-V\New-VMSwitch {
            Invoke-WindowsRefusal New-VMSwitch 'Failed while adding virtual Ethernet switch connections. The operation failed because the object was not found.' ObjectNotFound
        }
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitSwitch' -Parameters @{ Name = 'DockerNAT'; Notes = 'Managed by mobykit' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not create virtual switch 'DockerNAT': Failed while adding virtual Ethernet switch connections*"
        $reply.error.cmdlet | Should -Be 'New-VMSwitch'
        $reply.error.category | Should -Be 'ObjectNotFound'
    }

    It 'surfaces a failed lookup as an error naming the switch' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { Invoke-WindowsRefusal Get-VMSwitch 'You do not have the required permission to complete this task.' PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitSwitch' -Parameters @{ Name = 'DockerNAT'; Notes = 'Managed by mobykit' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not look up virtual switch 'DockerNAT': You do not have the required permission to complete this task."
        $reply.error.cmdlet | Should -Be 'Get-VMSwitch'
        $reply.error.category | Should -Be 'PermissionDenied'
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VMSwitch -Times 0 -Exactly
    }
}
