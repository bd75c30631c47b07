BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:OurSid = 'S-1-5-21-1004336348-1177238915-682003330-1009'
}

Describe 'New-MobyKitShareAccount' {
    BeforeEach {
        $script:Accounts = @()
        $script:Passwords = [System.Collections.Generic.List[string]]::new()
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser {
            $found = @($script:Accounts | Where-Object -FilterScript { $_.Name -eq $PesterBoundParameters.Name[0] })
            if ($found.Count -eq 0) { Write-WindowsError ('User {0} was not found.' -f $PesterBoundParameters.Name[0]) ObjectNotFound }
            $found
        }
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser {
            $script:Passwords.Add([System.Net.NetworkCredential]::new('', $Password).Password)
            [pscustomobject]@{ Name = $Name; SID = $script:OurSid; Description = $Description }
        }
    }

    It 'makes a plain account whose password never expires and cannot be changed by it, with a random password, and returns its SID' {
        $result = New-MobyKitShareAccount -Name 'mobykit-share' -Description 'Managed by mobykit'
        $result.Sid | Should -Be $script:OurSid
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser -Times 1 -Exactly -ParameterFilter {
            $Name -eq 'mobykit-share' -and $PasswordNeverExpires -and $UserMayNotChangePassword -and $AccountNeverExpires -and $Description -eq 'Managed by mobykit' -and $Password -is [securestring]
        }
        $script:Passwords[0] | Should -MatchExactly '^[A-Za-z0-9_-]{32}$'
        ($result | ConvertTo-Json) | Should -Not -BeLike "*$($script:Passwords[0])*"
    }
    It 'leaves alone an account of that name that carries the marker (a run killed before its SID was recorded)' {
        $script:Accounts = @([pscustomobject]@{ Name = 'mobykit-share'; SID = $script:OurSid; Description = 'Managed by mobykit' })
        (New-MobyKitShareAccount -Name 'mobykit-share' -Description 'Managed by mobykit').Sid | Should -Be $script:OurSid
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser -Times 0 -Exactly
    }
    It 'refuses an account of that name without the marker, naming its SID, and changes nothing' {
        $script:Accounts = @([pscustomobject]@{ Name = 'mobykit-share'; SID = 'S-1-5-21-1-2-3-1010'; Description = 'mobykit' })
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitShareAccount' -Parameters @{ Name = 'mobykit-share'; Description = 'Managed by mobykit' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "*A local account 'mobykit-share' (SID S-1-5-21-1-2-3-1010) exists that mobykit did not make*"
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser -Times 0 -Exactly
    }
    It 'surfaces a refused lookup instead of creating' {
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser { Write-WindowsError 'Access denied.' PermissionDenied }
        { New-MobyKitShareAccount -Name 'mobykit-share' -Description 'Managed by mobykit' } | Should -Throw "Could not look up local account 'mobykit-share'*Access denied*"
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser -Times 0 -Exactly
    }
    It 'refuses a name Windows does not allow for an account, naming it' {
        { New-MobyKitShareAccount -Name 'a/b' -Description 'Managed by mobykit' } | Should -Throw '*Name*a/b*'
    }
    It 'does nothing under -WhatIf' {
        New-MobyKitShareAccount -Name 'mobykit-share' -Description 'Managed by mobykit' -WhatIf
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser -Times 0 -Exactly
    }
}
