function Get-MobyKitVMSwitchByName {
    <#
    .SYNOPSIS
        The Hyper-V virtual switches with this name (case-insensitive), possibly none.
    .DESCRIPTION
        Lists switches instead of calling Get-VMSwitch -Name, which treats the name as a wildcard
        pattern and writes an error when nothing matches.
    .PARAMETER Name
        The switch name.
    .EXAMPLE
        $switches = @(Get-MobyKitVMSwitchByName -Name 'DockerNAT')
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )

    return @(Hyper-V\Get-VMSwitch -ErrorAction Stop | Where-Object -FilterScript { $_.Name -eq $Name })
}
