BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Call = @{ Name = 'C'; Path = $TestDrive; CachingMode = 'None'; FullAccess = 'HOST\alice'; Description = 'Managed by mobykit' }
}

Describe 'New-MobyKitShare' {
    BeforeEach {
        Mock -ModuleName MobyKit SmbShare\New-SmbShare { [pscustomobject]@{ Name = $Name; Path = $Path } }
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { }
        Mock -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess { }
    }
    It 'creates the share with full access for the account' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'." ObjectNotFound }
        # The Everyone revocation translates S-1-1-0 through Windows' account database, which this
        # platform lacks: the share is created, then that step reports its failure.
        { New-MobyKitShare @script:Call } | Should -Throw "Could not revoke Everyone for share 'C'*does not resolve the SID of Everyone*"
        Should -Invoke -ModuleName MobyKit SmbShare\New-SmbShare -Times 1 -Exactly -ParameterFilter {
            $Name -eq 'C' -and $Path -eq $TestDrive -and $FullAccess -eq 'HOST\alice' -and $CachingMode -eq 'None' -and $Description -eq 'Managed by mobykit'
        }
    }
    It 'revokes the Read that New-SmbShare gives Everyone, under the name this Windows gives Everyone' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { }
        Mock -ModuleName MobyKit ConvertFrom-MobyKitSid { 'Jeder' } -ParameterFilter { $Sid -eq 'S-1-1-0' }
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { [pscustomobject]@{ AccountName = 'Jeder'; AccessControlType = 'Allow'; AccessRight = 'Read' } }
        New-MobyKitShare @script:Call
        Should -Invoke -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess -Times 1 -Exactly -ParameterFilter { $Name -eq 'C' -and $AccountName -eq 'Jeder' }
    }
    It 'does nothing when the share exists for that folder (a trailing \ aside)' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = ($TestDrive + '\') } }
        New-MobyKitShare @script:Call
        Should -Invoke -ModuleName MobyKit SmbShare\New-SmbShare -Times 0 -Exactly
    }
    It 'refuses a share of that name for another folder (MobyKit.ShareConflict)' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'D:\' } }
        { New-MobyKitShare @script:Call } | Should -Throw -ErrorId 'MobyKit.ShareConflict,New-MobyKitShare'
        Should -Invoke -ModuleName MobyKit SmbShare\New-SmbShare -Times 0 -Exactly
    }
    It 'refuses a folder that does not exist (MobyKit.ShareFolderMissing)' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { }
        $call = $script:Call.Clone(); $call.Path = (Join-Path $TestDrive 'missing')
        { New-MobyKitShare @call } | Should -Throw -ErrorId 'MobyKit.ShareFolderMissing,New-MobyKitShare'
        Should -Invoke -ModuleName MobyKit SmbShare\New-SmbShare -Times 0 -Exactly
    }
    It 'surfaces a refused New-SmbShare as the JSON error' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { }
        Mock -ModuleName MobyKit SmbShare\New-SmbShare { Invoke-WindowsRefusal New-SmbShare 'The name has already been shared.' ResourceExists }
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitShare' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not create the share for share 'C': The name has already been shared."
        $reply.error.cmdlet | Should -Be 'New-SmbShare'
        $reply.error.category | Should -Be 'ResourceExists'
    }
}
