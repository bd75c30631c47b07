function ConvertTo-MobyKitAddressKey {
    <#
    .SYNOPSIS
        A firewall address filter entry in one canonical form, so that notations compare alike.
    .DESCRIPTION
        Get-NetFirewallAddressFilter reports a filter given as 10.0.75.0/24 back as
        10.0.75.0/255.255.255.0 (NetworkingDsc#404). Both become 10.0.75.0/24; a /32 becomes the
        address alone; Any and * become 'any'; ranges lo-hi are kept; other text (keywords such as
        LocalSubnet) is lower-cased. The same rules as src/windows/address.ts.
    .PARAMETER Address
        One entry of a LocalAddress or RemoteAddress filter.
    .EXAMPLE
        ConvertTo-MobyKitAddressKey -Address '10.0.75.0/255.255.255.0'   # 10.0.75.0/24
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)]
        [AllowEmptyString()]
        [string]$Address
    )

    $text = $Address.Trim()
    if ($text -eq '*' -or $text -eq 'Any') {
        return 'any'
    }
    $parsed = $null
    $parts = $text.Split('/')
    if ($parts.Count -eq 2 -and [System.Net.IPAddress]::TryParse($parts[0], [ref]$parsed) -and $parsed.AddressFamily -eq 'InterNetwork') {
        $prefix = -1
        $maskAddress = $null
        if ($parts[1] -match '^\d{1,2}$') {
            $prefix = [int]$parts[1]
        }
        elseif ([System.Net.IPAddress]::TryParse($parts[1], [ref]$maskAddress)) {
            # A contiguous mask only: 255.255.255.0 -> 24.
            $bits = (@($maskAddress.GetAddressBytes() | ForEach-Object -Process { [Convert]::ToString([int]$_, 2).PadLeft(8, '0') }) -join '')
            if ($bits -match '^1*0*$') {
                $prefix = $bits.TrimEnd('0').Length
            }
        }
        if ($prefix -ge 0 -and $prefix -le 32) {
            $bytes = $parsed.GetAddressBytes()
            for ($i = 0; $i -lt 4; $i++) {
                $keep = [Math]::Max(0, [Math]::Min(8, $prefix - 8 * $i))
                $bytes[$i] = $bytes[$i] -band ((0xFF -shl (8 - $keep)) -band 0xFF)
            }
            $network = (@($bytes | ForEach-Object -Process { [string]$_ }) -join '.')
            if ($prefix -eq 32) {
                return $network
            }
            return ('{0}/{1}' -f $network, $prefix)
        }
    }
    if ([System.Net.IPAddress]::TryParse($text, [ref]$parsed) -and $parsed.AddressFamily -eq 'InterNetwork') {
        return $parsed.ToString()
    }
    return $text.ToLowerInvariant()
}
