function ConvertFrom-MobyKitJson {
    <#
    .SYNOPSIS
        ConvertFrom-Json that keeps every string a string, on Windows PowerShell 5.1 and PowerShell 7.
    .DESCRIPTION
        From PowerShell 6 on, ConvertFrom-Json turns a string that looks like a timestamp into a
        [datetime] (PowerShell/PowerShell#13592): a password such as '2024-01-02T03:04:05' would
        reach the KVP token and the credential as '01/02/2024 03:04:05'. PowerShell 7.5 added
        -DateKind String, used where it exists. PowerShell 6 to 7.4 parse with the Newtonsoft.Json
        they ship, dates left alone (DateParseHandling None). Windows PowerShell 5.1's
        JavaScriptSerializer converts only the "\/Date(...)\/" form, which JSON.stringify never
        writes, so its ConvertFrom-Json is used as it is.
    .PARAMETER Json
        The JSON text.
    .EXAMPLE
        $document = ConvertFrom-MobyKitJson -Json '{"Password":"2024-01-02T03:04:05"}'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Json
    )

    # -DateKind is 7.5's; the cmdlet catalog the contract tests use describes 7.4 (an allowlisted splat).
    $dateKindParameter = 'DateKind'
    if ((Get-Command -Name 'Microsoft.PowerShell.Utility\ConvertFrom-Json').Parameters.ContainsKey($dateKindParameter)) {
        $dateKind = @{}
        $dateKind[$dateKindParameter] = 'String'
        return Microsoft.PowerShell.Utility\ConvertFrom-Json -InputObject $Json @dateKind -ErrorAction Stop
    }
    if ($PSVersionTable.PSEdition -eq 'Core') {
        # ConvertFrom-Json loads the Newtonsoft.Json it is built on; its types resolve after that.
        $null = Microsoft.PowerShell.Utility\ConvertFrom-Json -InputObject '{}'
        $settings = New-Object -TypeName Newtonsoft.Json.JsonSerializerSettings
        $settings.DateParseHandling = [Newtonsoft.Json.DateParseHandling]::None
        $token = [Newtonsoft.Json.JsonConvert]::DeserializeObject($Json, $settings)
        return , (ConvertFrom-MobyKitJToken -Token $token)
    }
    return Microsoft.PowerShell.Utility\ConvertFrom-Json -InputObject $Json -ErrorAction Stop
}
