function Disable-MobyKitCheckpoint {
    <#
    .SYNOPSIS
        Turns a VM's checkpoints off, as Docker's MobyLinux.ps1 did (Set-VM -CheckpointType Disabled).
    .DESCRIPTION
        A checkpoint turns the VM's disk into a differencing .avhdx whose parent is the VHDX
        mobykit made; removing the VM then merges it back while the file is in use. With
        -CheckpointType Disabled no checkpoint is taken. -AutomaticCheckpointsEnabled exists only
        from Windows 10 1709 / Server 2019 on (not on Server 2016): it is passed where Set-VM has it.
    .PARAMETER VM
        The VM from Get-VM.
    .EXAMPLE
        Disable-MobyKitCheckpoint -VM $vm
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$VM
    )

    $checkpointsOff = @{ CheckpointType = 'Disabled'; AutomaticCheckpointsEnabled = $false }
    if (-not (Get-Command -Name 'Hyper-V\Set-VM' -ErrorAction Stop).Parameters.ContainsKey('AutomaticCheckpointsEnabled')) {
        $checkpointsOff.Remove('AutomaticCheckpointsEnabled')
    }
    Hyper-V\Set-VM -VM $VM @checkpointsOff -Confirm:$false -ErrorAction Stop
}
