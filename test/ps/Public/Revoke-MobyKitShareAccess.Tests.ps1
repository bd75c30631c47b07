BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function New-TestAccess([string]$Account, [string]$Type = 'Allow') { [pscustomobject]@{ Name = 'C'; AccountName = $Account; AccessControlType = $Type; AccessRight = 'Full' } }
}

Describe 'Revoke-MobyKitShareAccess' {
    BeforeEach {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess { }
    }
    It 'revokes the account''s access, naming it as the share lists it' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { New-TestAccess 'HOST\Alice' }
        Mock -ModuleName MobyKit Test-MobyKitSameAccount { $true }
        Revoke-MobyKitShareAccess -Name 'C' -AccountName 'alice'
        Should -Invoke -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess -Times 1 -Exactly -ParameterFilter { $AccountName -eq 'HOST\Alice' -and $Force }
    }
    It 'does nothing when the account has no access, or the share is gone' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { New-TestAccess 'BUILTIN\Administrators' }
        Revoke-MobyKitShareAccess -Name 'C' -AccountName 'HOST\alice'
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'." ObjectNotFound }
        Revoke-MobyKitShareAccess -Name 'C' -AccountName 'HOST\alice'
        Should -Invoke -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess -Times 0 -Exactly
    }
    It 'surfaces a refusal as the JSON error' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { New-TestAccess 'HOST\alice' }
        Mock -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess { Invoke-WindowsRefusal Revoke-SmbShareAccess 'Access is denied.' PermissionDenied }
        $reply = Invoke-MobyKitRequest -Function 'Revoke-MobyKitShareAccess' -Parameters @{ Name = 'C'; AccountName = 'HOST\alice' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not revoke the access of 'HOST\alice' to share 'C': Access is denied."
    }
}
