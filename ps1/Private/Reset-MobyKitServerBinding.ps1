function Reset-MobyKitServerBinding {
    <#
    .SYNOPSIS
        Turns the File and Printer Sharing binding (ms_server) of an adapter off and on again.
    .DESCRIPTION
        After an address change the Server service may not listen on the new address until a
        reboot, and the VM's CIFS mount is refused; Docker's MobyLinux.ps1 cycled this binding
        after setting the address. The binding is found by the adapter's InterfaceDescription
        (unique), escaped and matched exactly, and changed through the object found.
    .PARAMETER Adapter
        The adapter from Get-NetAdapter.
    .EXAMPLE
        Reset-MobyKitServerBinding -Adapter (Get-MobyKitSwitchVnic -SwitchName 'DockerNAT')
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$Adapter
    )

    $description = [string]$Adapter.InterfaceDescription
    $bindings = @(NetAdapter\Get-NetAdapterBinding -InterfaceDescription ([System.Management.Automation.WildcardPattern]::Escape($description)) -ComponentID 'ms_server' -ErrorAction Stop |
        Where-Object -FilterScript { [string]$_.InterfaceDescription -eq $description })
    foreach ($binding in $bindings) {
        NetAdapter\Disable-NetAdapterBinding -InputObject $binding -Confirm:$false -ErrorAction Stop
        NetAdapter\Enable-NetAdapterBinding -InputObject $binding -Confirm:$false -ErrorAction Stop
    }
}
