function ConvertFrom-MobyKitSid {
    <#
    .SYNOPSIS
        The account name Windows gives a SID, in this Windows' language (S-1-1-0 is "Everyone" in
        English, "Jeder" in German), or $null when it does not resolve.
    .DESCRIPTION
        SecurityIdentifier.Translate asks the local account database, which exists only on Windows.
        Kept this small because it is what the test hosts replace, as ConvertTo-MobyKitSid is the
        other way round.
    .PARAMETER Sid
        The SID, e.g. S-1-1-0.
    .EXAMPLE
        ConvertFrom-MobyKitSid -Sid 'S-1-1-0'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Sid
    )

    try {
        $identifier = New-Object -TypeName System.Security.Principal.SecurityIdentifier -ArgumentList @($Sid)
        return $identifier.Translate([System.Security.Principal.NTAccount]).Value
    }
    catch {
        Write-Verbose -Message ("SID '{0}' does not resolve to an account: {1}" -f $Sid, $_.Exception.Message)
        return $null
    }
}
