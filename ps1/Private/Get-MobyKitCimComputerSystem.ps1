function Get-MobyKitCimComputerSystem {
    <#
    .SYNOPSIS
        The Msvm_ComputerSystem CIM instance of a Hyper-V VM, found by the VM's Id.
    .DESCRIPTION
        Msvm_ComputerSystem.Name holds the VM's GUID. Instances are listed and compared in
        PowerShell, so no WQL text is built from any value.
    .PARAMETER VMId
        The VM's Id, as Get-VM reports it.
    .EXAMPLE
        $system = Get-MobyKitCimComputerSystem -VMId $vm.Id
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [guid]$VMId
    )

    $id = $VMId.ToString()
    $system = @(CimCmdlets\Get-CimInstance -Namespace 'root\virtualization\v2' -ClassName 'Msvm_ComputerSystem' -ErrorAction Stop |
        Where-Object -FilterScript { $_.Name -eq $id })
    if ($system.Count -eq 0) {
        $PSCmdlet.ThrowTerminatingError((New-MobyKitErrorRecord -Message ("Hyper-V's WMI provider has no Msvm_ComputerSystem for VM {0}" -f $id) -Category ObjectNotFound -ErrorId 'MobyKit.CimVMNotFound' -TargetObject $id -Cmdlet 'Get-CimInstance'))
    }
    return $system[0]
}
