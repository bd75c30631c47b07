function Write-MobyKitVMConsole {
    <#
    .SYNOPSIS
        Sends keystrokes (base64 bytes) to a console opened with Read-MobyKitVMConsole -Interactive.
    .PARAMETER PipeName
        The pipe path, \\.\pipe\<name>.
    .PARAMETER Data
        The bytes to send, base64.
    .EXAMPLE
        Write-MobyKitVMConsole -PipeName '\\.\pipe\dockerMobyLinuxVM-com1' -Data 'DQ=='
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$PipeName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Data
    )

    $ErrorActionPreference = 'Stop'
    $console = Get-MobyKitConsoleConnection -PipeName $PipeName -Existing
    if ($null -eq $console -or -not $console.Stream.CanWrite) {
        throw (New-MobyKitErrorRecord -Message ('The console {0} is not open for writing (Read-MobyKitVMConsole -Interactive first)' -f $PipeName) -Category InvalidOperation -ErrorId 'MobyKit.ConsoleReadOnly' -TargetObject $PipeName)
    }
    $bytes = [Convert]::FromBase64String($Data)
    if ($PSCmdlet.ShouldProcess($PipeName, ('Send {0} bytes' -f $bytes.Length))) {
        $console.Stream.Write($bytes, 0, $bytes.Length)
        $console.Stream.Flush()
    }
}
