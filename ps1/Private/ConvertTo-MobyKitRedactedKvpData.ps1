function ConvertTo-MobyKitRedactedKvpData {
    <#
    .SYNOPSIS
        A KVP item's Data with any password= value replaced by ***.
    .DESCRIPTION
        The cifsmount token is /<mount>;/<share>;username=<user>,password=<secret>,noperm. The
        secret may itself contain commas, so everything from 'password=' up to a final ',noperm'
        (or to the end of the text) is replaced: never less than the secret.
    .PARAMETER Data
        The item's Data.
    .EXAMPLE
        ConvertTo-MobyKitRedactedKvpData -Data '/c;/C;username=alice,password=s3cret,noperm'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [AllowNull()]
        [string]$Data
    )

    if ([string]::IsNullOrEmpty($Data)) {
        return $Data
    }
    $options = [System.Text.RegularExpressions.RegexOptions]::IgnoreCase -bor [System.Text.RegularExpressions.RegexOptions]::Singleline
    if ([regex]::IsMatch($Data, 'password=.*,noperm$', $options)) {
        return [regex]::Replace($Data, '(password=).*(,noperm)$', '${1}***${2}', $options)
    }
    return [regex]::Replace($Data, '(password=).*$', '${1}***', $options)
}
