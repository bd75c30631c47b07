function Resolve-MobyKitStateDir {
    <#
    .SYNOPSIS
        The folder of this host's journal: the one given, else $env:MOBYKIT_STATE_DIR, else %ProgramData%\mobykit.
    .PARAMETER StateDir
        The folder given by the caller; empty for the default.
    .EXAMPLE
        Resolve-MobyKitStateDir -StateDir ''
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([AllowEmptyString()][string]$StateDir = '')
    if (-not [string]::IsNullOrEmpty($StateDir)) { return $StateDir }
    if (-not [string]::IsNullOrEmpty($env:MOBYKIT_STATE_DIR)) { return $env:MOBYKIT_STATE_DIR }
    if (-not [string]::IsNullOrEmpty($env:ProgramData)) { return (Join-Path -Path $env:ProgramData -ChildPath 'mobykit') }
    throw (New-MobyKitErrorRecord -Message 'No folder for the journal: %ProgramData% and MOBYKIT_STATE_DIR are both unset' -Category ObjectNotFound -ErrorId 'MobyKit.NoStateDir' -Cmdlet 'Resolve-MobyKitStateDir')
}
