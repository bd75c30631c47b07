function Set-MobyKitCredential {
    <#
    .SYNOPSIS
        Stores the share user's credential in Windows Credential Manager.
    .DESCRIPTION
        A generic credential written with CredWriteW (P/Invoke, see
        Initialize-MobyKitNativeCredential), persisted for this user on this machine. cmdkey.exe is
        not used: it would put the password on a command line. Idempotent: a credential with the
        same user name, comment and secret is left alone.
    .PARAMETER TargetName
        The credential's target, e.g. 'Docker Host Filesystem Access'.
    .PARAMETER UserName
        The user name.
    .PARAMETER Comment
        The credential's comment: mobykit's ownership marker.
    .PARAMETER Password
        The secret. It arrives as data through Invoke-MobyKitCall and is never output.
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
        [AllowEmptyString()]
        [string]$Password
    )

    $ErrorActionPreference = 'Stop'
    try {
        Initialize-MobyKitNativeCredential
        $same = [MobyKit.NativeCredential]::Test($TargetName, $UserName, $Password, $Comment)
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read credential '{0}'" -f $TargetName) -ErrorRecord $_ -TargetObject $TargetName))
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
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not store credential '{0}'" -f $TargetName) -ErrorRecord $_ -TargetObject $TargetName -Cmdlet 'CredWrite'))
        }
    }
}
