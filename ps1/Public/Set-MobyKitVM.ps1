function Set-MobyKitVM {
    <#
    .SYNOPSIS
        Brings an existing VM's settings to what is wanted; only the parameters given are changed.
    .DESCRIPTION
        Memory (Set-VM -MemoryStartupBytes) and processors (Set-VMProcessor -Count) need the VM
        off: a running VM is refused with a clear message. The boot ISO is set on the first DVD
        drive (one is added if there is none), COM1 is pointed at the pipe (Set-VMComPort), the
        first network adapter connected to the switch (Connect-VMNetworkAdapter, or one added),
        and Key-Value Pair Exchange enabled or disabled (matched by Id). Checkpoints are turned off
        (the disk stays mobykit's .vhdx); a DVD drive added to a generation 2 VM is made its first
        boot device. Idempotent: settings that already match are not touched.
    .PARAMETER Name
        The VM name.
    .PARAMETER MemoryStartupBytes
        Startup memory in bytes.
    .PARAMETER ProcessorCount
        Virtual processors.
    .PARAMETER IsoPath
        The boot ISO.
    .PARAMETER ComPipe
        The named pipe for COM1.
    .PARAMETER SwitchName
        The virtual switch for the VM's network adapter.
    .PARAMETER EnableKvp
        Whether Key-Value Pair Exchange is enabled.
    .EXAMPLE
        Set-MobyKitVM -Name MobyLinuxVM -MemoryStartupBytes 4GB -EnableKvp $true -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [ValidateRange(33554432, 1099511627776)]
        [ValidateScript({ if ($_ % 2097152 -ne 0) { throw ('{0} bytes is not a multiple of 2 MB, which Hyper-V requires (Set-VM: "not properly aligned")' -f $_) }; $true })]
        [long]$MemoryStartupBytes,

        [ValidateRange(1, 240)]
        [int]$ProcessorCount,

        [ValidateNotNullOrEmpty()]
        [string]$IsoPath,

        [ValidateNotNullOrEmpty()]
        [string]$ComPipe,

        [ValidateNotNullOrEmpty()]
        [string]$SwitchName,

        [bool]$EnableKvp
    )

    $ErrorActionPreference = 'Stop'
    $step = 'read the VM'
    try {
        $vm = Get-MobyKitVMByName -Name $Name
        if ($null -eq $vm) {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("VM '{0}' does not exist" -f $Name) -Category ObjectNotFound -ErrorId 'MobyKit.VMMissing' -TargetObject $Name))
        }
        $isOff = [string]$vm.State -eq 'Off'

        # Hyper-V before Windows 10 / Server 2016 has no checkpoint types: nothing to turn off there.
        $checkpointType = $vm.PSObject.Properties['CheckpointType']
        if ($null -ne $checkpointType -and [string]$checkpointType.Value -ne 'Disabled' -and $PSCmdlet.ShouldProcess($Name, 'Turn checkpoints off')) {
            # A checkpoint would turn mobykit's VHDX into the parent of an .avhdx (see Disable-MobyKitCheckpoint).
            $step = 'turn checkpoints off'
            Disable-MobyKitCheckpoint -VM $vm
        }

        if ($PSBoundParameters.ContainsKey('MemoryStartupBytes') -and [long]$vm.MemoryStartup -ne $MemoryStartupBytes) {
            if (-not $isOff) {
                throw ("changing startup memory needs the VM off; it is {0}" -f $vm.State)
            }
            if ($PSCmdlet.ShouldProcess($Name, ('Set startup memory to {0} bytes' -f $MemoryStartupBytes))) {
                $step = 'set startup memory'
                Hyper-V\Set-VM -VM $vm -MemoryStartupBytes $MemoryStartupBytes -Confirm:$false -ErrorAction Stop
            }
        }

        if ($PSBoundParameters.ContainsKey('ProcessorCount') -and [int]$vm.ProcessorCount -ne $ProcessorCount) {
            if (-not $isOff) {
                throw ("changing the processor count needs the VM off; it is {0}" -f $vm.State)
            }
            if ($PSCmdlet.ShouldProcess($Name, ('Set processor count to {0}' -f $ProcessorCount))) {
                $step = 'set the processor count'
                Hyper-V\Set-VMProcessor -VM $vm -Count $ProcessorCount -Confirm:$false -ErrorAction Stop
            }
        }

        if ($PSBoundParameters.ContainsKey('IsoPath')) {
            $step = 'read the DVD drives'
            $dvd = @(Hyper-V\Get-VMDvdDrive -VM $vm -ErrorAction Stop)
            if ($dvd.Count -eq 0) {
                if ($PSCmdlet.ShouldProcess($Name, ('Add DVD drive with {0}' -f $IsoPath))) {
                    $step = 'add a DVD drive'
                    $added = Hyper-V\Add-VMDvdDrive -VM $vm -Path $IsoPath -Passthru -Confirm:$false -ErrorAction Stop
                    if ([int]$vm.Generation -eq 2) {
                        # UEFI puts a new drive last, after the empty disk and PXE: make it first, as New-MobyKitVM does.
                        $step = 'make the DVD drive the first boot device'
                        Hyper-V\Set-VMFirmware -VM $vm -FirstBootDevice $added -Confirm:$false -ErrorAction Stop
                    }
                }
            }
            elseif ([string]$dvd[0].Path -ne $IsoPath) {
                if ($PSCmdlet.ShouldProcess($Name, ('Insert {0} in the DVD drive' -f $IsoPath))) {
                    $step = 'change the boot ISO'
                    Hyper-V\Set-VMDvdDrive -VMDvdDrive $dvd[0] -Path $IsoPath -Confirm:$false -ErrorAction Stop
                }
            }
        }

        if ($PSBoundParameters.ContainsKey('ComPipe')) {
            $step = 'read COM1'
            $com = @(Hyper-V\Get-VMComPort -VM $vm -ErrorAction Stop | Where-Object -FilterScript { $_.Name -match '1$' })
            if ($com.Count -eq 0 -or [string]$com[0].Path -ne $ComPipe) {
                if ($PSCmdlet.ShouldProcess($Name, ('Connect COM1 to {0}' -f $ComPipe))) {
                    $step = 'connect COM1 to the named pipe'
                    Hyper-V\Set-VMComPort -VM $vm -Number 1 -Path $ComPipe -Confirm:$false -ErrorAction Stop
                }
            }
        }

        if ($PSBoundParameters.ContainsKey('SwitchName')) {
            $step = 'read the network adapters'
            $adapters = @(Hyper-V\Get-VMNetworkAdapter -VM $vm -ErrorAction Stop)
            if ($adapters.Count -eq 0) {
                if ($PSCmdlet.ShouldProcess($Name, ('Add a network adapter on switch {0}' -f $SwitchName))) {
                    $step = 'add a network adapter'
                    Hyper-V\Add-VMNetworkAdapter -VM $vm -SwitchName $SwitchName -Confirm:$false -ErrorAction Stop
                }
            }
            elseif ([string]$adapters[0].SwitchName -ne $SwitchName) {
                if ($PSCmdlet.ShouldProcess($Name, ('Connect the network adapter to switch {0}' -f $SwitchName))) {
                    $step = 'connect the network adapter'
                    Hyper-V\Connect-VMNetworkAdapter -VMNetworkAdapter $adapters[0] -SwitchName $SwitchName -Confirm:$false -ErrorAction Stop
                }
            }
        }

        if ($PSBoundParameters.ContainsKey('EnableKvp')) {
            $step = 'read Key-Value Pair Exchange'
            $kvp = Get-MobyKitKvpIntegrationService -VM $vm
            if ($null -eq $kvp) {
                throw 'the VM has no Key-Value Pair Exchange integration service'
            }
            if ([bool]$kvp.Enabled -ne $EnableKvp) {
                if ($EnableKvp) {
                    if ($PSCmdlet.ShouldProcess($Name, 'Enable Key-Value Pair Exchange')) {
                        $step = 'enable Key-Value Pair Exchange'
                        Hyper-V\Enable-VMIntegrationService -VMIntegrationService $kvp -Confirm:$false -ErrorAction Stop
                    }
                }
                elseif ($PSCmdlet.ShouldProcess($Name, 'Disable Key-Value Pair Exchange')) {
                    $step = 'disable Key-Value Pair Exchange'
                    Hyper-V\Disable-VMIntegrationService -VMIntegrationService $kvp -Confirm:$false -ErrorAction Stop
                }
            }
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} of VM '{1}'" -f $step, $Name) -ErrorRecord $_ -TargetObject $Name))
    }
}
