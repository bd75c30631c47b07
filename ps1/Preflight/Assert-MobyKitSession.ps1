function Assert-MobyKitSession {
    <#
    .SYNOPSIS
        Refuses, with what to do, a PowerShell that cannot load or run the MobyKit module.
    .DESCRIPTION
        mobykit runs this at start-up, before Import-Module, so that the user reads the reason
        rather than an import error:
        - Windows PowerShell 5.0 (Windows 10 1511, build 10586): the manifest needs 5.1.
        - A build before 14393 (Windows 10 1607 / Server 2016): no NetNat.
        - PowerShell 7 on a build before 17763 (Windows 10 1809 / Server 2019): Microsoft lists
          Hyper-V, NetAdapter, NetConnection, NetNat, NetSecurity, NetTCPIP and SmbShare as natively
          compatible from 1809 on; before, they load only through the Windows PowerShell
          compatibility session, whose deserialized objects do not bind to -VM and the like.
        - An execution policy set by Group Policy (MachinePolicy or UserPolicy), which wins over
          -ExecutionPolicy Bypass: AllSigned and Restricted refuse the unsigned module;
          RemoteSigned refuses it when its files carry the downloaded-from-the-internet mark.
        Constrained Language Mode is checked before this runs (the start-up line itself), as the
        .NET calls that bring this function in are blocked there.
    .PARAMETER ModulePath
        The MobyKit module manifest to be imported.
    .PARAMETER PSVersion
        The PowerShell version (this session's by default).
    .PARAMETER Edition
        Desktop or Core (this session's by default; Windows PowerShell 5.0 has none: Desktop).
    .PARAMETER Build
        The Windows build number; by default read from the registry on Windows, not checked elsewhere.
    .EXAMPLE
        Assert-MobyKitSession -ModulePath 'C:\mobykit\ps1\MobyKit.psd1'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$ModulePath,

        [version]$PSVersion = [version]$PSVersionTable.PSVersion.ToString(),

        [string]$Edition = [string]$PSVersionTable['PSEdition'],

        [int]$Build = -1
    )

    if ($PSVersion -lt [version]'5.1') {
        throw ('mobykit needs Windows PowerShell 5.1 or PowerShell 7; this is PowerShell {0}. Windows 10 1511 (build 10586) ships 5.0: update Windows to 1607 (build 14393) or later, which brings 5.1.' -f $PSVersion)
    }
    if ($Build -lt 0 -and $env:OS -eq 'Windows_NT') {
        $Build = [int](Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name 'CurrentBuildNumber' -ErrorAction Stop).CurrentBuildNumber
    }
    if ($Build -ge 0 -and $Build -lt 14393) {
        throw ('mobykit needs Windows 10 1607 / Server 2016 (build 14393) or later, which brought the NetNat NAT it sets up; this is build {0}: update Windows.' -f $Build)
    }
    if ($Edition -eq 'Core' -and $Build -ge 0 -and $Build -lt 17763) {
        throw ('On build {0}, PowerShell 7 loads the Hyper-V and networking modules only through the Windows PowerShell compatibility session, whose objects mobykit cannot pass on (they are native from Windows 10 1809 / Server 2019, build 17763). Use Windows PowerShell 5.1 (powershell.exe, mobykit''s default): unset NODE_POWERSHELL.' -f $Build)
    }

    foreach ($scope in @('MachinePolicy', 'UserPolicy')) {
        $policy = [string](Get-ExecutionPolicy -Scope $scope)
        if ($policy -eq 'AllSigned' -or $policy -eq 'Restricted') {
            throw ('Group Policy sets the PowerShell execution policy to {0} ({1} scope), which wins over -ExecutionPolicy Bypass: the MobyKit module is not signed, so it cannot load. Ask the administrator of that policy to allow it (Undefined, RemoteSigned or a signed copy of {2}).' -f $policy, $scope, (Split-Path -Path $ModulePath -Parent))
        }
        if ($policy -eq 'RemoteSigned') {
            $folder = Split-Path -Path $ModulePath -Parent
            $marked = @(Get-ChildItem -LiteralPath $folder -Recurse -ErrorAction Stop |
                Where-Object -FilterScript { -not $_.PSIsContainer -and $null -ne (Get-Item -LiteralPath $_.FullName -Stream 'Zone.Identifier' -ErrorAction SilentlyContinue) })
            if ($marked.Count -gt 0) {
                throw ('Group Policy sets the PowerShell execution policy to RemoteSigned ({0} scope), and {1} of the MobyKit module''s files are marked as downloaded from the internet, so they cannot load unsigned. Unblock them: Get-ChildItem -LiteralPath ''{2}'' -Recurse | Unblock-File' -f $scope, $marked.Count, ($folder -replace '[''\u2018\u2019\u201A\u201B]', '$0$0'))
            }
        }
    }
}
