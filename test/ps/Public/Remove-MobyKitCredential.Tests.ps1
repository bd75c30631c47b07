BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    Install-FakeNativeCredential
}

Describe 'Remove-MobyKitCredential' {
    BeforeEach { [MobyKit.NativeCredential]::Reset() }

    It 'deletes the generic credential of that target' {
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'] = [string[]]@('alice', 's', '', 'Generic')
        Remove-MobyKitCredential -TargetName 'Docker Host Filesystem Access'
        [MobyKit.NativeCredential]::Store.Count | Should -Be 0
    }
    It 'does nothing when there is none' {
        { Remove-MobyKitCredential -TargetName 'Docker Host Filesystem Access' } | Should -Not -Throw
    }
    It 'leaves a credential of another type (a domain password of the same target) alone' {
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'] = [string[]]@('alice', 's', '', 'DomainPassword')
        Remove-MobyKitCredential -TargetName 'Docker Host Filesystem Access'
        [MobyKit.NativeCredential]::Store.Count | Should -Be 1
    }
    It 'deletes nothing under -WhatIf' {
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'] = [string[]]@('alice', 's', '', 'Generic')
        Remove-MobyKitCredential -TargetName 'Docker Host Filesystem Access' -WhatIf
        [MobyKit.NativeCredential]::Store.Count | Should -Be 1
    }
    It 'surfaces a Credential Manager failure as the JSON error, naming CredEnumerate' {
        [MobyKit.NativeCredential]::FailWith = 5
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitCredential' -Parameters @{ TargetName = 'Docker Host Filesystem Access' }
        $reply.ok | Should -BeFalse
        $reply.error.cmdlet | Should -Be 'CredEnumerate'
        $reply.error.message | Should -BeLike "Could not read credential 'Docker Host Filesystem Access': *"
    }
}
