BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Test-MobyKitWindows' {
    It 'says what PowerShell 7''s $IsWindows says, without needing it (Windows PowerShell 5.1 has none)' {
        InModuleScope MobyKit { Test-MobyKitWindows } | Should -Be $IsWindows
    }
}
