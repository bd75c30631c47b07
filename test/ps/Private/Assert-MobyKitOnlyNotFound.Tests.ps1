BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Assert-MobyKitOnlyNotFound' {
    It 'accepts no errors at all' {
        InModuleScope MobyKit { { Assert-MobyKitOnlyNotFound -ErrorList $null } | Should -Not -Throw }
        InModuleScope MobyKit { { Assert-MobyKitOnlyNotFound -ErrorList @() } | Should -Not -Throw }
    }
    It 'accepts ObjectNotFound records (what a CDXML lookup writes for a missing object)' {
        InModuleScope MobyKit {
            $record = New-Object System.Management.Automation.ErrorRecord -ArgumentList @(
                [Exception]"No MSFT_NetFirewallRule objects found with property 'Name' equal to 'DockerTcp'.", 'CmdletizationQuery_NotFound_Name', 'ObjectNotFound', $null)
            { Assert-MobyKitOnlyNotFound -ErrorList @($record, $null) } | Should -Not -Throw
        }
    }
    It 'rethrows the first other error, unchanged' {
        InModuleScope MobyKit {
            $notFound = New-Object System.Management.Automation.ErrorRecord -ArgumentList @([Exception]'missing', 'x', 'ObjectNotFound', $null)
            $denied = New-Object System.Management.Automation.ErrorRecord -ArgumentList @([Exception]'Access denied', 'y', 'PermissionDenied', $null)
            { Assert-MobyKitOnlyNotFound -ErrorList @($notFound, $denied) } | Should -Throw -ExpectedMessage 'Access denied'
        }
    }
    It 'unwraps an exception that carries an ErrorRecord (ActionPreferenceStopException)' {
        InModuleScope MobyKit {
            $inner = New-Object System.Management.Automation.ErrorRecord -ArgumentList @([Exception]'gone', 'x', 'ObjectNotFound', $null)
            $wrapper = [pscustomobject]@{ ErrorRecord = $inner }
            { Assert-MobyKitOnlyNotFound -ErrorList @($wrapper) } | Should -Not -Throw
        }
    }
    It 'rethrows something that is not an error record' {
        InModuleScope MobyKit { { Assert-MobyKitOnlyNotFound -ErrorList @('plain text') } | Should -Throw -ExpectedMessage 'plain text' }
    }
}
