function Import-MobyKitLocalAccountModule {
    <#
    .SYNOPSIS
        Makes the Microsoft.PowerShell.LocalAccounts cmdlets callable on Windows PowerShell 5.1 and PowerShell 7.
    .DESCRIPTION
        Windows PowerShell 5.1 loads the module itself. PowerShell 7 loads it in-process too, where
        some 7.x versions on some Windows builds fail every call with "Could not load type
        'Microsoft.PowerShell.Telemetry.Internal.TelemetryAPI'" (PowerShell issues 18624, 21645).
        The documented way around it is the Windows PowerShell compatibility feature
        (about_Windows_PowerShell_Compatibility): Import-Module -UseWindowsPowerShell runs the
        module in a background 5.1 process reached by implicit remoting, the transport of
        PowerShell jobs. A SecureString crosses it as a serialized SecureString, never as text on
        a command line. A module already loaded (or, in the tests, its stub) is used as it is.
    .EXAMPLE
        Import-MobyKitLocalAccountModule
    #>
    [CmdletBinding()]
    param()

    $name = 'Microsoft.PowerShell.LocalAccounts'
    if ($null -ne (Get-Module -Name $name)) {
        return
    }
    if ($PSVersionTable.PSEdition -eq 'Core') {
        Import-Module -Name $name -UseWindowsPowerShell -ErrorAction Stop -WarningAction SilentlyContinue
    }
    else {
        Import-Module -Name $name -ErrorAction Stop
    }
}
