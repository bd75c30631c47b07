function New-MobyKitNat {
    <#
    .SYNOPSIS
        Creates the NAT that lets the VM's subnet reach out through the host.
    .DESCRIPTION
        New-NetNat -Name -InternalIPInterfaceAddressPrefix. Idempotent: a NAT of that name with
        that prefix is left alone; one with another prefix is refused (mobykit plans a
        replacement). Windows allows few NATs: New-NetNat's own error explains an overlap.
    .PARAMETER Name
        The NAT name, e.g. 'DockerNAT'.
    .PARAMETER InternalIPInterfaceAddressPrefix
        The internal subnet, e.g. '10.0.75.0/24'.
    .EXAMPLE
        New-MobyKitNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0/24' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidatePattern('^\d{1,3}(\.\d{1,3}){3}/\d{1,2}$')]
        [string]$InternalIPInterfaceAddressPrefix
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = @(NetNat\Get-NetNat -ErrorAction Stop | Where-Object -FilterScript { $_.Name -eq $Name })
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up NAT '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($existing.Count -gt 0) {
        if ($existing[0].InternalIPInterfaceAddressPrefix -eq $InternalIPInterfaceAddressPrefix) {
            Write-Verbose -Message ("NAT '{0}' already exists for {1}" -f $Name, $InternalIPInterfaceAddressPrefix)
            return
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("NAT '{0}' already exists for {1}, not {2}" -f $Name, $existing[0].InternalIPInterfaceAddressPrefix, $InternalIPInterfaceAddressPrefix) -Category ResourceExists -ErrorId 'MobyKit.NatConflict' -TargetObject $Name))
    }
    if ($PSCmdlet.ShouldProcess($Name, ('Create NAT for {0}' -f $InternalIPInterfaceAddressPrefix))) {
        try {
            $null = NetNat\New-NetNat -Name $Name -InternalIPInterfaceAddressPrefix $InternalIPInterfaceAddressPrefix -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not create NAT '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
