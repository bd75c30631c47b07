function Remove-MobyKitVM {
    <#
    .SYNOPSIS
        Removes the VM and deletes its VHDX.
    .DESCRIPTION
        Turns the VM off if needed, Hyper-V\Remove-VM -Force (which keeps disk files), then
        deletes the VHDX at -VhdPath. A VHDX that another VM uses is never deleted. Idempotent:
        an absent VM and an absent file need nothing; a VHDX left by an earlier partial removal
        is deleted.
    .PARAMETER Name
        The VM name.
    .PARAMETER VhdPath
        The VM's VHDX file to delete with it; empty keeps the disk (one mobykit did not create).
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
        [string]$VhdPath
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
                $step = 'delete the disk'
                Remove-Item -LiteralPath $VhdPath -Force -Confirm:$false -ErrorAction Stop
            }
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} for VM '{1}'" -f $step, $Name) -ErrorRecord $_ -TargetObject $Name))
    }
}
