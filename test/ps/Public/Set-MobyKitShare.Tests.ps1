BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Set-MobyKitShare' {
    BeforeEach { Mock -ModuleName MobyKit SmbShare\Set-SmbShare { } }

    It 'sets the caching mode when it differs' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\'; CachingMode = 'Manual' } }
        Set-MobyKitShare -Name 'C' -CachingMode 'None'
        Should -Invoke -ModuleName MobyKit SmbShare\Set-SmbShare -Times 1 -Exactly -ParameterFilter { $Name -eq 'C' -and $CachingMode -eq 'None' }
    }
    It 'does nothing when it matches' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\'; CachingMode = 'None' } }
        Set-MobyKitShare -Name 'C' -CachingMode 'None'
        Should -Invoke -ModuleName MobyKit SmbShare\Set-SmbShare -Times 0 -Exactly
    }
    It 'refuses a missing share (MobyKit.ShareMissing) and an unknown caching mode' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'." ObjectNotFound }
        { Set-MobyKitShare -Name 'C' -CachingMode 'None' } | Should -Throw -ErrorId 'MobyKit.ShareMissing,Set-MobyKitShare'
        { Set-MobyKitShare -Name 'C' -CachingMode 'Sometimes' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
    It 'surfaces a refusal as the JSON error' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\'; CachingMode = 'Manual' } }
        Mock -ModuleName MobyKit SmbShare\Set-SmbShare { Invoke-WindowsRefusal Set-SmbShare 'Access is denied.' PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitShare' -Parameters @{ Name = 'C'; CachingMode = 'None' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not set the caching mode of share 'C': Access is denied."
        $reply.error.cmdlet | Should -Be 'Set-SmbShare'
    }
}
