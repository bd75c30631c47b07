function Get-MobyKitProcessIdentity {
    <#
    .SYNOPSIS
        The account this PowerShell runs as and whether it holds the Administrators and Hyper-V
        Administrators roles (its token's groups, as UAC filtered them).
    .DESCRIPTION
        WindowsIdentity and WindowsPrincipal exist only on Windows; elsewhere this throws and the
        gather records that it could not check privileges. Kept this small because it is what the
        test hosts replace: the fleet tests' simulated Windows (test/fleet/FleetHost.ps1) answers
        it from the host's snapshot (platform.identity), as Pester replaces the other OS boundaries.
    .EXAMPLE
        (Get-MobyKitProcessIdentity).IsAdministrator
    #>
    [CmdletBinding()]
    param()

    $current = [System.Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName System.Security.Principal.WindowsPrincipal -ArgumentList @($current)
    $administrators = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList @('S-1-5-32-544')
    $hyperVAdministrators = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList @('S-1-5-32-578')
    return [ordered]@{
        UserName              = [string]$current.Name
        IsAdministrator       = $principal.IsInRole($administrators)
        IsHyperVAdministrator = $principal.IsInRole($hyperVAdministrators)
    }
}
