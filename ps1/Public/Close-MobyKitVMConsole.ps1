function Close-MobyKitVMConsole {
    <#
    .SYNOPSIS
        Closes this session's connection to a console pipe, if one is open.
    .PARAMETER PipeName
        The pipe path, \\.\pipe\<name>.
    .EXAMPLE
        Close-MobyKitVMConsole -PipeName '\\.\pipe\dockerMobyLinuxVM-com1'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$PipeName
    )

    $console = Get-MobyKitConsoleConnection -PipeName $PipeName -Existing
    if ($null -eq $console) {
        return
    }
    $script:MobyKitConsoles.Remove($PipeName.ToLowerInvariant())
    $console.Stream.Dispose()
}
