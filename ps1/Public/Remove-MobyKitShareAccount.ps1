function Remove-MobyKitShareAccount {
    <#
    .SYNOPSIS
        Removes mobykit's local share account, found by the SID mobykit recorded, and nothing else.
    .DESCRIPTION
        Get-LocalUser -SID and Remove-LocalUser -SID: the account mobykit made goes whatever it
        is named now; an account that merely has its name (another SID) is never looked at. An
        account that is already gone is not an error; a lookup that fails otherwise (access
        denied) is.
    .PARAMETER Sid
        The SID mobykit recorded when it made the account.
    .EXAMPLE
        Remove-MobyKitShareAccount -Sid 'S-1-5-21-1-2-3-1009' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidatePattern('^S-1-[0-9]+(-[0-9]+)+$')]
        [string]$Sid
    )

    $ErrorActionPreference = 'Stop'
    try {
        Import-MobyKitLocalAccountModule
        $lookupErrors = $null
        $owned = @(Microsoft.PowerShell.LocalAccounts\Get-LocalUser -SID $Sid -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
        Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ('Could not look up local account {0}' -f $Sid) -ErrorRecord $_ -TargetObject $Sid))
    }
    if ($owned.Count -eq 0) {
        Write-Verbose -Message ('Local account {0} is already gone' -f $Sid)
        return
    }
    if ($PSCmdlet.ShouldProcess(('{0} ({1})' -f $owned[0].Name, $Sid), 'Remove local account')) {
        try {
            Microsoft.PowerShell.LocalAccounts\Remove-LocalUser -SID $Sid -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove local account '{0}' ({1})" -f $owned[0].Name, $Sid) -ErrorRecord $_ -TargetObject $Sid))
        }
    }
}
