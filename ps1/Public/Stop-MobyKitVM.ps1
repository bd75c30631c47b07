function Stop-MobyKitVM {
    <#
    .SYNOPSIS
        Stops the VM: a guest shutdown first, then turned off if it has not stopped in time.
    .DESCRIPTION
        Starts Hyper-V\Stop-VM -Force as a job (a graceful shutdown through the guest's shutdown
        integration service), waits up to -TimeoutSeconds for the VM to be Off, then turns it off
        (Stop-VM -TurnOff). A guest whose Shutdown service is not enabled and OK, or a shutdown job
        that fails, is turned off at once instead of after the whole timeout. Idempotent: a VM that is Off or Saved, or absent, needs nothing.
    .PARAMETER Name
        The VM name.
    .PARAMETER TimeoutSeconds
        How long the guest gets to shut down before the VM is turned off.
    .EXAMPLE
        Stop-MobyKitVM -Name MobyLinuxVM -TimeoutSeconds 30 -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Name,

        [Parameter(Mandatory = $true)]
        [ValidateRange(0, 3600)]
        [int]$TimeoutSeconds
    )

    $ErrorActionPreference = 'Stop'
    try {
        $vm = Get-MobyKitVMByName -Name $Name
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not look up VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    if ($null -eq $vm) {
        Write-Verbose -Message ("No VM '{0}': nothing to stop" -f $Name)
        return
    }
    if (@('Off', 'Saved') -contains [string]$vm.State) {
        Write-Verbose -Message ("VM '{0}' is already {1}" -f $Name, $vm.State)
        return
    }
    if (-not $PSCmdlet.ShouldProcess($Name, ('Stop VM (guest shutdown, turned off after {0} s)' -f $TimeoutSeconds))) {
        return
    }

    $job = $null
    try {
        if ([string]$vm.State -eq 'Running' -and $TimeoutSeconds -gt 0 -and (Test-MobyKitGuestShutdown -VM $vm)) {
            $job = Hyper-V\Stop-VM -VM $vm -Force -AsJob -Confirm:$false -ErrorAction Stop
            $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
            do {
                Start-Sleep -Seconds 1
                $vm = Hyper-V\Get-VM -Id $vm.Id -ErrorAction Stop
                # A refused shutdown fails the job at once: waiting out the timeout would only delay the turn-off.
            } while ([string]$vm.State -ne 'Off' -and [string]$job.State -ne 'Failed' -and [DateTime]::UtcNow -lt $deadline)
        }
        if ([string]$vm.State -ne 'Off') {
            Write-Verbose -Message ("VM '{0}' did not shut down (no working Shutdown service, a refused request, or {1} s passed): turning it off" -f $Name, $TimeoutSeconds)
            Hyper-V\Stop-VM -VM $vm -TurnOff -Force -Confirm:$false -ErrorAction Stop
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not stop VM '{0}'" -f $Name) -ErrorRecord $_ -TargetObject $Name))
    }
    finally {
        if ($null -ne $job) {
            Stop-Job -Job $job -Confirm:$false -ErrorAction SilentlyContinue
            Remove-Job -Job $job -Force -Confirm:$false -ErrorAction SilentlyContinue
        }
    }
}
