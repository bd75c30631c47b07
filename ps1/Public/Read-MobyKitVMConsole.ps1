function Read-MobyKitVMConsole {
    <#
    .SYNOPSIS
        What the VM wrote to its console pipe, as base64; '' when nothing came in time.
    .DESCRIPTION
        Connects to the pipe on the first call and keeps it open between calls (a read that has
        not finished carries over to the next call, so nothing is lost). Waits up to
        -TimeoutMilliseconds for output. Throws when the VM closes the pipe.
    .PARAMETER PipeName
        The pipe path, \\.\pipe\<name> (the VM's COM1 path).
    .PARAMETER TimeoutMilliseconds
        How long to wait for output.
    .PARAMETER Interactive
        Open the pipe for writing too (Write-MobyKitVMConsole); otherwise read-only.
    .EXAMPLE
        Read-MobyKitVMConsole -PipeName '\\.\pipe\dockerMobyLinuxVM-com1' -TimeoutMilliseconds 500
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$PipeName,

        [ValidateRange(0, 10000)]
        [int]$TimeoutMilliseconds = 500,

        [switch]$Interactive
    )

    $ErrorActionPreference = 'Stop'
    $console = Get-MobyKitConsoleConnection -PipeName $PipeName -Interactive:$Interactive
    if ($null -eq $console.Pending) {
        $console.Pending = $console.Stream.ReadAsync($console.Buffer, 0, $console.Buffer.Length)
    }
    if (-not $console.Pending.Wait($TimeoutMilliseconds)) {
        return ''
    }
    $count = $console.Pending.Result
    $console.Pending = $null
    if ($count -le 0) {
        Close-MobyKitVMConsole -PipeName $PipeName
        throw (New-MobyKitErrorRecord -Message ('The VM closed its console pipe {0}' -f $PipeName) -Category ConnectionError -ErrorId 'MobyKit.ConsoleClosed' -TargetObject $PipeName)
    }
    return [Convert]::ToBase64String($console.Buffer, 0, $count)
}
