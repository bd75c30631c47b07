function Rename-MobyKitVM {
    <#
    .SYNOPSIS
        Renames mobykit's VM, found by its Id.
    .DESCRIPTION
        Hyper-V\Rename-VM on the VM with this Id: it keeps its disk, devices, checkpoints and KVP
        items, and may be running. The Id is the identity mobykit recorded; the name is only
        checked. Idempotent: a VM already named -NewName needs nothing. A VM whose name is neither
        -Name nor -NewName (renamed since the plan) is refused, and so is -NewName when another
        VM has it: the other functions act on VMs by name.
    .PARAMETER Name
        The VM's name now.
    .PARAMETER Id
        The VM's Id.
    .PARAMETER NewName
        The name it gets.
    .EXAMPLE
        Rename-MobyKitVM -Name MobyLinuxVM -Id 7deeea4c-6514-4f59-afb8-2cbb1076bba3 -NewName DockerVM -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Id,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$NewName
    )

    $ErrorActionPreference = 'Stop'
    try {
        $all = @(Hyper-V\Get-VM -ErrorAction Stop)
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    $vm = @($all | Where-Object -FilterScript { [string]$_.Id -eq $Id })
    if ($vm.Count -eq 0) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("There is no VM with Id {0} (VM '{1}')" -f $Id, $Name) -Category ObjectNotFound -ErrorId 'MobyKit.VMMissing' -TargetObject $Name))
    }
    $vm = $vm[0]
    if ([string]$vm.Name -eq $NewName) {
        Write-Verbose -Message ("VM {0} is already named '{1}'" -f $Id, $NewName)
        return
    }
    if ([string]$vm.Name -ne $Name) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("VM {0} is named '{1}', not '{2}': it was renamed since the plan was made" -f $Id, [string]$vm.Name, $Name) -Category InvalidOperation -ErrorId 'MobyKit.VMRenamed' -TargetObject $Name))
    }
    if (@($all | Where-Object -FilterScript { [string]$_.Id -ne $Id -and [string]$_.Name -eq $NewName }).Count -gt 0) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("A virtual machine named '{0}' already exists; mobykit never gives two VMs one name" -f $NewName) -Category ResourceExists -ErrorId 'MobyKit.VMNameTaken' -TargetObject $NewName))
    }
    if ($PSCmdlet.ShouldProcess($Name, ("Rename VM to '{0}'" -f $NewName))) {
        try {
            Hyper-V\Rename-VM -VM $vm -NewName $NewName -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not rename VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
