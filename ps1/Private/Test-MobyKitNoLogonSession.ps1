function Test-MobyKitNoLogonSession {
    <#
    .SYNOPSIS
        Whether a Credential Manager call failed because this logon has no credential store (error 1312).
    .DESCRIPTION
        CredRead/CredWrite use the credential set of the caller's logon session. A network logon
        (PowerShell remoting over WinRM, SSH) has none: ERROR_NO_SUCH_LOGON_SESSION (1312).
    .PARAMETER ErrorRecord
        The error caught from the NativeCredential call.
    .EXAMPLE
        Test-MobyKitNoLogonSession -ErrorRecord $_
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [System.Management.Automation.ErrorRecord]$ErrorRecord
    )

    for ($exception = $ErrorRecord.Exception; $null -ne $exception; $exception = $exception.InnerException) {
        if ($exception -is [System.ComponentModel.Win32Exception] -and $exception.NativeErrorCode -eq 1312) {
            return $true
        }
    }
    return $false
}
