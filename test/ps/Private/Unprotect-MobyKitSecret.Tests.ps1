BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Key = [byte[]](1..32)
}

Describe 'Unprotect-MobyKitSecret' {
    AfterEach { InModuleScope MobyKit { $script:MobyKitSessionKey = $null } }

    It 'opens a sealed password with the session key, as a SecureString' {
        InModuleScope MobyKit -Parameters @{ Key = $script:Key } { param($Key) $script:MobyKitSessionKey = $Key }
        $sealed = New-MobyKitSealedSecret -Key $script:Key -Text "p@ss,wörd 2024-01-02T03:04:05"
        $secure = InModuleScope MobyKit -Parameters @{ Sealed = $sealed } { param($Sealed) Unprotect-MobyKitSecret -Sealed $Sealed }
        $secure | Should -BeOfType ([System.Security.SecureString])
        [System.Net.NetworkCredential]::new('', $secure).Password | Should -Be "p@ss,wörd 2024-01-02T03:04:05"
    }
    It 'refuses without a session key, and with the wrong one, saying so and showing nothing of it' {
        $sealed = New-MobyKitSealedSecret -Key $script:Key -Text 'Sealed-Canary'
        { InModuleScope MobyKit -Parameters @{ Sealed = $sealed } { param($Sealed) Unprotect-MobyKitSecret -Sealed $Sealed } } | Should -Throw -ErrorId 'MobyKit.NoSessionKey*'
        InModuleScope MobyKit { $script:MobyKitSessionKey = [byte[]](32..63) }
        $thrown = $null
        try { InModuleScope MobyKit -Parameters @{ Sealed = $sealed } { param($Sealed) Unprotect-MobyKitSecret -Sealed $Sealed } } catch { $thrown = $_ }
        $thrown.Exception.Message | Should -Not -BeLike '*Canary*'
    }
    It 'is what Invoke-MobyKitCall binds as -Password when the request carries a "secret"' {
        InModuleScope MobyKit -Parameters @{ Key = $script:Key } { param($Key) $script:MobyKitSessionKey = $Key }
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\alice' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
        Install-FakeNativeCredential
        [MobyKit.NativeCredential]::Reset()
        $json = ConvertTo-Json -Compress -InputObject ([ordered]@{ function = 'Set-MobyKitCredential'; parameters = @{ TargetName = 'T'; UserName = 'alice'; Comment = 'c' }; secret = (New-MobyKitSealedSecret -Key $script:Key -Text 'Sealed-Canary') })
        $line = MobyKit\Invoke-MobyKitCall -Request ([System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json)))
        (ConvertFrom-Json -InputObject $line).ok | Should -BeTrue
        [MobyKit.NativeCredential]::Store['T'][1] | Should -Be 'Sealed-Canary'
    }
}
