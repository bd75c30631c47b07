BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    Install-FakeNativeCredential
    $script:VMId = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
    $script:OurSid = 'S-1-5-21-1004336348-1177238915-682003330-1009'
    $script:Call = @{
        UserName = 'mobykit-share'; Description = 'Managed by mobykit'; ShareName = 'C'
        TargetName = 'Docker Host Filesystem Access'; Comment = 'Managed by mobykit'
        VMName = 'MobyLinuxVM'; ItemName = 'cifsmount'; MountPoint = 'c'
    }
    function script:Get-TokenPassword([string]$Item) {
        $token = ([xml]$Item).INSTANCE.PROPERTY[0].VALUE
        if ($token -notmatch '^/c;/C;username=mobykit-share,password=(.*),noperm$') { throw "unexpected token $token" }
        $Matches[1]
    }
}

Describe 'Set-MobyKitShareAccount' {
    BeforeEach {
        [MobyKit.NativeCredential]::Reset()
        $env:COMPUTERNAME = 'HOST'
        $script:Accounts = @([pscustomobject]@{ Name = 'mobykit-share'; SID = $script:OurSid; Description = 'Managed by mobykit' })
        $script:Passwords = [System.Collections.Generic.List[string]]::new()
        $script:Sent = [System.Collections.Generic.List[string]]::new()
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { }
        Mock -ModuleName MobyKit SmbShare\Grant-SmbShareAccess { }
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:VMId; State = 'Running' } }
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { }
        Mock -ModuleName MobyKit Invoke-MobyKitKvpMethod { $script:Sent.Add([System.Net.NetworkCredential]::new('', $DataItem).Password) }
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser {
            $found = @($script:Accounts | Where-Object -FilterScript { $_.Name -eq $PesterBoundParameters.Name[0] })
            if ($found.Count -eq 0) { Write-WindowsError ('User {0} was not found.' -f $PesterBoundParameters.Name[0]) ObjectNotFound }
            $found
        }
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser { $script:Passwords.Add([System.Net.NetworkCredential]::new('', $Password).Password) }
    }

    It 'gives the account a new random password, and the share, the credential and the token all get that password' {
        $result = Set-MobyKitShareAccount @script:Call
        $result.Sid | Should -Be $script:OurSid
        $result.CredentialStored | Should -BeTrue
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser -Times 1 -Exactly -ParameterFilter { [string]$SID -eq $script:OurSid -and $Password -is [securestring] }
        Should -Invoke -ModuleName MobyKit SmbShare\Grant-SmbShareAccess -Times 1 -Exactly -ParameterFilter { $Name -eq 'C' -and $AccountName -eq 'HOST\mobykit-share' -and $AccessRight -eq 'Full' }
        $password = $script:Passwords[0]
        $password | Should -MatchExactly '^[A-Za-z0-9_-]{32}$'
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'] | Should -Be @('mobykit-share', $password, 'Managed by mobykit', 'Generic')
        $script:Sent.Count | Should -Be 1
        Get-TokenPassword $script:Sent[0] | Should -BeExactly $password
        ($result | ConvertTo-Json) | Should -Not -BeLike "*$password*"
    }

    It 'makes a new password each call, and writes the new one everywhere' {
        $null = Set-MobyKitShareAccount @script:Call
        $null = Set-MobyKitShareAccount @script:Call
        $script:Passwords.Count | Should -Be 2
        $script:Passwords[0] | Should -Not -Be $script:Passwords[1]
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'][1] | Should -BeExactly $script:Passwords[1]
        Get-TokenPassword $script:Sent[1] | Should -BeExactly $script:Passwords[1]
    }

    It 'over a network logon (no Credential Manager, error 1312) still sets the password and the token, and says the credential was not stored' {
        [MobyKit.NativeCredential]::FailWith = 1312
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitShareAccount' -Parameters $script:Call
        $reply.ok | Should -BeTrue
        $reply.result.CredentialStored | Should -BeFalse
        Get-TokenPassword $script:Sent[0] | Should -BeExactly $script:Passwords[0]
    }

    It 'fails on any other Credential Manager error, naming the step' {
        [MobyKit.NativeCredential]::FailWith = 5
        { Set-MobyKitShareAccount @script:Call } | Should -Throw "Could not store the credential 'Docker Host Filesystem Access'*"
    }

    It 'refuses an account of that name without the marker, naming its SID, and changes nothing' {
        $script:Accounts = @([pscustomobject]@{ Name = 'mobykit-share'; SID = 'S-1-5-21-1-2-3-1010'; Description = '' })
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitShareAccount' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "*A local account 'mobykit-share' (SID S-1-5-21-1-2-3-1010) exists that mobykit did not make*"
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit SmbShare\Grant-SmbShareAccess -Times 0 -Exactly
        [MobyKit.NativeCredential]::Store.Count | Should -Be 0
        $script:Sent.Count | Should -Be 0
    }

    It 'refuses when the account does not exist' {
        $script:Accounts = @()
        { Set-MobyKitShareAccount @script:Call } | Should -Throw "Could not look up local account 'mobykit-share': Local account 'mobykit-share' does not exist"
    }

    It 'checks the share and the VM before it changes the password' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'." ObjectNotFound }
        { Set-MobyKitShareAccount @script:Call } | Should -Throw "Could not look up share 'C': Share 'C' does not exist"
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit Hyper-V\Get-VM { Write-WindowsError "Hyper-V was unable to find a virtual machine with name 'MobyLinuxVM'." ObjectNotFound }
        { Set-MobyKitShareAccount @script:Call } | Should -Throw "Could not look up VM 'MobyLinuxVM': VM 'MobyLinuxVM' does not exist"
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser -Times 0 -Exactly
    }

    It 'does nothing under -WhatIf' {
        Set-MobyKitShareAccount @script:Call -WhatIf
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser -Times 0 -Exactly
        [MobyKit.NativeCredential]::Store.Count | Should -Be 0
    }
}
