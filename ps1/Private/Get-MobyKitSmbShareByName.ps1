function Get-MobyKitSmbShareByName {
    <#
    .SYNOPSIS
        The SMB share with this name, $null when absent.
    .DESCRIPTION
        Get-SmbShare -Name writes ObjectNotFound when the share does not exist: that means absent.
        Any other error is thrown.
    .PARAMETER Name
        The share name.
    .EXAMPLE
        $share = Get-MobyKitSmbShareByName -Name 'C'
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Name
    )

    $lookupErrors = $null
    $share = @(SmbShare\Get-SmbShare -Name $Name -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
    Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
    if ($share.Count -eq 0) {
        return $null
    }
    return $share[0]
}
