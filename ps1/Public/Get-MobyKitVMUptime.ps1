function Get-MobyKitVMUptime {
    <#
    .SYNOPSIS
        Whole seconds since the VM started; $null when it is not running or not there.
    .DESCRIPTION
        For `mobykit status`: the host snapshot carries the VM's state but not its uptime, which
        changes every second and would make two snapshots of one host differ.
    .PARAMETER Name
        The VM name.
    .EXAMPLE
        Get-MobyKitVMUptime -Name MobyLinuxVM
    #>
    [CmdletBinding()]
    [OutputType([long])]
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
    if ($null -eq $vm -or [string]$vm.State -ne 'Running') {
        return $null
    }
    return [long][Math]::Floor($vm.Uptime.TotalSeconds)
}
