BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function script:Redact([string]$Text) {
        InModuleScope MobyKit -Parameters @{ Data = [System.Net.NetworkCredential]::new('', $Text).SecurePassword } { param($Data) ConvertTo-MobyKitRedactedKvpData -Data $Data }
    }
}

Describe 'ConvertTo-MobyKitRedactedKvpData' {
    It 'hides the password of a cifsmount token and keeps ,noperm' {
        Redact 'username=alice,password=s3cr,et=1,noperm' | Should -BeExactly 'username=alice,password=***,noperm'
    }
    It 'hides a password that runs to the end, across lines and whatever its case' {
        Redact "user=a,PASSWORD=line1`nline2" | Should -BeExactly 'user=a,PASSWORD=***'
    }
    It 'leaves data without a password, and empty data, alone' {
        Redact 'username=alice' | Should -BeExactly 'username=alice'
        Redact '' | Should -BeExactly ''
    }
}
