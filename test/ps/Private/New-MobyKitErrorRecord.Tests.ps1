BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'New-MobyKitErrorRecord' {
    It 'builds a record from a message, category, id, target and cmdlet' {
        $record = InModuleScope MobyKit { New-MobyKitErrorRecord -Message 'VM not found' -Category ObjectNotFound -ErrorId 'MobyKit.X' -TargetObject 'vm' -Cmdlet 'Get-VM' }
        $record | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $record.Exception.Message | Should -Be 'VM not found'
        [string]$record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.FullyQualifiedErrorId | Should -Be 'MobyKit.X'
        $record.TargetObject | Should -Be 'vm'
        $record.Exception.Data['MobyKitCmdlet'] | Should -Be 'Get-VM'
    }
    It 'wraps a caught error: message appended, category and failing cmdlet kept, inner exception linked' {
        $record = InModuleScope MobyKit {
            try { Invoke-WindowsRefusal New-NetNat 'The parameter is incorrect.' InvalidArgument }
            catch { New-MobyKitErrorRecord -Message "Could not create NAT 'DockerNAT'" -ErrorRecord $_ }
        }
        $record.Exception.Message | Should -Be "Could not create NAT 'DockerNAT': The parameter is incorrect."
        [string]$record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Data['MobyKitCmdlet'] | Should -Be 'New-NetNat'
        $record.Exception.InnerException.Message | Should -Be 'The parameter is incorrect.'
    }
    It 'keeps the innermost failing cmdlet through two wraps' {
        $record = InModuleScope MobyKit {
            $first = New-MobyKitErrorRecord -Message 'inner' -Cmdlet 'Invoke-CimMethod'
            New-MobyKitErrorRecord -Message 'outer' -ErrorRecord $first -Cmdlet ''
        }
        $record.Exception.Data['MobyKitCmdlet'] | Should -Be 'Invoke-CimMethod'
        $record.Exception.Message | Should -Be 'outer: inner'
    }
}
