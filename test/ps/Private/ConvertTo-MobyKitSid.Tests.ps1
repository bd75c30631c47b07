BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertTo-MobyKitSid' {
    # NTAccount.Translate is Windows-only: on Linux it throws, which is the "does not resolve" branch.
    It 'returns $null (and says why on the verbose stream) when the account does not resolve' {
        InModuleScope MobyKit {
            $verbose = ConvertTo-MobyKitSid -AccountName 'NOBODY\no-such-user' -Verbose 4>&1
            @($verbose | Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] })[0].Message |
                Should -BeLike "Account 'NOBODY\no-such-user' does not resolve to a SID:*"
            ConvertTo-MobyKitSid -AccountName 'NOBODY\no-such-user' | Should -BeNullOrEmpty
        }
    }
}
