BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Test-MobyKitSameAccount' {
    It 'is true for the same text without asking Windows' {
        Mock -ModuleName MobyKit ConvertTo-MobyKitSid { throw 'must not be asked' }
        InModuleScope MobyKit { Test-MobyKitSameAccount -ReferenceAccount 'HOST\alice' -DifferenceAccount 'HOST\alice' } | Should -BeTrue
    }
    It 'compares SIDs when the names differ (HOST\alice and alice are one account)' {
        Mock -ModuleName MobyKit ConvertTo-MobyKitSid { 'S-1-5-21-1-2-3-1001' }
        InModuleScope MobyKit { Test-MobyKitSameAccount -ReferenceAccount 'HOST\alice' -DifferenceAccount 'alice' } | Should -BeTrue
    }
    It 'is false for different SIDs, or when either name does not resolve' {
        Mock -ModuleName MobyKit ConvertTo-MobyKitSid { if ($AccountName -eq 'alice') { 'S-1-5-21-1' } elseif ($AccountName -eq 'bob') { 'S-1-5-21-2' } else { $null } }
        InModuleScope MobyKit { Test-MobyKitSameAccount -ReferenceAccount 'alice' -DifferenceAccount 'bob' } | Should -BeFalse
        InModuleScope MobyKit { Test-MobyKitSameAccount -ReferenceAccount 'alice' -DifferenceAccount 'ghost' } | Should -BeFalse
    }
}
