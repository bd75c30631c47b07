function ConvertTo-MobyKitHashtable {
    <#
    .SYNOPSIS
        Converts the output of ConvertFrom-Json into hashtables and arrays.
    .DESCRIPTION
        Windows PowerShell 5.1 has no ConvertFrom-Json -AsHashtable. Objects (PSCustomObject)
        become hashtables, arrays stay arrays (also with one element), scalars are unchanged.
    .PARAMETER InputObject
        A value produced by ConvertFrom-Json.
    .EXAMPLE
        $parameters = ConvertTo-MobyKitHashtable -InputObject (ConvertFrom-Json -InputObject '{"Name":"x"}')
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]$InputObject
    )

    if ($null -eq $InputObject) {
        return $null
    }
    if ($InputObject -is [System.Management.Automation.PSCustomObject]) {
        $table = @{}
        foreach ($property in $InputObject.PSObject.Properties) {
            $table[$property.Name] = ConvertTo-MobyKitHashtable -InputObject $property.Value
        }
        return $table
    }
    if ($InputObject -is [System.Collections.IDictionary]) {
        $table = @{}
        foreach ($key in @($InputObject.Keys)) {
            $table[[string]$key] = ConvertTo-MobyKitHashtable -InputObject $InputObject[$key]
        }
        return $table
    }
    if ($InputObject -is [System.Collections.IList] -and $InputObject -isnot [string]) {
        $list = New-Object -TypeName System.Collections.Generic.List[object]
        foreach ($element in $InputObject) {
            $list.Add((ConvertTo-MobyKitHashtable -InputObject $element))
        }
        # The unary comma keeps the array intact through the pipeline, even with 0 or 1 element.
        return , $list.ToArray()
    }
    return $InputObject
}
