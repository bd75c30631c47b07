function Start-MobyKitVM {
    <#
    .SYNOPSIS
        Starts the VM.
    .DESCRIPTION
        Hyper-V\Start-VM. Idempotent: a running VM needs nothing.
    .PARAMETER Name
        The VM name.
    .EXAMPLE
        Start-MobyKitVM -Name MobyLinuxVM -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name
    )

    $ErrorActionPreference = 'Stop'
    try {
        $vm = Get-MobyKitVMByName -Name $Name
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -eq $vm) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("VM '{0}' does not exist" -f $Name) -Category ObjectNotFound -ErrorId 'MobyKit.VMMissing' -TargetObject $Name))
    }
    if ([string]$vm.State -eq 'Running') {
        Write-Verbose -Message ("VM '{0}' is already running" -f $Name)
        return
    }
    if ($PSCmdlet.ShouldProcess($Name, 'Start VM')) {
        try {
            Hyper-V\Start-VM -VM $vm -Confirm:$false -ErrorAction Stop
        }
        catch {
            $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not start VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
        }
    }
}
