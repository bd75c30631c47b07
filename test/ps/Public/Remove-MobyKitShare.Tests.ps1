BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Remove-MobyKitShare' {
    BeforeEach { Mock -ModuleName MobyKit SmbShare\Remove-SmbShare { } }

    It 'removes the share of that name' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Remove-MobyKitShare -Name 'C' -Confirm:$false
        Should -Invoke -ModuleName MobyKit SmbShare\Remove-SmbShare -Times 1 -Exactly -ParameterFilter { $Name -eq 'C' -and $Force }
    }
    It 'does nothing when it is absent' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'." ObjectNotFound }
        Remove-MobyKitShare -Name 'C' -Confirm:$false
        Should -Invoke -ModuleName MobyKit SmbShare\Remove-SmbShare -Times 0 -Exactly
    }
    It 'surfaces a refusal as the JSON error' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit SmbShare\Remove-SmbShare { Invoke-WindowsRefusal Remove-SmbShare 'Access is denied.' PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitShare' -Parameters @{ Name = 'C' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not remove share 'C': Access is denied."
        $reply.error.category | Should -Be 'PermissionDenied'
    }
}
