function Remove-MobyKitSwitch {
    <#
    .SYNOPSIS
        Removes mobykit's virtual switch, identified by its Id.
    .DESCRIPTION
        The Id recorded when mobykit created the switch is what is removed, never merely a switch
        with the same name. Idempotent: no switch with that Id means nothing to do. A switch whose
        name no longer matches is refused. The manual IPv4 addresses of its host vNIC (found
        through the switch) are removed first, as Docker's MobyLinux.ps1 did.
    .PARAMETER Name
        The switch name, checked against the switch found by Id.
    .PARAMETER Id
        The switch's Id (a GUID).
    .EXAMPLE
        Remove-MobyKitSwitch -Name 'DockerNAT' -Id '6f4c1d2e-0000-4000-8000-000000000001' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [guid]$Id
    )

    $ErrorActionPreference = 'Stop'
    try {
        $found = @(Hyper-V\Get-VMSwitch -ErrorAction Stop | Where-Object -FilterScript { $_.Id -eq $Id })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up virtual switch '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($found.Count -eq 0) {
        Write-Verbose -Message ("No virtual switch with Id {0}: nothing to remove" -f $Id)
        return
    }
    $vmSwitch = $found[0]
    if ($vmSwitch.Name -ne $Name) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Virtual switch {0} is now named '{1}', not '{2}'; not removing it" -f $Id, $vmSwitch.Name, $Name) -Category InvalidOperation -ErrorId 'MobyKit.SwitchRenamed' -TargetObject $Name))
    }
    if ($PSCmdlet.ShouldProcess(('{0} ({1})' -f $Name, $Id), 'Remove virtual switch')) {
        try {
            # The vNIC's addresses go first: removing a switch whose vNIC still holds an address
            # can make the switch impossible to re-create (MobyLinux.ps1's "nasty bug" workaround).
            $adapter = Get-MobyKitSwitchVnic -SwitchId $vmSwitch.Id
            if ($null -ne $adapter) {
                foreach ($address in @(NetTCPIP\Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop |
                        Where-Object -FilterScript { [uint32]$_.InterfaceIndex -eq [uint32]$adapter.ifIndex -and [string]$_.PrefixOrigin -eq 'Manual' })) {
                    NetTCPIP\Remove-NetIPAddress -InterfaceIndex ([uint32]$adapter.ifIndex) -IPAddress $address.IPAddress -AddressFamily IPv4 -Confirm:$false -ErrorAction Stop
                }
            }
            Hyper-V\Remove-VMSwitch -VMSwitch $vmSwitch -Force -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not remove virtual switch '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
