function New-MobyKitSharePassword {
    <#
    .SYNOPSIS
        A new random password for mobykit's share account, made on this host, as a SecureString.
    .DESCRIPTION
        Drawn from System.Security.Cryptography.RandomNumberGenerator (the OS CSPRNG): each byte
        picks one of 64 characters (A-Z, a-z, 0-9, '-', '_'; 256 is a multiple of 64, so every
        character is equally likely). None of them is special in the cifsmount token
        (',' ';' '/' '=') or in a PowerShell string. A draw without an upper-case letter, a
        lower-case letter and a digit is drawn again, so Windows' complexity policy (three of
        four kinds) accepts it. The characters go from the random bytes into the SecureString
        one by one: the password is never a string, and the byte buffer is zeroed.
    .PARAMETER Length
        The number of characters (16 to 127; 127 is the longest the LAN Manager-free logon takes).
    .EXAMPLE
        $password = New-MobyKitSharePassword
    #>
    [CmdletBinding()]
    [OutputType([System.Security.SecureString])]
    param(
        [ValidateRange(16, 127)]
        [int]$Length = 32
    )

    $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    $generator = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    $bytes = New-Object -TypeName 'byte[]' -ArgumentList $Length
    try {
        while ($true) {
            $generator.GetBytes($bytes)
            $password = New-Object -TypeName System.Security.SecureString
            $kinds = 0
            foreach ($byte in $bytes) {
                $index = $byte -band 63
                if ($index -lt 26) {
                    $kinds = $kinds -bor 1
                }
                elseif ($index -lt 52) {
                    $kinds = $kinds -bor 2
                }
                elseif ($index -lt 62) {
                    $kinds = $kinds -bor 4
                }
                $password.AppendChar($alphabet[$index])
            }
            if ($kinds -eq 7) {
                $password.MakeReadOnly()
                return $password
            }
            $password.Dispose()
        }
    }
    finally {
        [System.Array]::Clear($bytes, 0, $bytes.Length)
        $generator.Dispose()
    }
}
