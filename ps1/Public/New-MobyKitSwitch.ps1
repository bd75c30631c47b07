function New-MobyKitSwitch {
    <#
    .SYNOPSIS
        Creates mobykit's internal Hyper-V virtual switch and marks it with Notes.
    .DESCRIPTION
        Hyper-V\New-VMSwitch -SwitchType Internal -Notes (which also creates the host vNIC
        'vEthernet (<Name>)'). Idempotent: an internal switch of
        that name with these Notes is left alone. A switch of that name that is not internal, or
        not marked with these Notes, is refused rather than taken over.
    .PARAMETER Name
        The switch name, e.g. 'DockerNAT'.
    .PARAMETER Notes
        mobykit's ownership marker, stored in the switch's Notes.
    .EXAMPLE
        New-MobyKitSwitch -Name 'DockerNAT' -Notes 'Managed by mobykit' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Notes
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = @(Get-MobyKitVMSwitchByName -Name $Name)
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up virtual switch '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($existing.Count -gt 0) {
        $vmSwitch = $existing[0]
        if ([string]$vmSwitch.SwitchType -ne 'Internal') {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Virtual switch '{0}' already exists as a {1} switch; mobykit needs an Internal one" -f $Name, $vmSwitch.SwitchType) -Category ResourceExists -ErrorId 'MobyKit.SwitchConflict' -TargetObject $Name))
        }
        if ([string]$vmSwitch.Notes -ne $Notes) {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Virtual switch '{0}' already exists and is not marked '{1}'; it is not mobykit's to take over" -f $Name, $Notes) -Category ResourceExists -ErrorId 'MobyKit.SwitchNotOwned' -TargetObject $Name))
        }
        Write-Verbose -Message ("Virtual switch '{0}' already exists as wanted" -f $Name)
        return
    }

    if ($PSCmdlet.ShouldProcess($Name, 'Create internal virtual switch')) {
        try {
            # Notes are set in the same call: Set-VMSwitch -Name would read the name as a wildcard
            # pattern, and a switch left without its marker would be refused on the next run.
            $null = Hyper-V\New-VMSwitch -Name $Name -SwitchType Internal -Notes $Notes -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not create virtual switch '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
