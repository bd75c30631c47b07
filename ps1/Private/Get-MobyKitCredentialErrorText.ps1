function Get-MobyKitCredentialErrorText {
    <#
    .SYNOPSIS
        The message for a failed Credential Manager call: what was being done, and what to do about error 1312.
    .DESCRIPTION
        CredRead/CredWrite use the credential set of the caller's logon session. A network logon
        (PowerShell remoting over WinRM, SSH) has none: ERROR_NO_SUCH_LOGON_SESSION (1312), whose
        own text ("A specified logon session does not exist") does not say what to do.
    .PARAMETER ErrorRecord
        The error caught from the NativeCredential call.
    .PARAMETER Doing
        What failed, e.g. "Could not store credential 'x'".
    .EXAMPLE
        Get-MobyKitCredentialErrorText -ErrorRecord $_ -Doing "Could not store credential 'x'"
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.ErrorRecord]$ErrorRecord,

        [Parameter(Mandatory = $true)]
        [string]$Doing
    )

    if (Test-MobyKitNoLogonSession -ErrorRecord $ErrorRecord) {
        return ('{0}: this logon has no Credential Manager store (a network logon such as PowerShell remoting or SSH, error 1312); run mobykit in a session signed in on the machine (at the console or over Remote Desktop)' -f $Doing)
    }
    return $Doing
}
