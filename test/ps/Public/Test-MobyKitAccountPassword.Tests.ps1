BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function ConvertTo-TestSecure([string]$Text) {
        $secure = New-Object -TypeName System.Security.SecureString
        foreach ($c in $Text.ToCharArray()) { $secure.AppendChar($c) }
        $secure.MakeReadOnly()
        $secure
    }
}

Describe 'Test-MobyKitAccountPassword' {
    # Windows always sets COMPUTERNAME; this test host may not.
    BeforeAll { $script:SavedComputerName = $env:COMPUTERNAME; $env:COMPUTERNAME = 'DEV-PC' }
    AfterAll { $env:COMPUTERNAME = $script:SavedComputerName }
    BeforeEach {
        $script:Asked = [System.Collections.Generic.List[object]]::new()
        Mock -ModuleName MobyKit Add-Type { }
        # The PrincipalContext Windows would make: records how it was made and what it was asked.
        Mock -ModuleName MobyKit New-Object -ParameterFilter { $TypeName -eq 'System.DirectoryServices.AccountManagement.PrincipalContext' } {
            $context = [pscustomobject]@{ Arguments = $ArgumentList; Disposed = $false }
            $context | Add-Member -MemberType ScriptMethod -Name ValidateCredentials -Value { param($n, $p) $script:Asked.Add(@($n, $p)); $p -eq 'Right-Pa55' }
            $context | Add-Member -MemberType ScriptMethod -Name Dispose -Value { $this.Disposed = $true }
            $script:Context = $context
            $context
        }
    }

    It 'asks this computer for a COMPUTER\user account, with the password as Windows needs it' {
        $result = Test-MobyKitAccountPassword -UserName 'DEV-PC\alice' -Password (ConvertTo-TestSecure 'Right-Pa55')
        $result | Should -BeTrue
        $script:Asked[0][0] | Should -Be 'alice'
        $script:Asked[0][1] | Should -Be 'Right-Pa55'
        [string]$script:Context.Arguments[0] | Should -Be 'Machine'
        $script:Context.Disposed | Should -BeTrue
    }
    It 'asks the domain for DOMAIN\user, and answers $false for a wrong password' {
        Test-MobyKitAccountPassword -UserName 'CONTOSO\bob' -Password (ConvertTo-TestSecure 'wrong') | Should -BeFalse
        [string]$script:Context.Arguments[0] | Should -Be 'Domain'
        $script:Context.Arguments[1] | Should -Be 'CONTOSO'
        $script:Asked[0][0] | Should -Be 'bob'
    }
    It 'answers $null when Windows cannot tell (no domain controller), never an error' {
        Mock -ModuleName MobyKit New-Object -ParameterFilter { $TypeName -eq 'System.DirectoryServices.AccountManagement.PrincipalContext' } { throw 'The server could not be contacted.' }
        Test-MobyKitAccountPassword -UserName 'CONTOSO\bob' -Password (ConvertTo-TestSecure 'x') | Should -BeNullOrEmpty
    }
    It 'takes the password only as a SecureString: a plain string is not bound' {
        { Test-MobyKitAccountPassword -UserName 'alice' -Password 'Plain-Pa55' } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,Test-MobyKitAccountPassword'
    }
    It 'through Invoke-MobyKitCall the password arrives as a SecureString and is not in the reply' {
        $reply = Invoke-MobyKitRequest -Function 'Test-MobyKitAccountPassword' -Parameters @{ UserName = 'alice'; Password = 'Right-Pa55' }
        $reply.ok | Should -BeTrue
        $reply.result | Should -BeTrue
        ConvertTo-Json -InputObject $reply -Compress | Should -Not -BeLike '*Right-Pa55*'
    }
}
