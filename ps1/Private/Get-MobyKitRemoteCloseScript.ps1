function Get-MobyKitRemoteCloseScript {
    <#
    .SYNOPSIS
        The script a runspace runs to remove the delivered module folder and close one remote session (Invoke-MobyKitRemoteBatch).
    .DESCRIPTION
        Fixed text: the session, the folder and whether to remove it arrive as arguments (a
        session whose host hung is only closed: the removal would hang too). Outputs whether
        the folder was removed; the session is closed either way.
    .EXAMPLE
        $pipeline.AddScript((Get-MobyKitRemoteCloseScript))
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    return @'
param($Session, $Folder, $Clean)
$removed = $false
try {
    if ($Clean -and $Session.State -eq 'Opened') {
        Invoke-Command -Session $Session -ErrorAction Stop -ArgumentList $Folder -ScriptBlock {
            param($Folder)
            Remove-Module -Name 'MobyKit' -Force -ErrorAction SilentlyContinue
            Remove-Item -LiteralPath $Folder -Recurse -Force -ErrorAction Stop
        }
        $removed = $true
    }
}
catch {
    $removed = $false
}
finally {
    Remove-PSSession -Session $Session -ErrorAction SilentlyContinue
}
$removed
'@
}
