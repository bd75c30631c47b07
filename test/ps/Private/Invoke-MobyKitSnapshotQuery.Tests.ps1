BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Invoke-MobyKitSnapshotQuery' {
    It 'returns the query''s output as one array, even of one element or none' {
        InModuleScope MobyKit {
            $errors = New-Object System.Collections.Generic.List[object]
            $one = Invoke-MobyKitSnapshotQuery -SnapshotSource 'x' -SnapshotErrors $errors -SnapshotQuery { 'a' }
            , $one | Should -BeOfType [object[]]
            $one.Count | Should -Be 1
            $none = Invoke-MobyKitSnapshotQuery -SnapshotSource 'x' -SnapshotErrors $errors -SnapshotQuery { }
            $none.Count | Should -Be 0
            $errors.Count | Should -Be 0
        }
    }
    It 'records a failure as { Source, Message } and returns an empty array' {
        InModuleScope MobyKit {
            $errors = New-Object System.Collections.Generic.List[object]
            $result = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMSwitch' -SnapshotErrors $errors -SnapshotQuery { 'partial'; throw 'The Hyper-V service is not running.' }
            $result.Count | Should -Be 0
            $errors.Count | Should -Be 1
            $errors[0].Source | Should -Be 'Get-VMSwitch'
            $errors[0].Message | Should -Be 'The Hyper-V service is not running.'
        }
    }
}
