function Remove-MobyKitCredential {
    <#
    .SYNOPSIS
        Deletes mobykit's generic credential from Windows Credential Manager.
    .DESCRIPTION
        CredDeleteW (P/Invoke). Idempotent: an absent credential needs nothing.
    .PARAMETER TargetName
        The credential's target.
    .EXAMPLE
        Remove-MobyKitCredential -TargetName 'Docker Host Filesystem Access' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$TargetName
    )

    $ErrorActionPreference = 'Stop'
    try {
        Initialize-MobyKitNativeCredential
        $present = @([MobyKit.NativeCredential]::Find($TargetName) | Where-Object -FilterScript { $_.Type -eq 'Generic' })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not read credential '{0}'" -f $TargetName) -ErrorRecord $_ -TargetObject $TargetName -Cmdlet 'CredEnumerate'))
    }
    if ($present.Count -eq 0) {
        Write-Verbose -Message ("No credential '{0}': nothing to remove" -f $TargetName)
        return
    }
    if ($PSCmdlet.ShouldProcess($TargetName, 'Delete credential')) {
        try {
            $null = [MobyKit.NativeCredential]::Delete($TargetName)
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not delete credential '{0}'" -f $TargetName) -ErrorRecord $_ -TargetObject $TargetName -Cmdlet 'CredDelete'))
        }
    }
}
