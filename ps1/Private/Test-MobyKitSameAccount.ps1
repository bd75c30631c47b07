function Test-MobyKitSameAccount {
    <#
    .SYNOPSIS
        True when two account names denote the same Windows account.
    .DESCRIPTION
        Compares security identifiers when both names resolve (so 'alice' matches 'DEV-PC\alice',
        and localized names such as 'Jeder' match 'Everyone'), else compares names case-insensitively.
    .PARAMETER ReferenceAccount
        One account name.
    .PARAMETER DifferenceAccount
        The other account name.
    .EXAMPLE
        Test-MobyKitSameAccount -ReferenceAccount 'DEV-PC\alice' -DifferenceAccount 'alice'
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$ReferenceAccount,

        [Parameter(Mandatory = $true)]
        [string]$DifferenceAccount
    )

    if ($ReferenceAccount -eq $DifferenceAccount) {
        return $true
    }
    $referenceSid = ConvertTo-MobyKitSid -AccountName $ReferenceAccount
    $differenceSid = ConvertTo-MobyKitSid -AccountName $DifferenceAccount
    if ($null -ne $referenceSid -and $null -ne $differenceSid) {
        return ($referenceSid -eq $differenceSid)
    }
    return $false
}
