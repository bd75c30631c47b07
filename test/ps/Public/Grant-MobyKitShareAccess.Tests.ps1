BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function New-TestAccess([string]$Account, [string]$Right = 'Full', [string]$Type = 'Allow') { [pscustomobject]@{ Name = 'C'; AccountName = $Account; AccessControlType = $Type; AccessRight = $Right } }
}

Describe 'Grant-MobyKitShareAccess' {
    BeforeEach {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit SmbShare\Grant-SmbShareAccess { }
    }
    It 'grants full access when the account has none' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { New-TestAccess 'BUILTIN\Administrators' }
        Grant-MobyKitShareAccess -Name 'C' -AccountName 'HOST\alice'
        Should -Invoke -ModuleName MobyKit SmbShare\Grant-SmbShareAccess -Times 1 -Exactly -ParameterFilter { $Name -eq 'C' -and $AccountName -eq 'HOST\alice' -and $AccessRight -eq 'Full' }
    }
    It 'does nothing when the account already has full access' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { New-TestAccess 'HOST\alice' }
        Grant-MobyKitShareAccess -Name 'C' -AccountName 'HOST\alice'
        Should -Invoke -ModuleName MobyKit SmbShare\Grant-SmbShareAccess -Times 0 -Exactly
    }
    It 'grants when the account has only Read' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { New-TestAccess 'HOST\alice' 'Read' }
        Grant-MobyKitShareAccess -Name 'C' -AccountName 'HOST\alice'
        Should -Invoke -ModuleName MobyKit SmbShare\Grant-SmbShareAccess -Times 1 -Exactly
    }
    It 'refuses a share that does not exist (MobyKit.ShareMissing)' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'." ObjectNotFound }
        { Grant-MobyKitShareAccess -Name 'C' -AccountName 'HOST\alice' } | Should -Throw -ErrorId 'MobyKit.ShareMissing,Grant-MobyKitShareAccess'
    }
    It 'surfaces a refused grant (unknown account) as the JSON error' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { }
        Mock -ModuleName MobyKit SmbShare\Grant-SmbShareAccess { Invoke-WindowsRefusal Grant-SmbShareAccess 'No mapping between account names and security IDs was done.' NotSpecified }
        $reply = Invoke-MobyKitRequest -Function 'Grant-MobyKitShareAccess' -Parameters @{ Name = 'C'; AccountName = 'HOST\ghost' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not grant 'HOST\ghost' access to share 'C': No mapping between account names and security IDs was done."
        $reply.error.cmdlet | Should -Be 'Grant-SmbShareAccess'
    }
}
