function New-MobyKitShareAccount {
    <#
    .SYNOPSIS
        Creates mobykit's local share account, with a random password nobody is told.
    .DESCRIPTION
        New-LocalUser with a password made here by New-MobyKitSharePassword (the OS CSPRNG) and
        dropped at once: the account is unusable until Set-MobyKitShareAccount gives it the
        password it hands to the share's credential and the VM's mount token in one call. It is a
        plain user (in no group New-LocalUser does not put it in), its password never expires and
        it may not change it. The description is mobykit's marker: a run killed before its SID
        was recorded is recognised by it (a new account of that name and marker), and an account
        of that name without it is someone else's and is refused, unchanged. One of that name
        with the marker is left alone. Returns the account's name and SID.
    .PARAMETER Name
        The local account, e.g. 'mobykit-share'.
    .PARAMETER Description
        mobykit's marker, e.g. 'Managed by mobykit'.
    .EXAMPLE
        New-MobyKitShareAccount -Name mobykit-share -Description 'Managed by mobykit' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^[^"/\\\[\]:;|=,+*?<>@]{1,20}$')]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Description
    )

    $ErrorActionPreference = 'Stop'
    try {
        Import-MobyKitLocalAccountModule
        $lookupErrors = $null
        $named = @(Microsoft.PowerShell.LocalAccounts\Get-LocalUser -Name $Name -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
        Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up local account '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($named.Count -gt 0) {
        if ([string]$named[0].Description -ceq $Description) {
            Write-Verbose -Message ("Local account '{0}' (SID {1}) is already mobykit's" -f $Name, $named[0].SID)
            return [pscustomobject]@{ Name = [string]$named[0].Name; Sid = [string]$named[0].SID }
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("A local account '{0}' (SID {1}) exists that mobykit did not make: mobykit leaves it alone" -f $Name, $named[0].SID) -Category ResourceExists -ErrorId 'MobyKit.ShareAccountNotOwned' -TargetObject $Name))
    }
    if (-not $PSCmdlet.ShouldProcess($Name, 'Create local account with a random password')) {
        return
    }
    $password = New-MobyKitSharePassword
    try {
        $account = Microsoft.PowerShell.LocalAccounts\New-LocalUser -Name $Name -Password $password -Description $Description -PasswordNeverExpires -UserMayNotChangePassword -AccountNeverExpires -Confirm:$false -ErrorAction Stop
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not create local account '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    finally {
        $password.Dispose()
    }
    [pscustomobject]@{ Name = [string]$account.Name; Sid = [string]$account.SID }
}
