function Get-MobyKitVMCheckpointState {
    <#
    .SYNOPSIS
        A VM's checkpoint settings, its checkpoints and (generation 2) its firmware, for the snapshot.
    .DESCRIPTION
        Returns an ordered dictionary with CheckpointType, AutomaticCheckpointsEnabled (only where
        Get-VM has the property: Windows 10 1709 / Server 2019 and later), Snapshots and, for a
        generation 2 VM, Firmware. A query that fails leaves its key out and is recorded in
        -SnapshotErrors; the snapshot reader treats these keys as optional.
    .PARAMETER VM
        The VM, as Get-VM returns it.
    .PARAMETER SnapshotErrors
        The snapshot's error list.
    .EXAMPLE
        Get-MobyKitVMCheckpointState -VM (Hyper-V\Get-VM -Name 'MobyLinuxVM') -SnapshotErrors $errors
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$VM,

        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [System.Collections.Generic.List[object]]$SnapshotErrors
    )

    $state = [ordered]@{}
    if ($null -ne $VM.PSObject.Properties['CheckpointType']) {
        $state.CheckpointType = [string]$VM.CheckpointType
    }
    if ($null -ne $VM.PSObject.Properties['AutomaticCheckpointsEnabled']) {
        $state.AutomaticCheckpointsEnabled = [bool]$VM.AutomaticCheckpointsEnabled
    }

    # An empty list means "no checkpoints" only when the query did not fail.
    $errorsBefore = $SnapshotErrors.Count
    $snapshots = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMSnapshot' -SnapshotErrors $SnapshotErrors -SnapshotQuery {
        foreach ($item in @(Hyper-V\Get-VMSnapshot -VM $VM -ErrorAction Stop)) {
            [ordered]@{ Name = [string]$item.Name; CreationTime = (ConvertTo-MobyKitIsoTime -Date $item.CreationTime) }
        }
    }
    if ($SnapshotErrors.Count -eq $errorsBefore) {
        $state.Snapshots = $snapshots
    }

    if ([int]$VM.Generation -eq 2) {
        $firmware = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMFirmware' -SnapshotErrors $SnapshotErrors -SnapshotQuery {
            $item = Hyper-V\Get-VMFirmware -VM $VM -ErrorAction Stop
            $bootDevice = $null
            if ($null -ne $item.BootOrder -and @($item.BootOrder).Count -gt 0) {
                $device = @($item.BootOrder)[0].Device
                if ($null -ne $device) {
                    switch -Regex ($device.GetType().Name) {
                        'Dvd' { $bootDevice = 'DvdDrive' }
                        'HardDisk' { $bootDevice = 'HardDiskDrive' }
                        'NetworkAdapter' { $bootDevice = 'NetworkAdapter' }
                    }
                }
            }
            [ordered]@{
                SecureBoot         = [string]$item.SecureBoot
                SecureBootTemplate = $(if ([string]::IsNullOrEmpty([string]$item.SecureBootTemplate)) { $null } else { [string]$item.SecureBootTemplate })
                FirstBootDevice    = $bootDevice
            }
        }
        if ($firmware.Count -gt 0) {
            $state.Firmware = $firmware[0]
        }
    }
    return $state
}
