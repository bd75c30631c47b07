function New-MobyKitErrorRecord {
    <#
    .SYNOPSIS
        Builds an ErrorRecord with a useful message, keeping the failing cmdlet and category.
    .DESCRIPTION
        Used with $PSCmdlet.ThrowTerminatingError. When -ErrorRecord is given (an error caught from
        a cmdlet), its message is appended to -Message, its category is kept, and the name of the
        cmdlet that failed is stored in Exception.Data['MobyKitCmdlet'] for Invoke-MobyKitCall.
    .PARAMETER Message
        What mobykit was doing, e.g. "Could not create the virtual switch 'DockerNAT'".
    .PARAMETER ErrorRecord
        The error caught from the cmdlet that failed, if any.
    .PARAMETER Category
        The category when there is no inner error record.
    .PARAMETER ErrorId
        The FullyQualifiedErrorId prefix.
    .PARAMETER TargetObject
        The resource concerned.
    .PARAMETER Cmdlet
        The cmdlet or method that failed, when there is no inner error record (e.g. Invoke-CimMethod).
    .EXAMPLE
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message 'VM not found' -Category ObjectNotFound -TargetObject $Name))
    #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.ErrorRecord])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Message,

        [System.Management.Automation.ErrorRecord]$ErrorRecord,

        [System.Management.Automation.ErrorCategory]$Category = [System.Management.Automation.ErrorCategory]::NotSpecified,

        [string]$ErrorId = 'MobyKit',

        [object]$TargetObject,

        [string]$Cmdlet
    )

    $inner = $null
    $failingCmdlet = $Cmdlet
    $fullMessage = $Message
    if ($null -ne $ErrorRecord) {
        $inner = $ErrorRecord.Exception
        $fullMessage = '{0}: {1}' -f $Message, $ErrorRecord.Exception.Message
        $Category = $ErrorRecord.CategoryInfo.Category
        if ([string]::IsNullOrEmpty($failingCmdlet)) {
            if ($null -ne $ErrorRecord.Exception -and $ErrorRecord.Exception.Data.Contains('MobyKitCmdlet')) {
                $failingCmdlet = [string]$ErrorRecord.Exception.Data['MobyKitCmdlet']
            }
            elseif ($null -ne $ErrorRecord.InvocationInfo -and $null -ne $ErrorRecord.InvocationInfo.MyCommand) {
                $failingCmdlet = $ErrorRecord.InvocationInfo.MyCommand.Name
            }
        }
    }

    $exception = New-Object -TypeName System.InvalidOperationException -ArgumentList @($fullMessage, $inner)
    if (-not [string]::IsNullOrEmpty($failingCmdlet)) {
        $exception.Data['MobyKitCmdlet'] = $failingCmdlet
    }
    return New-Object -TypeName System.Management.Automation.ErrorRecord -ArgumentList @($exception, $ErrorId, $Category, $TargetObject)
}
