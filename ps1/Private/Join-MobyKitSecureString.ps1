function Join-MobyKitSecureString {
    <#
    .SYNOPSIS
        One read-only SecureString from parts that are plain text or SecureStrings.
    .DESCRIPTION
        Builds a text that holds a secret (the cifsmount token) without the secret ever being a
        string: a SecureString part is copied character by character through a char buffer; that
        buffer and the unmanaged copy are zeroed at once. Plain parts must hold nothing secret: module logging
        records them (this parameter's logged value lists each part; a SecureString shows only as
        its type name).
    .PARAMETER Part
        The parts, in order: [string] or [System.Security.SecureString].
    .EXAMPLE
        Join-MobyKitSecureString -Part @('username=alice,password=', $password, ',noperm')
    #>
    [CmdletBinding()]
    [OutputType([System.Security.SecureString])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [object[]]$Part
    )

    $joined = New-Object -TypeName System.Security.SecureString
    foreach ($piece in $Part) {
        if ($piece -is [System.Security.SecureString]) {
            # Copied as UTF-16 code units (a char buffer, cleared after), so any character passes,
            # surrogate pairs included.
            $characters = New-Object -TypeName 'char[]' -ArgumentList $piece.Length
            $pointer = [System.Runtime.InteropServices.Marshal]::SecureStringToGlobalAllocUnicode($piece)
            try {
                [System.Runtime.InteropServices.Marshal]::Copy($pointer, $characters, 0, $characters.Length)
                foreach ($character in $characters) {
                    $joined.AppendChar($character)
                }
            }
            finally {
                [System.Runtime.InteropServices.Marshal]::ZeroFreeGlobalAllocUnicode($pointer)
                [System.Array]::Clear($characters, 0, $characters.Length)
            }
        }
        elseif ($piece -is [string]) {
            foreach ($character in $piece.ToCharArray()) {
                $joined.AppendChar($character)
            }
        }
        else {
            throw (New-MobyKitErrorRecord -Message ('A part must be a string or a SecureString, not {0}' -f $piece.GetType().FullName) -Category InvalidArgument -ErrorId 'MobyKit.BadSecurePart' -Cmdlet 'Join-MobyKitSecureString')
        }
    }
    $joined.MakeReadOnly()
    return $joined
}
