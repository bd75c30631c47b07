BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Join-MobyKitSecureString' {
    It 'joins plain and secure parts in order into one read-only SecureString' {
        $joined = InModuleScope MobyKit {
            $secret = [System.Net.NetworkCredential]::new('', "p@ss,wörd'`"").SecurePassword
            Join-MobyKitSecureString -Part @('/c;/C;username=alice,password=', $secret, ',noperm')
        }
        $joined | Should -BeOfType ([System.Security.SecureString])
        $joined.IsReadOnly() | Should -BeTrue
        [System.Net.NetworkCredential]::new('', $joined).Password | Should -BeExactly "/c;/C;username=alice,password=p@ss,wörd'`",noperm"
    }
    It 'carries any character: above U+7FFF and surrogate pairs (an emoji) included' {
        $joined = InModuleScope MobyKit {
            Join-MobyKitSecureString -Part @('password=', [System.Net.NetworkCredential]::new('', "pw`u{1F600}`u{FF71}`u{9FA5}").SecurePassword)
        }
        [System.Net.NetworkCredential]::new('', $joined).Password | Should -BeExactly "password=pw`u{1F600}`u{FF71}`u{9FA5}"
    }
    It 'takes empty parts' {
        $joined = InModuleScope MobyKit { Join-MobyKitSecureString -Part @('', (New-Object -TypeName System.Security.SecureString), 'x') }
        [System.Net.NetworkCredential]::new('', $joined).Password | Should -BeExactly 'x'
    }
    It 'refuses a part that is neither text nor a SecureString' {
        { InModuleScope MobyKit { Join-MobyKitSecureString -Part @('a', 42) } } | Should -Throw -ErrorId 'MobyKit.BadSecurePart*' -ExpectedMessage 'A part must be a string or a SecureString, not System.Int32'
    }
}
