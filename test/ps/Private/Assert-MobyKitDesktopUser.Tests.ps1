BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Assert-MobyKitDesktopUser' {
    It 'passes when the process runs as the desktop user' {
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\alice' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
        { InModuleScope MobyKit { Assert-MobyKitDesktopUser -What 'the credential' } } | Should -Not -Throw
    }
    It 'refuses another desktop user, naming both and what would go wrong' {
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\admin' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
        { InModuleScope MobyKit { Assert-MobyKitDesktopUser -What 'the credential' } } |
            Should -Throw -ExpectedMessage "This PowerShell runs as 'HOST\admin', but 'HOST\alice' is signed in to this session*the credential would be 'HOST\admin''s*"
    }
    It 'refuses nothing when who is at the desktop cannot be told (no desktop, or the query fails)' {
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\svc' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { $null }
        { InModuleScope MobyKit { Assert-MobyKitDesktopUser -What 'x' } } | Should -Not -Throw
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { throw 'Access denied' }
        { InModuleScope MobyKit { Assert-MobyKitDesktopUser -What 'x' } } | Should -Not -Throw
    }
}
