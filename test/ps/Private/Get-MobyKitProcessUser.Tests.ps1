BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitProcessUser' {
    # WindowsIdentity exists only on Windows: there it names this process's account; elsewhere it throws.
    It 'names the account on Windows, and fails loudly elsewhere (callers must not guess)' {
        if ($IsWindows) {
            InModuleScope MobyKit { Get-MobyKitProcessUser } | Should -Match '\\'
        }
        else {
            { InModuleScope MobyKit { Get-MobyKitProcessUser } } | Should -Throw
        }
    }
}
