function Get-MobyKitInteractiveUser {
    <#
    .SYNOPSIS
        The user signed in to this process's Windows session (DOMAIN\user), $null when none is found.
    .DESCRIPTION
        The owner of explorer.exe in the same session as this process: the person at the desktop.
        When an administrator elevates "over the shoulder" of a standard user, this differs from
        the process's own identity, and Credential Manager (a per-logon store) would keep the share
        credential for the administrator, not for the user who runs Docker.
    .EXAMPLE
        $desktopUser = Get-MobyKitInteractiveUser
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $sessionId = [System.Diagnostics.Process]::GetCurrentProcess().SessionId
    $shells = @(CimCmdlets\Get-CimInstance -ClassName 'Win32_Process' -Filter ("Name = 'explorer.exe' AND SessionId = {0}" -f [int]$sessionId) -ErrorAction Stop)
    foreach ($shell in $shells) {
        $owner = CimCmdlets\Invoke-CimMethod -InputObject $shell -MethodName 'GetOwner' -ErrorAction Stop
        if ([int]$owner.ReturnValue -eq 0 -and $owner.User) {
            return ('{0}\{1}' -f $owner.Domain, $owner.User)
        }
    }
    return $null
}
