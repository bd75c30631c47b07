function ConvertTo-MobyKitKeptEnvironment {
    <#
    .SYNOPSIS
        Of the DOCKER_* variables, only those a host snapshot may hold.
    .DESCRIPTION
        Keeps DOCKER_HOST (without any user:password part), DOCKER_TLS_VERIFY, DOCKER_CERT_PATH,
        DOCKER_MACHINE_NAME and DOCKER_CONTEXT; every other variable (tokens, registry auth,
        configs) is dropped, so no secret enters a snapshot.
    .PARAMETER Variable
        The environment entries (Name, Value), e.g. from Get-ChildItem -LiteralPath Env:.
    .EXAMPLE
        ConvertTo-MobyKitKeptEnvironment -Variable @(Get-ChildItem -LiteralPath 'Env:')
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [object[]]$Variable
    )

    $kept = @('DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_MACHINE_NAME', 'DOCKER_CONTEXT')
    $environment = [ordered]@{}
    foreach ($item in @($Variable | Sort-Object -Property Name)) {
        $name = [string]$item.Name
        if ($kept -notcontains $name.ToUpperInvariant()) {
            continue
        }
        $value = [string]$item.Value
        if ($name.ToUpperInvariant() -eq 'DOCKER_HOST') {
            # tcp://user:secret@host:2376 -> tcp://host:2376
            $value = $value -replace '^([A-Za-z][\w+.-]*://)[^/@]*@', '$1'
        }
        $environment[$name] = $value
    }
    return $environment
}
