function Invoke-MobyKitNativeTool {
    <#
    .SYNOPSIS
        Runs a native tool (bcdedit, netsh) with its output decoded in the console's OEM code page.
    .DESCRIPTION
        PowerShell decodes a native program's output with [Console]::OutputEncoding, which mobykit's
        session sets to UTF-8 for its JSON answers. bcdedit and netsh write in the OEM code page
        (850 on a German host, 437 on an English one), so their localized messages would arrive
        garbled. The encoding is switched to the OEM code page for the call and put back after,
        with the console writers' line endings (setting the encoding recreates the writers).
    .PARAMETER ToolCall
        The call, e.g. { bcdedit.exe /enum '{current}' 2>&1 }.
    .EXAMPLE
        $lines = @(Invoke-MobyKitNativeTool -ToolCall { netsh.exe interface ipv4 show excludedportrange protocol=tcp 2>&1 })
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [scriptblock]$ToolCall
    )

    $previous = [Console]::OutputEncoding
    $outNewLine = [Console]::Out.NewLine
    $errorNewLine = [Console]::Error.NewLine
    try {
        [Console]::OutputEncoding = [System.Text.Encoding]::GetEncoding([System.Globalization.CultureInfo]::CurrentCulture.TextInfo.OEMCodePage)
        & $ToolCall
    }
    finally {
        [Console]::OutputEncoding = $previous
        [Console]::Out.NewLine = $outNewLine
        [Console]::Error.NewLine = $errorNewLine
    }
}
