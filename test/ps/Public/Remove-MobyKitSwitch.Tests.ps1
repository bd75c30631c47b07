BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = '4a1b2c3d-0000-4000-8000-000000000001'
}

Describe 'Remove-MobyKitSwitch' {
    BeforeEach {
        Mock -ModuleName MobyKit Hyper-V\Remove-VMSwitch { }
        # No host vNIC: no address to take off first.
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { }
    }

    It 'removes the switch with that Id, by object' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { [pscustomobject]@{ Name = 'DockerNAT'; Id = [guid]'4a1b2c3d-0000-4000-8000-000000000002' }; [pscustomobject]@{ Name = 'DockerNAT'; Id = [guid]$script:Id } }
        Remove-MobyKitSwitch -Name 'DockerNAT' -Id $script:Id -Confirm:$false
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VMSwitch -Times 1 -Exactly -ParameterFilter { $VMSwitch.Id -eq [guid]$script:Id }
    }
    It 'does nothing when no switch has that Id (a namesake is not mobykit''s)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { [pscustomobject]@{ Name = 'DockerNAT'; Id = [guid]::NewGuid() } }
        Remove-MobyKitSwitch -Name 'DockerNAT' -Id $script:Id -Confirm:$false
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VMSwitch -Times 0 -Exactly
    }
    It 'refuses a switch renamed since (MobyKit.SwitchRenamed)' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { [pscustomobject]@{ Name = 'MyLab'; Id = [guid]$script:Id } }
        { Remove-MobyKitSwitch -Name 'DockerNAT' -Id $script:Id -Confirm:$false } | Should -Throw -ErrorId 'MobyKit.SwitchRenamed,Remove-MobyKitSwitch'
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VMSwitch -Times 0 -Exactly
    }
    It 'surfaces a refusal as the JSON error' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { [pscustomobject]@{ Name = 'DockerNAT'; Id = [guid]$script:Id } }
        Mock -ModuleName MobyKit Hyper-V\Remove-VMSwitch { Invoke-WindowsRefusal Remove-VMSwitch "Failed while removing virtual Ethernet switch. The virtual switch 'DockerNAT' cannot be deleted because it is being used by running virtual machines or assigned to child pools." InvalidOperation }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitSwitch' -Parameters @{ Name = 'DockerNAT'; Id = $script:Id }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not remove virtual switch 'DockerNAT': Failed while removing virtual Ethernet switch.*"
        $reply.error.cmdlet | Should -Be 'Remove-VMSwitch'
    }
}
