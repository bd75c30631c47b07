function ConvertFrom-MobyKitJToken {
    <#
    .SYNOPSIS
        A Newtonsoft.Json token as ConvertFrom-Json would give it: objects as PSCustomObject, arrays as arrays.
    .PARAMETER Token
        A Newtonsoft.Json.Linq.JToken, or $null.
    .EXAMPLE
        ConvertFrom-MobyKitJToken -Token ([Newtonsoft.Json.Linq.JToken]::Parse('{"a":1}'))
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [AllowNull()]
        [object]$Token
    )

    # By .NET type: a JObject is a dictionary to PowerShell, so $Token.Type would read a key named Type.
    if ($null -eq $Token -or ($Token -is [Newtonsoft.Json.Linq.JValue] -and $null -eq $Token.Value)) {
        return $null
    }
    if ($Token -is [Newtonsoft.Json.Linq.JObject]) {
        $properties = [ordered]@{}
        foreach ($property in $Token.Properties()) {
            $properties[$property.Name] = ConvertFrom-MobyKitJToken -Token $property.Value
        }
        return [pscustomobject]$properties
    }
    if ($Token -is [Newtonsoft.Json.Linq.JArray]) {
        $list = New-Object -TypeName System.Collections.Generic.List[object]
        foreach ($element in $Token) {
            $list.Add((ConvertFrom-MobyKitJToken -Token $element))
        }
        return , $list.ToArray()
    }
    return $Token.Value
}
