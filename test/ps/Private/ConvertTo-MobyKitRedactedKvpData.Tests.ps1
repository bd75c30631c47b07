BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertTo-MobyKitRedactedKvpData' {
    It 'hides the password of a cifsmount token and keeps ,noperm' {
        InModuleScope MobyKit {
            ConvertTo-MobyKitRedactedKvpData -Data 'username=alice,password=s3cr,et=1,noperm' | Should -Be 'username=alice,password=***,noperm'
        }
    }
    It 'hides a password that runs to the end, across lines and whatever its case' {
        InModuleScope MobyKit {
            ConvertTo-MobyKitRedactedKvpData -Data "user=a,PASSWORD=line1`nline2" | Should -Be 'user=a,PASSWORD=***'
        }
    }
    It 'leaves data without a password, and empty data, alone' {
        InModuleScope MobyKit {
            ConvertTo-MobyKitRedactedKvpData -Data 'username=alice' | Should -Be 'username=alice'
            ConvertTo-MobyKitRedactedKvpData -Data '' | Should -Be ''
        }
    }
}
