BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitCredentialErrorText' {
    It 'explains ERROR_NO_SUCH_LOGON_SESSION (1312) anywhere in the exception chain' {
        $text = InModuleScope MobyKit {
            try { throw (New-Object -TypeName System.Management.Automation.MethodInvocationException -ArgumentList 'x', (New-Object -TypeName System.ComponentModel.Win32Exception -ArgumentList 1312)) }
            catch { Get-MobyKitCredentialErrorText -ErrorRecord $_ -Doing "Could not store credential 'T'" }
        }
        $text | Should -BeLike "Could not store credential 'T': this logon has no Credential Manager store (a network logon such as PowerShell remoting or SSH, error 1312); run mobykit in a session signed in on the machine*"
    }
    It 'leaves any other error as what was being done' {
        $text = InModuleScope MobyKit {
            try { throw (New-Object -TypeName System.ComponentModel.Win32Exception -ArgumentList 5) }
            catch { Get-MobyKitCredentialErrorText -ErrorRecord $_ -Doing "Could not store credential 'T'" }
        }
        $text | Should -Be "Could not store credential 'T'"
    }
}
