function Remove-MobyKitKvpItem {
    <#
    .SYNOPSIS
        Removes a host-to-guest KVP item from the VM.
    .DESCRIPTION
        RemoveKvpItems on Msvm_VirtualSystemManagementService, waiting for the WMI job.
        Idempotent: an absent VM or item needs nothing.
    .PARAMETER VMName
        The VM name.
    .PARAMETER ItemName
        The KVP item name, e.g. 'cifsmount'.
    .EXAMPLE
        Remove-MobyKitKvpItem -VMName MobyLinuxVM -ItemName cifsmount -WhatIf
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$VMName,

        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$ItemName
    )

    $ErrorActionPreference = 'Stop'
    $step = 'look up the VM'
    try {
        $vm = Get-MobyKitVMByName -Name $VMName
        if ($null -eq $vm) {
            Write-Verbose -Message ("No VM '{0}': nothing to remove" -f $VMName)
            return
        }
        $step = 'read its KVP items'
        $existing = @(Get-MobyKitKvpHostItem -VMId $vm.Id | Where-Object -FilterScript { $_.Name -ceq $ItemName })
        if ($existing.Count -eq 0) {
            Write-Verbose -Message ("VM '{0}' has no KVP item '{1}': nothing to remove" -f $VMName, $ItemName)
            return
        }
        if ($PSCmdlet.ShouldProcess(('{0} on VM {1}' -f $ItemName, $VMName), 'Remove KVP item')) {
            $step = 'call RemoveKvpItems'
            $item = New-MobyKitKvpDataItemXml -Name $ItemName -Data (New-Object -TypeName System.Security.SecureString)
            Invoke-MobyKitKvpMethod -VMId $vm.Id -MethodName 'RemoveKvpItems' -DataItem $item
        }
    }
    catch {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Could not {0} for KVP item '{1}' of VM '{2}'" -f $step, $ItemName, $VMName) -ErrorRecord $_ -TargetObject $ItemName))
    }
}
