function Remove-MobyKitVM {
    <#
    .SYNOPSIS
        Removes the VM and deletes its VHDX.
    .DESCRIPTION
        Turns the VM off if needed, Hyper-V\Remove-VM -Force (which keeps disk files), then
        deletes the VHDX at -VhdPath. A VHDX that another VM uses is never deleted. Idempotent:
        an absent VM and an absent file need nothing; a VHDX left by an earlier partial removal
        is deleted. When checkpoints made the VM's disk a differencing .avhdx, the root of its chain
        (the VHDX mobykit made) is what is deleted, after Remove-VM's merge has ended: never an
        .avhdx, never a file still in use.
    .PARAMETER Name
        The VM name.
    .PARAMETER VhdPath
        The VM's VHDX file to delete with it, or an .avhdx of its chain; empty keeps the disk (one
        mobykit did not create).
    .PARAMETER MergeTimeoutSeconds
        How long to wait for the checkpoint merge before giving up with the disk left in place.
    .EXAMPLE
        Remove-MobyKitVM -Name MobyLinuxVM -VhdPath 'C:\Users\Public\Documents\Hyper-V\Virtual hard disks\MobyLinuxVM.vhdx' -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$VhdPath,

        [ValidateRange(0, 3600)]
        [int]$MergeTimeoutSeconds = 60
    )

    $ErrorActionPreference = 'Stop'
    $step = 'look up the VM'
    try {
        $vm = Get-MobyKitVMByName -Name $Name
        $step = 'check which VMs use the disk'
        $users = @()
        if ($VhdPath) {
            $users = @(Hyper-V\Get-VM -ErrorAction Stop |
            Where-Object -FilterScript { $null -eq $vm -or $_.Id -ne $vm.Id } |
            Where-Object -FilterScript { @(Hyper-V\Get-VMHardDiskDrive -VM $_ -ErrorAction Stop | Where-Object -FilterScript { $_.Path -eq $VhdPath }).Count -gt 0 })
        }
        if ($users.Count -gt 0) {
            throw ("the disk '{0}' is used by VM '{1}'" -f $VhdPath, $users[0].Name)
        }

        # With checkpoints the VM runs on an .avhdx whose chain ends at the disk mobykit made (the
        # plan may name either): the root is what to delete, once Remove-VM has merged the rest into it.
        $merging = @()
        if ($null -ne $vm -and $VhdPath) {
            $step = 'read the disk chain'
            foreach ($drive in @(Hyper-V\Get-VMHardDiskDrive -VM $vm -ErrorAction Stop)) {
                # Only a checkpoint's differencing disk (.avhdx) has a parent to follow.
                $chain = @([string]$drive.Path)
                if ([string]$drive.Path -match '\.avhdx?$') {
                    $chain = [string[]](Get-MobyKitVhdChain -Path ([string]$drive.Path))
                }
                if ($chain -contains $VhdPath) {
                    $VhdPath = $chain[-1]
                    $merging = @($chain | Where-Object -FilterScript { $_ -ne $VhdPath })
                }
            }
        }

        if ($null -ne $vm) {
            if ($PSCmdlet.ShouldProcess($Name, 'Remove VM')) {
                if ([string]$vm.State -ne 'Off' -and [string]$vm.State -ne 'Saved') {
                    $step = 'turn the VM off'
                    Hyper-V\Stop-VM -VM $vm -TurnOff -Force -Confirm:$false -ErrorAction Stop
                }
                $step = 'remove the VM'
                Hyper-V\Remove-VM -VM $vm -Force -Confirm:$false -ErrorAction Stop
            }
        }
        else {
            Write-Verbose -Message ("No VM '{0}'" -f $Name)
        }

        if ($VhdPath -and (Test-Path -LiteralPath $VhdPath -PathType Leaf)) {
            if ($PSCmdlet.ShouldProcess($VhdPath, 'Delete virtual disk')) {
                if ($merging.Count -gt 0) {
                    $step = 'wait for Hyper-V to merge the checkpoints'
                    Wait-MobyKitVhdMerge -Path $VhdPath -Merging $merging -TimeoutSeconds $MergeTimeoutSeconds
                }
                $step = 'delete the disk'
                Remove-Item -LiteralPath $VhdPath -Force -Confirm:$false -ErrorAction Stop
            }
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} for VM '{1}'" -f $step, $Name) -ErrorRecord $_ -TargetObject $Name))
    }
}
