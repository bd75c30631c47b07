function ConvertTo-MobyKitRedactedKvpData {
    <#
    .SYNOPSIS
        A KVP item's Data with any password= value replaced by ***.
    .DESCRIPTION
        The cifsmount token is /<mount>;/<share>;username=<user>,password=<secret>,noperm. The
        secret may itself contain commas, so everything from 'password=' up to a final ',noperm'
        (or to the end of the text) is replaced: never less than the secret. The data arrives as a
        SecureString (see Get-MobyKitKvpHostItem) and is opened only by .NET calls, never bound.
    .PARAMETER Data
        The item's Data.
    .EXAMPLE
        ConvertTo-MobyKitRedactedKvpData -Data $item.Data
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Data
    )

    $text = [System.Net.NetworkCredential]::new('', $Data).Password
    if ([string]::IsNullOrEmpty($text)) {
        return ''
    }
    $options = [System.Text.RegularExpressions.RegexOptions]::IgnoreCase -bor [System.Text.RegularExpressions.RegexOptions]::Singleline
    if ([regex]::IsMatch($text, 'password=.*,noperm$', $options)) {
        return [regex]::Replace($text, '(password=).*(,noperm)$', '${1}***${2}', $options)
    }
    return [regex]::Replace($text, '(password=).*$', '${1}***', $options)
}
