function Get-MobyKitConsoleConnection {
    <#
    .SYNOPSIS
        The open connection to a VM's console pipe in this session, opened on first use.
    .DESCRIPTION
        Hyper-V serves a VM's COM port on a named pipe (\\.\pipe\<name>) and accepts one client.
        The connection lives in the module's scope so that output between two reads is kept.
        The pipe path is data: it is parsed here, never placed in script text.
    .PARAMETER PipeName
        The pipe path, \\<server>\pipe\<name>.
    .PARAMETER Interactive
        Open it for writing too; otherwise it is opened read-only.
    .PARAMETER Existing
        Only return a connection already open ($null when there is none).
    .EXAMPLE
        $console = Get-MobyKitConsoleConnection -PipeName '\\.\pipe\dockerMobyLinuxVM-com1'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$PipeName,

        [switch]$Interactive,

        [switch]$Existing
    )

    if (-not (Test-Path -LiteralPath 'variable:script:MobyKitConsoles')) {
        $script:MobyKitConsoles = @{}
    }
    $key = $PipeName.ToLowerInvariant()
    if ($script:MobyKitConsoles.ContainsKey($key)) {
        return $script:MobyKitConsoles[$key]
    }
    if ($Existing) {
        return $null
    }
    $match = [regex]::Match($PipeName, '^\\\\([^\\]+)\\pipe\\(.+)$')
    if (-not $match.Success) {
        throw (New-MobyKitErrorRecord -Message ("'{0}' is not a named pipe path such as \\.\pipe\name" -f $PipeName) -Category InvalidArgument -ErrorId 'MobyKit.BadPipeName' -TargetObject $PipeName)
    }
    $direction = [System.IO.Pipes.PipeDirection]::In
    if ($Interactive) {
        $direction = [System.IO.Pipes.PipeDirection]::InOut
    }
    $stream = New-Object -TypeName System.IO.Pipes.NamedPipeClientStream -ArgumentList $match.Groups[1].Value, $match.Groups[2].Value, $direction, ([System.IO.Pipes.PipeOptions]::Asynchronous)
    try {
        $stream.Connect(5000)
    }
    catch {
        $stream.Dispose()
        throw (New-MobyKitErrorRecord -Message ("Could not open the console pipe {0} (is the VM running, and is no other console attached?)" -f $PipeName) -ErrorRecord $_ -TargetObject $PipeName)
    }
    $connection = [pscustomobject]@{ Stream = $stream; Buffer = (New-Object -TypeName byte[] -ArgumentList 4096); Pending = $null }
    $script:MobyKitConsoles[$key] = $connection
    return $connection
}
