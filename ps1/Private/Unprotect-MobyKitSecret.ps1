function Unprotect-MobyKitSecret {
    <#
    .SYNOPSIS
        A request's sealed password as a SecureString.
    .DESCRIPTION
        mobykit seals the password it sends (base64 of IV || AES-256-CBC with the session key), so
        that script block logging and transcription, which record the request line, record only
        ciphertext. The key reached this session in its environment and was taken out at import
        ($script:MobyKitSessionKey). The plain text exists only in byte and char buffers that are
        cleared before this returns.
    .PARAMETER Sealed
        The request's "secret" value.
    .EXAMPLE
        $password = Unprotect-MobyKitSecret -Sealed $document.secret
    #>
    [CmdletBinding()]
    [OutputType([System.Security.SecureString])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Sealed
    )

    if ($null -eq $script:MobyKitSessionKey) {
        throw (New-MobyKitErrorRecord -Message 'The request carries a sealed password, but this session has no key to open it (MOBYKIT_SESSION_KEY was not set when the module was imported)' -Category InvalidOperation -ErrorId 'MobyKit.NoSessionKey' -Cmdlet 'Invoke-MobyKitCall')
    }
    $bytes = [System.Convert]::FromBase64String($Sealed)
    if ($bytes.Length -lt 32) {
        throw (New-MobyKitErrorRecord -Message 'The sealed password is too short to hold anything' -Category InvalidArgument -ErrorId 'MobyKit.BadSecret' -Cmdlet 'Invoke-MobyKitCall')
    }
    $aes = [System.Security.Cryptography.Aes]::Create()
    $plain = $null
    $chars = $null
    try {
        $aes.Key = $script:MobyKitSessionKey
        $aes.IV = $bytes[0..15]
        $aes.Mode = [System.Security.Cryptography.CipherMode]::CBC
        $aes.Padding = [System.Security.Cryptography.PaddingMode]::PKCS7
        $plain = $aes.CreateDecryptor().TransformFinalBlock($bytes, 16, $bytes.Length - 16)
        $chars = [System.Text.Encoding]::UTF8.GetChars($plain)
        $secure = New-Object -TypeName System.Security.SecureString
        foreach ($character in $chars) {
            $secure.AppendChar($character)
        }
        $secure.MakeReadOnly()
        return $secure
    }
    catch [System.Security.Cryptography.CryptographicException] {
        throw (New-MobyKitErrorRecord -Message 'The sealed password does not open with this session''s key' -Category InvalidArgument -ErrorId 'MobyKit.BadSecret' -Cmdlet 'Invoke-MobyKitCall')
    }
    finally {
        if ($null -ne $plain) { [System.Array]::Clear($plain, 0, $plain.Length) }
        if ($null -ne $chars) { [System.Array]::Clear($chars, 0, $chars.Length) }
        $aes.Dispose()
    }
}
