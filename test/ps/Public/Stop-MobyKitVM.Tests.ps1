BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
}

Describe 'Stop-MobyKitVM' {
    BeforeEach {
        Mock -ModuleName MobyKit Start-Sleep { }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { Start-ThreadJob -ScriptBlock { } } -ParameterFilter { $AsJob }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { } -ParameterFilter { $TurnOff }
        # A guest whose Shutdown integration service answers (Test-MobyKitGuestShutdown).
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Shutdown'; Id = 'Microsoft:x\9F8233AC-BE49-4C79-8EE3-E7E1985B2077'; Enabled = $true; PrimaryOperationalStatus = 'Ok' } }
    }
    It 'asks the guest to shut down and does not turn it off once it is Off' {
        $script:polls = 0
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Running' } } -ParameterFilter { $null -eq $Id }
        Mock -ModuleName MobyKit Hyper-V\Get-VM { $script:polls++; [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = $(if ($script:polls -ge 2) { 'Off' } else { 'Running' }) } } -ParameterFilter { $null -ne $Id }
        Stop-MobyKitVM -Name 'MobyLinuxVM' -TimeoutSeconds 60
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 1 -Exactly -ParameterFilter { $AsJob -and $Force }
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 0 -Exactly -ParameterFilter { $TurnOff }
    }
    It 'turns the VM off when the guest does not shut down in time' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Running' } }
        Stop-MobyKitVM -Name 'MobyLinuxVM' -TimeoutSeconds 0
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 0 -Exactly -ParameterFilter { $AsJob }
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 1 -Exactly -ParameterFilter { $TurnOff }
    }
    It 'does nothing to a VM that is Off or Saved (a Saved VM stays Saved), or absent' -ForEach @(@{ State = 'Off' }, @{ State = 'Saved' }, @{ State = $null }) {
        $vmState = $State
        Mock -ModuleName MobyKit Hyper-V\Get-VM { if ($null -ne $vmState) { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = $vmState } } }
        Stop-MobyKitVM -Name 'MobyLinuxVM' -TimeoutSeconds 60
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 0 -Exactly
    }
    It 'surfaces a refused turn-off as the JSON error' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Paused' } }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { Invoke-WindowsRefusal Stop-VM "The operation cannot be performed while the object is in its current state." InvalidOperation } -ParameterFilter { $TurnOff }
        $reply = Invoke-MobyKitRequest -Function 'Stop-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM'; TimeoutSeconds = 60 }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not stop VM 'MobyLinuxVM': The operation cannot be performed while the object is in its current state."
        $reply.error.cmdlet | Should -Be 'Stop-VM'
    }
}
