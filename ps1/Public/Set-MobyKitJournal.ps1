function Set-MobyKitJournal {
    <#
    .SYNOPSIS
        Writes mobykit's ownership journal on this host, whole: a temporary file renamed over the old.
    .DESCRIPTION
        A kill leaves the old or the new journal, never half of one. The text must be a JSON
        object (mobykit's journal document); anything else is refused and nothing is written.
        The folder is -StateDir, else $env:MOBYKIT_STATE_DIR, else %ProgramData%\mobykit.
    .PARAMETER Json
        The journal document as JSON text.
    .PARAMETER StateDir
        The folder that holds journal.json.
    .EXAMPLE
        Set-MobyKitJournal -Json '{"version":2,"entries":[]}'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)][string]$Json,
        [string]$StateDir = ''
    )
    $ErrorActionPreference = 'Stop'
    try {
        $document = ConvertFrom-MobyKitJson -Json $Json
    }
    catch {
        $document = $null
    }
    if ($null -eq $document -or $document -isnot [System.Management.Automation.PSCustomObject]) {
        throw (New-MobyKitErrorRecord -Message 'The journal must be a JSON object' -Category InvalidArgument -ErrorId 'MobyKit.BadJournal' -Cmdlet 'Set-MobyKitJournal')
    }
    $dir = Resolve-MobyKitStateDir -StateDir $StateDir
    Initialize-MobyKitStateDir -Path $dir
    $file = Join-Path -Path $dir -ChildPath 'journal.json'
    $temporary = '{0}.{1}.tmp' -f $file, [System.Guid]::NewGuid().ToString('N')
    try {
        [System.IO.File]::WriteAllText($temporary, $Json, (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false))
        Move-Item -LiteralPath $temporary -Destination $file -Force
    }
    finally {
        if (Test-Path -LiteralPath $temporary) {
            Remove-Item -LiteralPath $temporary -Force -ErrorAction SilentlyContinue
        }
    }
}
