function Invoke-MobyKitSnapshotQuery {
    <#
    .SYNOPSIS
        Runs one snapshot query; a failure is recorded in the error list, never thrown.
    .DESCRIPTION
        Returns the query's output as an array (empty on failure) and appends
        @{ Source; Message } to -ErrorList when it throws. The query runs in a child scope of
        this function, so it must not use the variables $SnapshotSource, $SnapshotQuery or
        $SnapshotErrors.
    .PARAMETER SnapshotSource
        The name recorded as Source, usually the cmdlet queried.
    .PARAMETER SnapshotQuery
        The query.
    .PARAMETER SnapshotErrors
        The snapshot's error list.
    .EXAMPLE
        $switches = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMSwitch' -SnapshotErrors $errors -SnapshotQuery { Hyper-V\Get-VMSwitch -ErrorAction Stop }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$SnapshotSource,

        [Parameter(Mandatory = $true)]
        [scriptblock]$SnapshotQuery,

        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Collections.Generic.List[object]]$SnapshotErrors
    )

    try {
        $output = @(& $SnapshotQuery)
        return , $output
    }
    catch {
        $SnapshotErrors.Add([ordered]@{ Source = $SnapshotSource; Message = $_.Exception.Message })
        return , @()
    }
}
