function Assert-MobyKitOnlyNotFound {
    <#
    .SYNOPSIS
        Throws the first collected error that is not "object not found".
    .DESCRIPTION
        Lookups such as Get-NetFirewallRule -Name or Get-NetTCPConnection -LocalPort write a
        non-terminating ObjectNotFound error when nothing matches. Callers collect errors with
        -ErrorAction SilentlyContinue -ErrorVariable, then call this: absence is not a failure,
        anything else (access denied, a missing module) is.
    .PARAMETER ErrorList
        The errors collected with -ErrorVariable.
    .EXAMPLE
        Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
    #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [AllowEmptyCollection()]
        [object[]]$ErrorList
    )

    foreach ($item in @($ErrorList)) {
        if ($null -eq $item) {
            continue
        }
        $record = $item
        if ($item -isnot [System.Management.Automation.ErrorRecord] -and $null -ne $item.PSObject.Properties['ErrorRecord'] -and $null -ne $item.ErrorRecord) {
            $record = $item.ErrorRecord
        }
        if ($record -is [System.Management.Automation.ErrorRecord]) {
            if ($record.CategoryInfo.Category -eq [System.Management.Automation.ErrorCategory]::ObjectNotFound) {
                continue
            }
            throw $record
        }
        throw $item
    }
}
