function Test-MobyKitGuestShutdown {
    <#
    .SYNOPSIS
        Whether the guest can shut down when asked: its Shutdown integration service is enabled and OK.
    .DESCRIPTION
        A guest that is still booting, hung, or has no shutdown daemon does not answer Stop-VM's
        request: waiting for it only delays the turn-off. MobyLinux.ps1 checked the same before a
        graceful stop. The service is matched by its Id (its Name is localized):
        9F8233AC-BE49-4C79-8EE3-E7E1985B2077. Any failure to read it counts as "cannot".
    .PARAMETER VM
        The VM from Get-VM.
    .EXAMPLE
        if (Test-MobyKitGuestShutdown -VM $vm) { Stop-VM -VM $vm -Force }
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [object]$VM
    )

    try {
        $services = @(Hyper-V\Get-VMIntegrationService -VM $VM -ErrorAction Stop |
            Where-Object -FilterScript { [string]$_.Id -match '[\\/]9F8233AC-BE49-4C79-8EE3-E7E1985B2077$' })
    }
    catch {
        return $false
    }
    return ($services.Count -gt 0 -and [bool]$services[0].Enabled -and [string]$services[0].PrimaryOperationalStatus -eq 'Ok')
}
