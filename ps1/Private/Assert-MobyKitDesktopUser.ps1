function Assert-MobyKitDesktopUser {
    <#
    .SYNOPSIS
        Refuses when this PowerShell runs as someone other than the user signed in to its session.
    .DESCRIPTION
        Over-the-shoulder elevation (a standard user's session, an administrator's credentials)
        runs mobykit as the administrator: Credential Manager, a per-logon store, would keep the
        share credential for the administrator, and the share access and mount token would name
        them, while Docker runs as the desktop user. When who is signed in cannot be told (no
        desktop, e.g. a service), nothing is refused.
    .PARAMETER What
        What would go to the wrong user, for the message.
    .EXAMPLE
        Assert-MobyKitDesktopUser -What 'the share credential'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$What
    )

    $processUser = Get-MobyKitProcessUser
    $desktopUser = $null
    try {
        $desktopUser = Get-MobyKitInteractiveUser
    }
    catch {
        Write-Verbose -Message ('Could not tell who is signed in to this session: {0}' -f $_.Exception.Message)
    }
    if ($null -ne $desktopUser -and $desktopUser -ne $processUser) {
        throw (New-MobyKitErrorRecord -Message ("This PowerShell runs as '{0}', but '{1}' is signed in to this session (elevated over the shoulder): {2} would be '{0}''s, not '{1}''s. Run mobykit from an elevated prompt of the account that uses Docker, or sign in as '{0}'." -f $processUser, $desktopUser, $What) -Category PermissionDenied -ErrorId 'MobyKit.OtherDesktopUser' -TargetObject $processUser)
    }
}
