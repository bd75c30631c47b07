function Get-MobyKitProcessUser {
    <#
    .SYNOPSIS
        The account this PowerShell runs as (DOMAIN\user).
    .EXAMPLE
        Get-MobyKitProcessUser
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    return [System.Security.Principal.WindowsIdentity]::GetCurrent().Name
}
