function Invoke-MobyKitKvpMethod {
    <#
    .SYNOPSIS
        Calls AddKvpItems, ModifyKvpItems or RemoveKvpItems and waits for the job to finish.
    .DESCRIPTION
        Invokes the method on Msvm_VirtualSystemManagementService (root\virtualization\v2) with
        the VM's Msvm_ComputerSystem as TargetSystem and one embedded Msvm_KvpExchangeDataItem,
        through Invoke-MobyKitKvpCimMethod: the item, which may hold the share password, is a
        SecureString in every parameter binding (module logging records bindings).
        ReturnValue 0 is done; 4096 means a job started: Msvm_ConcreteJob is polled until it
        leaves the New/Starting/Running states. JobState 7 is success; anything else throws with
        the job's ErrorDescription.
    .PARAMETER VMId
        The VM's Id.
    .PARAMETER MethodName
        AddKvpItems, ModifyKvpItems or RemoveKvpItems.
    .PARAMETER DataItem
        The embedded instance from New-MobyKitKvpDataItemXml (a SecureString).
    .PARAMETER TimeoutSeconds
        How long to wait for the job.
    .EXAMPLE
        Invoke-MobyKitKvpMethod -VMId $vm.Id -MethodName AddKvpItems -DataItem $xml
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [guid]$VMId,

        [Parameter(Mandatory = $true)]
        [ValidateSet('AddKvpItems', 'ModifyKvpItems', 'RemoveKvpItems')]
        [string]$MethodName,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$DataItem,

        [ValidateRange(1, 3600)]
        [int]$TimeoutSeconds = 60
    )

    $returnCodes = @{
        32768 = 'Failed'; 32769 = 'Access denied'; 32770 = 'Not supported'; 32771 = 'Status is unknown'
        32772 = 'Timeout'; 32773 = 'Invalid parameter'; 32774 = 'System is in use'
        32775 = 'Invalid state for this operation'; 32776 = 'Incorrect data type'
        32777 = 'System is not available'; 32778 = 'Out of memory'
    }

    $system = Get-MobyKitCimComputerSystem -VMId $VMId
    $service = @(CimCmdlets\Get-CimInstance -Namespace 'root\virtualization\v2' -ClassName 'Msvm_VirtualSystemManagementService' -ErrorAction Stop)
    if ($service.Count -eq 0) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message 'Msvm_VirtualSystemManagementService not found: is the Hyper-V Virtual Machine Management service running?' -Category ObjectNotFound -ErrorId 'MobyKit.NoVmms' -Cmdlet 'Get-CimInstance'))
    }
    $result = Invoke-MobyKitKvpCimMethod -InputObject $service[0] -MethodName $MethodName -TargetSystem $system -DataItem $DataItem

    $code = [int]$result.ReturnValue
    if ($code -eq 0) {
        return
    }
    if ($code -ne 4096) {
        $text = $returnCodes[$code]
        if ($null -eq $text) {
            $text = 'Unknown error'
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('{0} returned {1} ({2})' -f $MethodName, $code, $text) -Category InvalidResult -ErrorId 'MobyKit.KvpMethodFailed' -TargetObject $VMId -Cmdlet 'Invoke-CimMethod'))
    }

    # 2 New, 3 Starting, 4 Running, 5 Suspended, 6 Shutting Down: still going.
    $pending = @(2, 3, 4, 5, 6)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $job = CimCmdlets\Get-CimInstance -InputObject $result.Job -ErrorAction Stop
    while ($pending -contains [int]$job.JobState) {
        if ([DateTime]::UtcNow -gt $deadline) {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('{0} did not finish within {1} seconds (job state {2})' -f $MethodName, $TimeoutSeconds, $job.JobState) -Category OperationTimeout -ErrorId 'MobyKit.KvpJobTimeout' -TargetObject $VMId -Cmdlet 'Invoke-CimMethod'))
        }
        Start-Sleep -Milliseconds 250
        $job = CimCmdlets\Get-CimInstance -InputObject $job -ErrorAction Stop
    }
    if ([int]$job.JobState -ne 7) {
        $description = [string]$job.ErrorDescription
        if ([string]::IsNullOrEmpty($description)) {
            $description = 'no description'
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('{0} failed (job state {1}, error code {2}): {3}' -f $MethodName, $job.JobState, $job.ErrorCode, $description) -Category InvalidResult -ErrorId 'MobyKit.KvpJobFailed' -TargetObject $VMId -Cmdlet 'Invoke-CimMethod'))
    }
}
