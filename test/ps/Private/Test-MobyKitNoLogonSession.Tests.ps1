BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Test-MobyKitNoLogonSession' {
    It 'is true for error 1312 (a network logon has no Credential Manager), however deep it is wrapped' {
        InModuleScope MobyKit {
            $inner = [System.ComponentModel.Win32Exception]::new(1312)
            $record = [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new('Could not store', $inner), 'x', 'NotSpecified', $null)
            Test-MobyKitNoLogonSession -ErrorRecord $record | Should -BeTrue
        }
    }
    It 'is false for any other error, access denied included' {
        InModuleScope MobyKit {
            $record = [System.Management.Automation.ErrorRecord]::new([System.ComponentModel.Win32Exception]::new(5), 'x', 'PermissionDenied', $null)
            Test-MobyKitNoLogonSession -ErrorRecord $record | Should -BeFalse
        }
    }
}
