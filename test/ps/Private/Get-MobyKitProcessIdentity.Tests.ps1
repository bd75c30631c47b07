BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitProcessIdentity' {
    # WindowsIdentity exists only on Windows: there it names this process's account and its roles;
    # elsewhere it throws, so the gather records that privileges could not be checked (never "admin").
    It 'names the account and its roles on Windows, and fails loudly elsewhere (callers must not guess)' {
        if ($IsWindows) {
            $identity = InModuleScope MobyKit { Get-MobyKitProcessIdentity }
            $identity.UserName | Should -Match '\\'
            $identity.IsAdministrator | Should -BeOfType [bool]
            $identity.IsHyperVAdministrator | Should -BeOfType [bool]
        }
        else {
            { InModuleScope MobyKit { Get-MobyKitProcessIdentity } } | Should -Throw
        }
    }

    It 'is what the gather reads for platform.identity' {
        Mock -ModuleName MobyKit Get-MobyKitProcessIdentity { [ordered]@{ UserName = 'DEV-PC\admin'; IsAdministrator = $true; IsHyperVAdministrator = $false } }
        $snapshot = InModuleScope MobyKit { Get-MobyKitHostSnapshot -SwitchName 'DockerNAT' -NatName 'DockerNAT' -ErrorAction SilentlyContinue }
        $snapshot.platform.identity.UserName | Should -Be 'DEV-PC\admin'
        $snapshot.platform.identity.IsAdministrator | Should -BeTrue
        @($snapshot.errors | Where-Object -FilterScript { $_.Source -eq 'WindowsIdentity' }) | Should -BeNullOrEmpty
    }
}
