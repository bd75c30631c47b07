function ConvertTo-MobyKitSid {
    <#
    .SYNOPSIS
        The security identifier (S-1-...) of an account name, $null when it does not resolve.
    .PARAMETER AccountName
        An account name such as 'alice', 'DEV-PC\alice' or 'Everyone'.
    .EXAMPLE
        ConvertTo-MobyKitSid -AccountName 'Everyone'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$AccountName
    )

    try {
        $ntAccount = New-Object -TypeName System.Security.Principal.NTAccount -ArgumentList @($AccountName)
        return $ntAccount.Translate([System.Security.Principal.SecurityIdentifier]).Value
    }
    catch {
        Write-Verbose -Message ("Account '{0}' does not resolve to a SID: {1}" -f $AccountName, $_.Exception.Message)
        return $null
    }
}
