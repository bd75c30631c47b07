function Test-MobyKitSecureStringEqual {
    <#
    .SYNOPSIS
        Whether two SecureStrings hold the same text (ordinal, case-sensitive).
    .DESCRIPTION
        Compares the unmanaged buffers character by character, zeroing and freeing them after:
        neither text becomes a string, so neither can reach a logged parameter binding.
    .PARAMETER Reference
        One text.
    .PARAMETER Difference
        The other.
    .EXAMPLE
        Test-MobyKitSecureStringEqual -Reference $existing.Data -Difference $token
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Reference,

        [Parameter(Mandatory = $true)]
        [System.Security.SecureString]$Difference
    )

    if ($Reference.Length -ne $Difference.Length) {
        return $false
    }
    $marshal = [System.Runtime.InteropServices.Marshal]
    $left = [System.IntPtr]::Zero
    $right = [System.IntPtr]::Zero
    try {
        $left = $marshal::SecureStringToGlobalAllocUnicode($Reference)
        $right = $marshal::SecureStringToGlobalAllocUnicode($Difference)
        for ($index = 0; $index -lt $Reference.Length; $index++) {
            if ($marshal::ReadInt16($left, 2 * $index) -ne $marshal::ReadInt16($right, 2 * $index)) {
                return $false
            }
        }
        return $true
    }
    finally {
        if ($left -ne [System.IntPtr]::Zero) { $marshal::ZeroFreeGlobalAllocUnicode($left) }
        if ($right -ne [System.IntPtr]::Zero) { $marshal::ZeroFreeGlobalAllocUnicode($right) }
    }
}
