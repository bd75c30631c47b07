function Get-MobyKitEngineState {
    <#
    .SYNOPSIS
        Whether the Docker API the VM serves answers: one read-only GET /version.
    .DESCRIPTION
        Sends GET <endpoint>/version with a short timeout and no proxy (the VM is on a host-only
        network), and reports { Endpoint, Reachable, ServerVersion, Error }. Never throws: a
        failure to connect is the answer Reachable = $false with the reason in Error.
    .PARAMETER Endpoint
        The engine's endpoint, tcp://address:port.
    .PARAMETER TimeoutMilliseconds
        How long to wait for the answer.
    .EXAMPLE
        Get-MobyKitEngineState -Endpoint 'tcp://10.0.75.2:2375'
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Endpoint,

        [int]$TimeoutMilliseconds = 3000
    )

    $state = [ordered]@{ Endpoint = $Endpoint; Reachable = $false; ServerVersion = $null; Error = $null }
    $response = $null
    try {
        $uri = New-Object -TypeName System.Uri -ArgumentList @(($Endpoint -replace '^tcp://', 'http://').TrimEnd('/') + '/version')
        $request = [System.Net.WebRequest]::Create($uri)
        $request.Method = 'GET'
        $request.Proxy = $null
        $request.Timeout = $TimeoutMilliseconds
        $request.ReadWriteTimeout = $TimeoutMilliseconds
        $response = $request.GetResponse()
        $reader = New-Object -TypeName System.IO.StreamReader -ArgumentList @($response.GetResponseStream())
        $body = $reader.ReadToEnd()
        $state.Reachable = $true
        $version = ($body | ConvertFrom-Json).Version
        if ($null -ne $version) {
            $state.ServerVersion = [string]$version
        }
    }
    catch {
        $state.Error = $_.Exception.Message
    }
    finally {
        if ($null -ne $response) {
            $response.Close()
        }
    }
    return $state
}
