@{
    RootModule           = 'MobyKit.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '31a10d75-ab7b-408e-be30-012ef243e032'
    Author               = 'mobykit'
    Description          = 'Provisions a Docker-for-Windows-style Linux VM host on Hyper-V: switch, NAT, firewall, VM, KVP, SMB share and credential, plus a read-only host snapshot.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport    = @(
        'Close-MobyKitVMConsole',
        'Get-MobyKitHostSnapshot',
        'Get-MobyKitVMUptime',
        'Get-MobyKitJournal',
        'Grant-MobyKitShareAccess',
        'Invoke-MobyKitCall',
        'Invoke-MobyKitRemoteBatch',
        'Lock-MobyKitHost',
        'New-MobyKitNat',
        'New-MobyKitShare',
        'New-MobyKitShareAccount',
        'New-MobyKitSwitch',
        'New-MobyKitVM',
        'Read-MobyKitVMConsole',
        'Remove-MobyKitCredential',
        'Remove-MobyKitFirewallRule',
        'Remove-MobyKitHostAddress',
        'Remove-MobyKitKvpItem',
        'Remove-MobyKitNat',
        'Remove-MobyKitShare',
        'Remove-MobyKitShareAccount',
        'Remove-MobyKitSwitch',
        'Remove-MobyKitVM',
        'Rename-MobyKitVM',
        'Revoke-MobyKitShareAccess',
        'Set-MobyKitCredential',
        'Set-MobyKitFirewallRule',
        'Set-MobyKitHostAddress',
        'Set-MobyKitJournal',
        'Set-MobyKitKvpItem',
        'Set-MobyKitShare',
        'Set-MobyKitShareAccount',
        'Set-MobyKitVM',
        'Start-MobyKitVM',
        'Stop-MobyKitVM',
        'Test-MobyKitAccountPassword',
        'Unlock-MobyKitHost',
        'Write-MobyKitVMConsole'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('Hyper-V', 'Docker', 'Windows')
        }
    }
}
