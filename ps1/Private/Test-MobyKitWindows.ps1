function Test-MobyKitWindows {
    <#
    .SYNOPSIS
        Whether this PowerShell runs on Windows (5.1 has no $IsWindows).
    .EXAMPLE
        if (Test-MobyKitWindows) { 'Windows' }
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
}
