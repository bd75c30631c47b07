function New-MobyKitVM {
    <#
    .SYNOPSIS
        Creates the Linux VM that runs the Docker engine.
    .DESCRIPTION
        Hyper-V\New-VM with a new dynamically expanding VHDX (-NewVHDPath, -NewVHDSizeBytes),
        -Generation, -MemoryStartupBytes and -SwitchName; then Set-VM -Notes (mobykit's marker),
        Set-VMProcessor -Count, Add-VMDvdDrive with the boot ISO, Set-VMComPort -Number 1 -Path
        (the serial console pipe) and the Key-Value Pair Exchange integration service enabled
        (matched by Id, not by its localized name), checkpoints off (so the disk stays the .vhdx
        mobykit made). Generation 2: secure boot off (the ISO is not signed for it) and the DVD
        drive first in the boot order. The disk's folder is created when missing.
        Idempotent: a VM of that name with the same generation, memory, processors and disk is
        left alone; one that differs is refused (mobykit plans a configure for it). An existing
        VHDX file that no VM of that name uses is refused rather than overwritten.
    .PARAMETER Name
        The VM name, e.g. 'MobyLinuxVM'.
    .PARAMETER Generation
        1 or 2.
    .PARAMETER MemoryStartupBytes
        Startup memory in bytes.
    .PARAMETER ProcessorCount
        Virtual processors.
    .PARAMETER VhdPath
        Where to create the VHDX.
    .PARAMETER VhdSizeBytes
        The VHDX's maximum size in bytes.
    .PARAMETER IsoPath
        The boot ISO.
    .PARAMETER SwitchName
        The virtual switch for the VM's network adapter.
    .PARAMETER ComPipe
        The named pipe for COM1, e.g. '\\.\pipe\dockerMobyLinuxVM-com1'.
    .PARAMETER AttachExistingVhd
        Build the VM around the disk already at -VhdPath (e.g. one migrate-toolbox wrote) instead
        of creating a new one; -VhdSizeBytes is then ignored.
    .PARAMETER Notes
        mobykit's ownership marker, stored in the VM's Notes.
    .EXAMPLE
        New-MobyKitVM -Name MobyLinuxVM -Generation 2 -MemoryStartupBytes 2GB -ProcessorCount 2 -VhdPath 'C:\Users\Public\Documents\Hyper-V\Virtual hard disks\MobyLinuxVM.vhdx' -VhdSizeBytes 60GB -IsoPath 'C:\Program Files\Docker\Docker\Resources\mobylinux.iso' -SwitchName DockerNAT -ComPipe '\\.\pipe\dockerMobyLinuxVM-com1' -Notes 'Managed by mobykit' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateSet(1, 2)]
        [int]$Generation,

        [Parameter(Mandatory = $true)]
        [ValidateRange(33554432, 1099511627776)]
        [ValidateScript({ if ($_ % 2097152 -ne 0) { throw ('{0} bytes is not a multiple of 2 MB, which Hyper-V requires (New-VM: "not properly aligned")' -f $_) }; $true })]
        [long]$MemoryStartupBytes,

        [Parameter(Mandatory = $true)]
        [ValidateRange(1, 240)]
        [int]$ProcessorCount,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$VhdPath,

        [Parameter(Mandatory = $true)]
        [ValidateRange(1073741824, 70368744177664)]
        [long]$VhdSizeBytes,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$IsoPath,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$SwitchName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$ComPipe,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Notes,

        [Parameter()]
        [bool]$AttachExistingVhd = $false
    )

    $ErrorActionPreference = 'Stop'
    try {
        $existing = Get-MobyKitVMByName -Name $Name
        $existingDisks = @()
        if ($null -ne $existing) {
            $existingDisks = @(Hyper-V\Get-VMHardDiskDrive -VM $existing -ErrorAction Stop | ForEach-Object -Process { [string]$_.Path })
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -ne $existing) {
        $differences = New-Object -TypeName System.Collections.Generic.List[string]
        if ([int]$existing.Generation -ne $Generation) { $differences.Add(('Generation {0}' -f $existing.Generation)) }
        if ([long]$existing.MemoryStartup -ne $MemoryStartupBytes) { $differences.Add(('MemoryStartup {0}' -f $existing.MemoryStartup)) }
        if ([int]$existing.ProcessorCount -ne $ProcessorCount) { $differences.Add(('ProcessorCount {0}' -f $existing.ProcessorCount)) }
        if (@($existingDisks | Where-Object -FilterScript { $_ -eq $VhdPath }).Count -eq 0) { $differences.Add('no disk at VhdPath') }
        if ($differences.Count -eq 0) {
            Write-Verbose -Message ("VM '{0}' already exists as wanted" -f $Name)
            return
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("VM '{0}' already exists with other settings ({1})" -f $Name, ($differences -join ', ')) -Category ResourceExists -ErrorId 'MobyKit.VMConflict' -TargetObject $Name))
    }
    if ($AttachExistingVhd) {
        if (-not (Test-Path -LiteralPath $VhdPath -PathType Leaf)) {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("There is no disk at '{0}' to attach" -f $VhdPath) -Category ObjectNotFound -ErrorId 'MobyKit.VhdMissing' -TargetObject $VhdPath))
        }
    }
    elseif (Test-Path -LiteralPath $VhdPath) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("A disk already exists at '{0}' and no VM '{1}' uses it; remove it or choose another VhdPath" -f $VhdPath, $Name) -Category ResourceExists -ErrorId 'MobyKit.VhdExists' -TargetObject $VhdPath))
    }
    if (-not (Test-Path -LiteralPath $IsoPath -PathType Leaf)) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("The boot ISO '{0}' does not exist" -f $IsoPath) -Category ObjectNotFound -ErrorId 'MobyKit.IsoMissing' -TargetObject $IsoPath))
    }

    if (-not $PSCmdlet.ShouldProcess($Name, ('Create generation {0} VM with {1} bytes of memory, {2} processors and disk {3}' -f $Generation, $MemoryStartupBytes, $ProcessorCount, $VhdPath))) {
        return
    }

    $step = 'create the VM'
    $vm = $null
    try {
        if ($AttachExistingVhd) {
            $attachParameters = @{
                Name               = $Name
                Generation         = $Generation
                MemoryStartupBytes = $MemoryStartupBytes
                SwitchName         = $SwitchName
                VHDPath            = $VhdPath
            }
            $vm = Hyper-V\New-VM @attachParameters -Confirm:$false -ErrorAction Stop
        }
        else {
            # New-VM does not create the disk's folder (a custom --vhdx, or a default folder never used).
            $step = 'create the folder of the disk'
            $vhdFolder = [System.IO.Path]::GetDirectoryName($VhdPath)
            if ($vhdFolder -and -not (Test-Path -LiteralPath $vhdFolder -PathType Container)) {
                $null = [System.IO.Directory]::CreateDirectory($vhdFolder)
            }
            $step = 'create the VM'
            $newDiskParameters = @{
                Name               = $Name
                Generation         = $Generation
                MemoryStartupBytes = $MemoryStartupBytes
                SwitchName         = $SwitchName
                NewVHDPath         = $VhdPath
                NewVHDSizeBytes    = $VhdSizeBytes
            }
            $vm = Hyper-V\New-VM @newDiskParameters -Confirm:$false -ErrorAction Stop
        }

        $step = 'set its notes and stop action'
        Hyper-V\Set-VM -VM $vm -Notes $Notes -AutomaticStartAction Nothing -AutomaticStopAction ShutDown -Confirm:$false -ErrorAction Stop

        $step = 'turn checkpoints off'
        Disable-MobyKitCheckpoint -VM $vm

        $step = 'set its processor count'
        Hyper-V\Set-VMProcessor -VM $vm -Count $ProcessorCount -Confirm:$false -ErrorAction Stop

        $step = 'attach the boot ISO'
        # New-VM gives a generation 1 VM an empty DVD drive (IDE 1:0), which is first in its BIOS
        # boot order: insert the ISO there. A generation 2 VM has none, so one is added.
        $existingDvd = @(Hyper-V\Get-VMDvdDrive -VM $vm -ErrorAction Stop)
        if ($existingDvd.Count -gt 0) {
            Hyper-V\Set-VMDvdDrive -VMDvdDrive $existingDvd[0] -Path $IsoPath -Confirm:$false -ErrorAction Stop
        }
        else {
            Hyper-V\Add-VMDvdDrive -VM $vm -Path $IsoPath -Confirm:$false -ErrorAction Stop
        }

        $step = 'connect COM1 to the named pipe'
        Hyper-V\Set-VMComPort -VM $vm -Number 1 -Path $ComPipe -Confirm:$false -ErrorAction Stop

        $step = 'enable Key-Value Pair Exchange'
        $kvp = Get-MobyKitKvpIntegrationService -VM $vm
        if ($null -eq $kvp) {
            throw 'The VM has no Key-Value Pair Exchange integration service'
        }
        if (-not $kvp.Enabled) {
            Hyper-V\Enable-VMIntegrationService -VMIntegrationService $kvp -Confirm:$false -ErrorAction Stop
        }

        if ($Generation -eq 2) {
            $step = 'set the firmware (secure boot off, DVD first)'
            $dvd = @(Hyper-V\Get-VMDvdDrive -VM $vm -ErrorAction Stop)
            Hyper-V\Set-VMFirmware -VM $vm -EnableSecureBoot Off -FirstBootDevice $dvd[0] -Confirm:$false -ErrorAction Stop
        }
    }
    catch {
        $failure = $_
        # A half-made VM would block the next run (it may lack mobykit's marker): take it back out.
        $cleanup = ''
        if ($null -ne $vm) {
            try {
                Hyper-V\Remove-VM -VM $vm -Force -Confirm:$false -ErrorAction Stop
                if (-not $AttachExistingVhd -and (Test-Path -LiteralPath $VhdPath -PathType Leaf)) {
                    Remove-Item -LiteralPath $VhdPath -Force -Confirm:$false -ErrorAction Stop
                }
                $cleanup = '; the half-made VM was removed'
            }
            catch {
                $cleanup = ('; the half-made VM could not be removed ({0}): remove it with Remove-VM' -f $_.Exception.Message)
            }
        }
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} for VM '{1}'{2}" -f $step, $Name, $cleanup) -ErrorRecord $failure -TargetObject $Name))
    }
}
