function Get-MobyKitVMByName {
    <#
    .SYNOPSIS
        The Hyper-V VM with this name, $null when there is none.
    .DESCRIPTION
        Lists VMs and compares names the Windows way (case-insensitive) instead of calling
        Get-VM -Name, which treats the name as a wildcard pattern and writes an error when
        nothing matches. Hyper-V allows two VMs with one name: that is refused as ambiguous.
    .PARAMETER Name
        The VM name.
    .EXAMPLE
        $vm = Get-MobyKitVMByName -Name 'MobyLinuxVM'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )

    $found = @(Hyper-V\Get-VM -ErrorAction Stop | Where-Object -FilterScript { $_.Name -eq $Name })
    if ($found.Count -gt 1) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("There are {0} virtual machines named '{1}'; rename or remove the extra ones" -f $found.Count, $Name) -Category InvalidOperation -ErrorId 'MobyKit.AmbiguousVM' -TargetObject $Name))
    }
    if ($found.Count -eq 0) {
        return $null
    }
    return $found[0]
}
