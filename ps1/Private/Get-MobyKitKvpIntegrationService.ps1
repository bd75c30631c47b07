function Get-MobyKitKvpIntegrationService {
    <#
    .SYNOPSIS
        The Key-Value Pair Exchange integration service of a VM, $null when the VM has none.
    .DESCRIPTION
        Matched by the service's Id, which ends in 2A34B1C2-FD73-4043-8A5B-DD2159BC743F, not by its
        Name, which Windows localizes ('Austausch von Schlüsselwertepaaren' on a German host).
    .PARAMETER VM
        The VM from Get-VM.
    .EXAMPLE
        Get-MobyKitKvpIntegrationService -VM $vm
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [object]$VM
    )

    $services = @(Hyper-V\Get-VMIntegrationService -VM $VM -ErrorAction Stop |
        Where-Object -FilterScript { [string]$_.Id -match '[\\/]2A34B1C2-FD73-4043-8A5B-DD2159BC743F$' })
    if ($services.Count -eq 0) {
        return $null
    }
    return $services[0]
}
