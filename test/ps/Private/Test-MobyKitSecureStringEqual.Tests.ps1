BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function script:Secure([string]$Text) { [System.Net.NetworkCredential]::new('', $Text).SecurePassword }
}

Describe 'Test-MobyKitSecureStringEqual' {
    It 'is true for the same text, false for a different one, a different case or length' -ForEach @(
        @{ Left = 'username=alice,password=pw,noperm'; Right = 'username=alice,password=pw,noperm'; Equal = $true }
        @{ Left = 'username=alice,password=pw,noperm'; Right = 'username=alice,password=PW,noperm'; Equal = $false }
        @{ Left = 'username=alice,password=pw,noperm'; Right = 'username=alice,password=pv,noperm'; Equal = $false }
        @{ Left = 'abc'; Right = 'abcd'; Equal = $false }
        @{ Left = ''; Right = ''; Equal = $true }
        @{ Left = "pw`u{1F600}`u{FF71}"; Right = "pw`u{1F600}`u{FF71}"; Equal = $true }
        @{ Left = "pw`u{1F600}`u{FF71}"; Right = "pw`u{1F601}`u{FF71}"; Equal = $false }
    ) {
        InModuleScope MobyKit -Parameters @{ L = (Secure $Left); R = (Secure $Right) } { param($L, $R) Test-MobyKitSecureStringEqual -Reference $L -Difference $R } | Should -Be $Equal
    }
}
