function Set-MobyKitShareAccount {
    <#
    .SYNOPSIS
        Gives mobykit's local share account a new random password and, in the same call, grants it
        the share, stores its credential and sets the VM's mount token.
    .DESCRIPTION
        For hosts whose users' passwords the admin does not know (--share-account local). The
        password is made here by New-MobyKitSharePassword (the OS CSPRNG) and never leaves this
        call: it is not returned, logged or bound as text; it goes as a SecureString to
        Set-LocalUser, Credential Manager and Set-MobyKitKvpItem. Nobody knows the old one, so
        every call rotates it.
        The account must be mobykit's: New-MobyKitShareAccount made it with mobykit's marker as
        its description, and mobykit's journal holds its SID. One of that name without the marker
        is refused, and nothing is changed. The share and the VM are looked up before anything
        changes. The credential goes to the Credential Manager of the account running this call;
        a logon that has none (a network logon: WinRM or SSH, error 1312) stores no credential,
        which the result says (CredentialStored false): the VM's mount needs only the token.
        Returns the account's name and SID, and whether the credential was stored.
    .PARAMETER UserName
        The local account, e.g. 'mobykit-share'.
    .PARAMETER Description
        mobykit's marker, which the account's description must be.
    .PARAMETER ShareName
        The SMB share the account is granted.
    .PARAMETER TargetName
        The credential's target, e.g. 'Docker Host Filesystem Access'.
    .PARAMETER Comment
        The credential's comment: mobykit's ownership marker.
    .PARAMETER VMName
        The VM that gets the mount token.
    .PARAMETER ItemName
        The KVP item name, e.g. 'cifsmount'.
    .PARAMETER MountPoint
        The mount point in the guest, without its leading slash, e.g. 'c'.
    .EXAMPLE
        Set-MobyKitShareAccount -UserName mobykit-share -Description 'Managed by mobykit' -ShareName C -TargetName 'Docker Host Filesystem Access' -Comment 'Managed by mobykit' -VMName MobyLinuxVM -ItemName cifsmount -MountPoint c -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[^"/\\\[\]:;|=,+*?<>@]{1,20}$')]
        [string]$UserName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Description,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$ShareName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$TargetName,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Comment,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$VMName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$ItemName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$MountPoint
    )

    $ErrorActionPreference = 'Stop'
    $step = ("look up share '{0}'" -f $ShareName)
    try {
        if ($null -eq (Get-MobyKitSmbShareByName -Name $ShareName)) {
            throw (New-MobyKitErrorRecord -Message ("Share '{0}' does not exist" -f $ShareName) -Category ObjectNotFound -ErrorId 'MobyKit.ShareMissing' -TargetObject $ShareName)
        }
        $step = ("look up VM '{0}'" -f $VMName)
        if ($null -eq (Get-MobyKitVMByName -Name $VMName)) {
            throw (New-MobyKitErrorRecord -Message ("VM '{0}' does not exist" -f $VMName) -Category ObjectNotFound -ErrorId 'MobyKit.VMMissing' -TargetObject $VMName)
        }
        $step = ("look up local account '{0}'" -f $UserName)
        Import-MobyKitLocalAccountModule
        $lookupErrors = $null
        $named = @(Microsoft.PowerShell.LocalAccounts\Get-LocalUser -Name $UserName -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
        Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
        if ($named.Count -eq 0) {
            throw (New-MobyKitErrorRecord -Message ("Local account '{0}' does not exist" -f $UserName) -Category ObjectNotFound -ErrorId 'MobyKit.ShareAccountMissing' -TargetObject $UserName)
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('Could not {0}' -f $step) -ErrorRecord $_ -TargetObject $UserName))
    }
    $sid = [string]$named[0].SID
    if ([string]$named[0].Description -cne $Description) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("A local account '{0}' (SID {1}) exists that mobykit did not make: mobykit leaves it alone" -f $UserName, $sid) -Category ResourceExists -ErrorId 'MobyKit.ShareAccountNotOwned' -TargetObject $UserName))
    }
    if (-not $PSCmdlet.ShouldProcess($UserName, 'Give the local account a new random password, grant it the share, store its credential and set the mount token')) {
        return
    }
    $stored = $false
    $password = New-MobyKitSharePassword
    try {
        $step = ("set a new password for local account '{0}'" -f $UserName)
        Microsoft.PowerShell.LocalAccounts\Set-LocalUser -SID $sid -Password $password -Confirm:$false -ErrorAction Stop
        $step = ("grant '{0}' the share '{1}'" -f $UserName, $ShareName)
        Grant-MobyKitShareAccess -Name $ShareName -AccountName ('{0}\{1}' -f $env:COMPUTERNAME, $UserName) -Confirm:$false
        $step = ("set the mount token of VM '{0}'" -f $VMName)
        Set-MobyKitKvpItem -VMName $VMName -ItemName $ItemName -MountPoint $MountPoint -ShareName $ShareName -UserName $UserName -Password $password -Confirm:$false
        $step = ("store the credential '{0}'" -f $TargetName)
        try {
            Initialize-MobyKitNativeCredential
            [MobyKit.NativeCredential]::Write($TargetName, $UserName, $password, $Comment)
            $stored = $true
        }
        catch {
            if (-not (Test-MobyKitNoLogonSession -ErrorRecord $_)) {
                throw
            }
            Write-Verbose -Message ("Credential '{0}' not stored: this logon has no Credential Manager store (error 1312)" -f $TargetName)
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message (Get-MobyKitCredentialErrorText -ErrorRecord $_ -Doing ('Could not {0}' -f $step)) -ErrorRecord $_ -TargetObject $UserName))
    }
    finally {
        $password.Dispose()
    }
    [pscustomobject]@{ UserName = $UserName; Sid = $sid; CredentialStored = $stored }
}
