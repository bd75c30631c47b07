function Get-MobyKitJournal {
    <#
    .SYNOPSIS
        The text of mobykit's ownership journal on this host, or $null when there is none.
    .DESCRIPTION
        Used when mobykit drives this host through PowerShell remoting: the journal lives on the
        host it describes. The folder is -StateDir, else $env:MOBYKIT_STATE_DIR, else
        %ProgramData%\mobykit (as mobykit on the host itself uses). The text is returned as it
        is; mobykit validates it.
    .PARAMETER StateDir
        The folder that holds journal.json.
    .EXAMPLE
        Get-MobyKitJournal -StateDir 'C:\ProgramData\mobykit'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [string]$StateDir = ''
    )
    $file = Join-Path -Path (Resolve-MobyKitStateDir -StateDir $StateDir) -ChildPath 'journal.json'
    if (-not (Test-Path -LiteralPath $file -PathType Leaf)) {
        return $null
    }
    return [System.IO.File]::ReadAllText($file, [System.Text.Encoding]::UTF8)
}
