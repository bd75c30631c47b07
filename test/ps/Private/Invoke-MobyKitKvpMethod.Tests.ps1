BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
    # The item as New-MobyKitKvpDataItemXml hands it over.
    $script:Item = [System.Net.NetworkCredential]::new('', '<INSTANCE/>').SecurePassword
}

Describe 'Invoke-MobyKitKvpMethod' {
    BeforeEach {
        Mock -ModuleName MobyKit Start-Sleep { }
        Mock -ModuleName MobyKit Get-MobyKitCimComputerSystem { [pscustomobject]@{ Name = $script:Id.ToString() } }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ Name = 'vmms' } } -ParameterFilter { $ClassName -eq 'Msvm_VirtualSystemManagementService' }
    }
    It 'calls the method on the management service with the VM and the item, and returns on 0' {
        Mock -ModuleName MobyKit Invoke-MobyKitKvpCimMethod { [pscustomobject]@{ ReturnValue = 0 } }
        InModuleScope MobyKit -Parameters @{ Id = $script:Id; Item = $script:Item } { param($Id, $Item) Invoke-MobyKitKvpMethod -VMId $Id -MethodName 'AddKvpItems' -DataItem $Item }
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpCimMethod -Times 1 -Exactly -ParameterFilter {
            $InputObject.Name -eq 'vmms' -and $MethodName -eq 'AddKvpItems' -and $TargetSystem.Name -eq '0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2' -and
            [System.Net.NetworkCredential]::new('', $DataItem).Password -eq '<INSTANCE/>'
        }
    }
    It 'waits for the job (4096) until it completes (JobState 7)' {
        Mock -ModuleName MobyKit Invoke-MobyKitKvpCimMethod { [pscustomobject]@{ ReturnValue = 4096; Job = [pscustomobject]@{ JobState = 4 } } }
        $script:polls = 0
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { $script:polls++; [pscustomobject]@{ JobState = $(if ($script:polls -ge 3) { 7 } else { 4 }) } } -ParameterFilter { $null -ne $InputObject }
        InModuleScope MobyKit -Parameters @{ Id = $script:Id; Item = $script:Item } { param($Id, $Item) Invoke-MobyKitKvpMethod -VMId $Id -MethodName 'ModifyKvpItems' -DataItem $Item }
        $script:polls | Should -Be 3
    }
    It 'reports a failed job with Hyper-V''s error code and description (a duplicate key is 32773)' {
        Mock -ModuleName MobyKit Invoke-MobyKitKvpCimMethod { [pscustomobject]@{ ReturnValue = 4096; Job = [pscustomobject]@{ JobState = 4 } } }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ JobState = 10; ErrorCode = 32773; ErrorDescription = 'Invalid parameter' } } -ParameterFilter { $null -ne $InputObject }
        { InModuleScope MobyKit -Parameters @{ Id = $script:Id; Item = $script:Item } { param($Id, $Item) Invoke-MobyKitKvpMethod -VMId $Id -MethodName 'AddKvpItems' -DataItem $Item } } |
            Should -Throw -ErrorId 'MobyKit.KvpJobFailed,Invoke-MobyKitKvpMethod' -ExpectedMessage 'AddKvpItems failed (job state 10, error code 32773): Invalid parameter'
    }
    It 'reports an immediate return code by its documented meaning' {
        Mock -ModuleName MobyKit Invoke-MobyKitKvpCimMethod { [pscustomobject]@{ ReturnValue = 32775 } }
        { InModuleScope MobyKit -Parameters @{ Id = $script:Id; Item = $script:Item } { param($Id, $Item) Invoke-MobyKitKvpMethod -VMId $Id -MethodName 'RemoveKvpItems' -DataItem $Item } } |
            Should -Throw -ErrorId 'MobyKit.KvpMethodFailed,Invoke-MobyKitKvpMethod' -ExpectedMessage 'RemoveKvpItems returned 32775 (Invalid state for this operation)'
    }
    It 'gives up on a job that does not finish in time' {
        Mock -ModuleName MobyKit Invoke-MobyKitKvpCimMethod { [pscustomobject]@{ ReturnValue = 4096; Job = [pscustomobject]@{ JobState = 4 } } }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ JobState = 4 } } -ParameterFilter { $null -ne $InputObject }
        Mock -ModuleName MobyKit Start-Sleep { [System.Threading.Thread]::Sleep(600) }
        { InModuleScope MobyKit -Parameters @{ Id = $script:Id; Item = $script:Item } { param($Id, $Item) Invoke-MobyKitKvpMethod -VMId $Id -MethodName 'AddKvpItems' -DataItem $Item -TimeoutSeconds 1 } } |
            Should -Throw -ErrorId 'MobyKit.KvpJobTimeout,Invoke-MobyKitKvpMethod'
    }
    It 'refuses when the management service is missing' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { } -ParameterFilter { $ClassName -eq 'Msvm_VirtualSystemManagementService' }
        { InModuleScope MobyKit -Parameters @{ Id = $script:Id; Item = $script:Item } { param($Id, $Item) Invoke-MobyKitKvpMethod -VMId $Id -MethodName 'AddKvpItems' -DataItem $Item } } |
            Should -Throw -ErrorId 'MobyKit.NoVmms,Invoke-MobyKitKvpMethod'
    }
}
