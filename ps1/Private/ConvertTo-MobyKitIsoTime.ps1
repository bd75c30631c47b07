function ConvertTo-MobyKitIsoTime {
    <#
    .SYNOPSIS
        A date as ISO-8601 UTC text, e.g. 2026-11-22T10:00:00Z.
    .PARAMETER Date
        The date.
    .EXAMPLE
        ConvertTo-MobyKitIsoTime -Date (Get-Date)
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [datetime]$Date
    )

    return $Date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [System.Globalization.CultureInfo]::InvariantCulture)
}
