BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:OurSid = 'S-1-5-21-1004336348-1177238915-682003330-1009'
}

Describe 'Remove-MobyKitShareAccount' {
    BeforeEach {
        $script:Accounts = @()
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser {
            $found = @($script:Accounts | Where-Object -FilterScript { $PesterBoundParameters.ContainsKey('SID') -and $_.SID -eq [string]$PesterBoundParameters.SID[0] })
            if ($found.Count -eq 0) { Write-WindowsError ('User {0} was not found.' -f $PesterBoundParameters.SID[0]) ObjectNotFound }
            $found
        }
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Remove-LocalUser { }
    }

    It 'removes the account with the recorded SID, whatever it is named now' {
        $script:Accounts = @([pscustomobject]@{ Name = 'renamed'; SID = $script:OurSid })
        Remove-MobyKitShareAccount -Sid $script:OurSid
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Remove-LocalUser -Times 1 -Exactly -ParameterFilter { [string]$SID -eq $script:OurSid -and -not $PesterBoundParameters.ContainsKey('Name') }
    }
    It 'does nothing when that account is gone, even if one of its name exists (looked up by SID only)' {
        $script:Accounts = @([pscustomobject]@{ Name = 'mobykit-share'; SID = 'S-1-5-21-1004336348-1177238915-682003330-1010' })
        Remove-MobyKitShareAccount -Sid $script:OurSid
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Remove-LocalUser -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser -Times 0 -Exactly -ParameterFilter { $PesterBoundParameters.ContainsKey('Name') }
    }
    It 'surfaces a refused lookup (access denied) instead of treating it as gone' {
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser { Write-WindowsError 'Access denied.' PermissionDenied }
        { Remove-MobyKitShareAccount -Sid $script:OurSid } | Should -Throw "Could not look up local account $($script:OurSid)*"
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Remove-LocalUser -Times 0 -Exactly
    }
    It 'refuses a value that is not a SID, naming it' {
        { Remove-MobyKitShareAccount -Sid 'mobykit-share' } | Should -Throw '*Sid*mobykit-share*'
    }
}
