function Invoke-MobyKitCall {
    <#
    .SYNOPSIS
        Runs one MobyKit function from a base64-encoded JSON request; writes one JSON line.
    .DESCRIPTION
        The request is base64 of UTF-8 JSON: { "function": "<name>", "parameters": { ... } }.
        The function must be one of this module's exported functions (not this one). The
        parameters (JSON object -> hashtable, arrays kept as arrays, null values dropped) are
        splatted, so values such as a password arrive as data and never as script text.
        Exactly one line of compressed JSON is written:
          { "ok": true, "result": <value or null> }
          { "ok": false, "error": { "message": "...", "cmdlet": "<failing cmdlet or null>", "category": "<ErrorCategory>" } }
        Warning, verbose, debug and information output of the function is discarded so that the
        line is all that reaches the output; prompts are off ($ConfirmPreference = 'None').
    .PARAMETER Request
        The base64-encoded UTF-8 JSON request.
    .EXAMPLE
        $json = '{"function":"Get-MobyKitHostSnapshot","parameters":{"VMName":"MobyLinuxVM"}}'
        Invoke-MobyKitCall -Request ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)))
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Request
    )

    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    $ConfirmPreference = 'None'

    $response = $null
    try {
        try {
            $json = [System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String($Request))
            # Strings stay strings (a date-like password too), on 5.1 and 7.
            $document = ConvertFrom-MobyKitJson -Json $json
        }
        catch {
            throw (New-MobyKitErrorRecord -Message 'The request is not base64-encoded UTF-8 JSON' -ErrorRecord $_ -ErrorId 'MobyKit.BadRequest' -Cmdlet 'Invoke-MobyKitCall')
        }
        if ($null -eq $document -or $document -isnot [System.Management.Automation.PSCustomObject] -or
            $null -eq $document.PSObject.Properties['function'] -or $document.function -isnot [string]) {
            throw (New-MobyKitErrorRecord -Message 'The request must be a JSON object with a string "function"' -Category InvalidArgument -ErrorId 'MobyKit.BadRequest' -Cmdlet 'Invoke-MobyKitCall')
        }
        $functionName = [string]$document.function

        $module = $ExecutionContext.SessionState.Module
        $target = $null
        foreach ($exported in $module.ExportedFunctions.Values) {
            if ($exported.Name -eq $functionName -and $exported.Name -ne $MyInvocation.MyCommand.Name) {
                $target = $exported
            }
        }
        if ($null -eq $target) {
            throw (New-MobyKitErrorRecord -Message ("'{0}' is not a function this module exports" -f $functionName) -Category InvalidArgument -ErrorId 'MobyKit.UnknownFunction' -Cmdlet 'Invoke-MobyKitCall')
        }

        $invokeParameters = @{}
        if ($null -ne $document.PSObject.Properties['parameters'] -and $null -ne $document.parameters) {
            if ($document.parameters -isnot [System.Management.Automation.PSCustomObject]) {
                throw (New-MobyKitErrorRecord -Message 'The request "parameters" must be a JSON object' -Category InvalidArgument -ErrorId 'MobyKit.BadRequest' -Cmdlet 'Invoke-MobyKitCall')
            }
            $converted = ConvertTo-MobyKitHashtable -InputObject $document.parameters
            foreach ($key in @($converted.Keys)) {
                if ($null -ne $converted[$key]) {
                    $invokeParameters[$key] = $converted[$key]
                }
            }
        }
        # The password is bound as a SecureString: module logging (event 4103) records a parameter
        # binding's value, which for a SecureString is only its type name. mobykit sends it sealed
        # (the request line is what script block logging records); a plain "Password" parameter is
        # accepted from other callers.
        if ($null -ne $document.PSObject.Properties['secret'] -and $document.secret -is [string]) {
            $invokeParameters['Password'] = Unprotect-MobyKitSecret -Sealed $document.secret
        }
        elseif ($invokeParameters.ContainsKey('Password') -and $invokeParameters['Password'] -is [string]) {
            $secure = New-Object -TypeName System.Security.SecureString
            foreach ($character in $invokeParameters['Password'].ToCharArray()) {
                $secure.AppendChar($character)
            }
            $secure.MakeReadOnly()
            $invokeParameters['Password'] = $secure
        }

        # Streams 3-6 (warning, verbose, debug, information) are discarded: the one JSON line is the output.
        $result = & $target @invokeParameters 3>$null 4>$null 5>$null 6>$null
        $response = [ordered]@{ ok = $true; result = $result }
    }
    catch {
        $record = $_
        $cmdlet = $null
        if ($null -ne $record.Exception -and $record.Exception.Data.Contains('MobyKitCmdlet')) {
            $cmdlet = [string]$record.Exception.Data['MobyKitCmdlet']
        }
        elseif ($null -ne $record.InvocationInfo -and $null -ne $record.InvocationInfo.MyCommand) {
            $cmdlet = $record.InvocationInfo.MyCommand.Name
        }
        $response = [ordered]@{
            ok    = $false
            error = [ordered]@{
                message  = [string]$record.Exception.Message
                cmdlet   = $cmdlet
                category = [string]$record.CategoryInfo.Category
            }
        }
    }

    try {
        $line = ConvertTo-Json -InputObject $response -Depth 20 -Compress
    }
    catch {
        $line = ConvertTo-Json -InputObject ([ordered]@{
                ok    = $false
                error = [ordered]@{ message = ('The result could not be written as JSON: {0}' -f $_.Exception.Message); cmdlet = 'ConvertTo-Json'; category = [string]$_.CategoryInfo.Category }
            }) -Depth 5 -Compress
    }
    Write-Output -InputObject $line
}
