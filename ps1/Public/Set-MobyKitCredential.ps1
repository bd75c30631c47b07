function Set-MobyKitCredential {
    <#
    .SYNOPSIS
        Stores the share user's credential in Windows Credential Manager.
    .DESCRIPTION
        A generic credential written with CredWriteW (P/Invoke, see
        Initialize-MobyKitNativeCredential), persisted for this user on this machine. cmdkey.exe is
        not used: it would put the password on a command line. Idempotent: a credential with the
        same user name, comment and secret is left alone. Refused when this PowerShell's user is not
        the one signed in to the session (over-the-shoulder elevation), and explained when the logon
        has no credential store (a network logon: WinRM, SSH).
    .PARAMETER TargetName
        The credential's target, e.g. 'Docker Host Filesystem Access'.
    .PARAMETER UserName
        The user name.
    .PARAMETER Comment
        The credential's comment: mobykit's ownership marker.
    .PARAMETER Password
        The secret, as a SecureString: a logged parameter binding shows only its type. It arrives
        sealed through Invoke-MobyKitCall and is never output.
    .EXAMPLE
        Set-MobyKitCredential -TargetName 'Docker Host Filesystem Access' -UserName alice -Comment 'Managed by mobykit' -Password $password -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$TargetName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$UserName,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Comment,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Password
    )

    $ErrorActionPreference = 'Stop'
    # Credential Manager keeps credentials per logon: the one written to must be the desktop user's,
    # or Docker (running as that user) would not find it.
    try {
        Assert-MobyKitDesktopUser -What 'the credential, the share access and the mount token'
    }
    catch {
        $PSCmdlet.ThrowTerminatingError($_)
    }
    # Handed to .NET as the SecureString itself: the text never is a PowerShell value.
    try {
        Initialize-MobyKitNativeCredential
        $same = [MobyKit.NativeCredential]::Test($TargetName, $UserName, $Password, $Comment)
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message (Get-MobyKitCredentialErrorText -ErrorRecord $_ -Doing ("Could not read credential '{0}'" -f $TargetName)) -ErrorRecord $_ -TargetObject $TargetName))
    }
    if ($same) {
        Write-Verbose -Message ("Credential '{0}' is already up to date" -f $TargetName)
        return
    }
    if ($PSCmdlet.ShouldProcess($TargetName, ('Store credential for {0}' -f $UserName))) {
        try {
            [MobyKit.NativeCredential]::Write($TargetName, $UserName, $Password, $Comment)
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message (Get-MobyKitCredentialErrorText -ErrorRecord $_ -Doing ("Could not store credential '{0}'" -f $TargetName)) -ErrorRecord $_ -TargetObject $TargetName -Cmdlet 'CredWrite'))
        }
    }
}
