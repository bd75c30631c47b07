function Initialize-MobyKitStateDir {
    <#
    .SYNOPSIS
        Creates mobykit's state folder (journal, host lock) when it is missing: a new one is Administrators-only.
    .DESCRIPTION
        The journal decides what uninstall removes, so only Administrators and SYSTEM (full control)
        and Hyper-V Administrators (modify) may change it. A folder made here drops what it would
        inherit from %ProgramData% (where Users may create files) for the grants mobykit's CLI gives
        the folder it makes on its own host (src/state/journal-file.ts, the same icacls arguments).
        If the folder cannot be restricted it is removed again, so no run keeps using an open one.
        An existing folder is left as it is.
    .PARAMETER Path
        The state folder (Resolve-MobyKitStateDir).
    .EXAMPLE
        Initialize-MobyKitStateDir -Path (Resolve-MobyKitStateDir)
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Path)
    if (Test-Path -LiteralPath $Path -PathType Container) { return }
    $null = New-Item -ItemType Directory -Path $Path -Force
    if (-not (Test-MobyKitWindows)) { return }
    $output = @(Invoke-MobyKitNativeTool -ToolCall { icacls.exe $Path /inheritance:r /grant:r '*S-1-5-32-544:(OI)(CI)F' '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-578:(OI)(CI)M' 2>&1 })
    if ($LASTEXITCODE -ne 0) {
        Remove-Item -LiteralPath $Path -Force -ErrorAction SilentlyContinue
        $message = 'Cannot restrict {0} to Administrators (icacls: {1})' -f $Path, (($output | ForEach-Object { [string]$_ }) -join ' ').Trim()
        throw (New-MobyKitErrorRecord -Message $message -Category PermissionDenied -ErrorId 'MobyKit.StateDirAcl' -Cmdlet 'icacls')
    }
}
