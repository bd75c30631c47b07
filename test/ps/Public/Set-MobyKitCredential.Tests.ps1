BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    Install-FakeNativeCredential
    $script:Call = @{ TargetName = 'Docker Host Filesystem Access'; UserName = 'HOST\alice'; Comment = 'Managed by mobykit'; Password = '2024-01-02T03:04:05' }
    # Called directly the password is a SecureString; Invoke-MobyKitCall makes one from the request's string.
    $script:Secure = $script:Call.Clone(); $script:Secure.Password = ConvertTo-SecureString -String $script:Call.Password -AsPlainText -Force
}

Describe 'Set-MobyKitCredential' {
    BeforeEach {
        [MobyKit.NativeCredential]::Reset()
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\alice' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
    }

    It 'stores a generic credential when there is none' {
        Set-MobyKitCredential @script:Secure
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'] | Should -Be @('HOST\alice', '2024-01-02T03:04:05', 'Managed by mobykit', 'Generic')
    }
    It 'writes nothing when the same user, comment and secret are stored' {
        Set-MobyKitCredential @script:Secure
        Set-MobyKitCredential @script:Secure
        [MobyKit.NativeCredential]::Writes | Should -Be 1
    }
    It 'replaces a credential whose secret differs' {
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'] = [string[]]@('HOST\alice', 'old', 'Managed by mobykit', 'Generic')
        Set-MobyKitCredential @script:Secure
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'][1] | Should -Be '2024-01-02T03:04:05'
    }
    It 'writes nothing under -WhatIf' {
        Set-MobyKitCredential @script:Secure -WhatIf
        [MobyKit.NativeCredential]::Store.Count | Should -Be 0
    }
    It 'reports a Credential Manager refusal through Invoke-MobyKitCall without the password, and keeps a date-like password a string' {
        [MobyKit.NativeCredential]::FailWith = 1312
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitCredential' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not read credential 'Docker Host Filesystem Access': *"
        ($reply | ConvertTo-Json -Depth 5) | Should -Not -BeLike '*2024-01-02T03:04:05*'
    }
}
