function Invoke-MobyKitKvpCimMethod {
    <#
    .SYNOPSIS
        The one call that hands a KVP item to Hyper-V: a KVP method of Msvm_VirtualSystemManagementService
        through the CIM .NET API.
    .DESCRIPTION
        Invoke-CimMethod would take the item (for cifsmount: the share password) in -Arguments, a
        parameter binding that module logging records. Here the item stays a SecureString until
        this function's .NET calls: CimSession.InvokeMethod with a CimMethodParametersCollection
        (TargetSystem: the Msvm_ComputerSystem reference; DataItems: the embedded instance). CIM
        takes that as a string, the only plain copy, which lives in this call only.
        Returns what Invoke-CimMethod would: ReturnValue and Job (a Msvm_ConcreteJob reference or
        $null). Kept this small because it is what tests replace: CIM cannot connect off Windows.
    .PARAMETER InputObject
        The Msvm_VirtualSystemManagementService instance.
    .PARAMETER MethodName
        AddKvpItems, ModifyKvpItems or RemoveKvpItems.
    .PARAMETER TargetSystem
        The VM's Msvm_ComputerSystem instance.
    .PARAMETER DataItem
        The Msvm_KvpExchangeDataItem CIM-XML from New-MobyKitKvpDataItemXml.
    .EXAMPLE
        Invoke-MobyKitKvpCimMethod -InputObject $service -MethodName AddKvpItems -TargetSystem $system -DataItem $item
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$InputObject,

        [Parameter(Mandatory = $true)]
        [ValidateSet('AddKvpItems', 'ModifyKvpItems', 'RemoveKvpItems')]
        [string]$MethodName,

        [Parameter(Mandatory = $true)]
        [object]$TargetSystem,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$DataItem
    )

    $parameters = $null
    $session = $null
    try {
        $parameters = New-Object -TypeName Microsoft.Management.Infrastructure.CimMethodParametersCollection
        $parameters.Add([Microsoft.Management.Infrastructure.CimMethodParameter]::Create('TargetSystem', $TargetSystem, [Microsoft.Management.Infrastructure.CimType]::Reference, [Microsoft.Management.Infrastructure.CimFlags]::None))
        $parameters.Add([Microsoft.Management.Infrastructure.CimMethodParameter]::Create('DataItems', [string[]]@([System.Net.NetworkCredential]::new('', $DataItem).Password), [Microsoft.Management.Infrastructure.CimType]::StringArray, [Microsoft.Management.Infrastructure.CimFlags]::None))
        # $null would reach .NET as '': NullString is null, which CimSession.Create reads as this computer.
        $session = [Microsoft.Management.Infrastructure.CimSession]::Create([System.Management.Automation.Language.NullString]::Value)
        $result = $session.InvokeMethod($InputObject, $MethodName, $parameters)
        $job = $result.OutParameters['Job']
        return [pscustomobject]@{
            ReturnValue = [int]$result.ReturnValue.Value
            Job         = $(if ($null -ne $job) { $job.Value } else { $null })
        }
    }
    finally {
        if ($null -ne $parameters) { $parameters.Dispose() }
        if ($null -ne $session) { $session.Dispose() }
    }
}
