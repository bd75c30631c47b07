BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertFrom-MobyKitSid' {
    It 'names a well-known SID on Windows; elsewhere (no account database) returns $null and says why on the verbose stream' {
        InModuleScope MobyKit {
            if ($IsWindows) {
                ConvertFrom-MobyKitSid -Sid 'S-1-5-32-544' | Should -Match '\\'
                return
            }
            $verbose = ConvertFrom-MobyKitSid -Sid 'S-1-1-0' -Verbose 4>&1
            @($verbose | Where-Object -FilterScript { $_ -is [System.Management.Automation.VerboseRecord] })[0].Message | Should -BeLike "SID 'S-1-1-0' does not resolve to an account:*"
            ConvertFrom-MobyKitSid -Sid 'S-1-1-0' | Should -BeNullOrEmpty
        }
    }
}
