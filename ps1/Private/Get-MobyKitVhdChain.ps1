function Get-MobyKitVhdChain {
    <#
    .SYNOPSIS
        The disk files of a virtual disk chain, from the given file to its root (the base VHDX).
    .DESCRIPTION
        A checkpoint turns a VM's disk into a differencing .avhdx whose ParentPath (Get-VHD) is the
        disk before it. Remove-VM merges the chain back into the root after the VM is gone, so the
        disk mobykit made is the root, and the .avhdx files are what the merge consumes.
    .PARAMETER Path
        A disk file the VM uses.
    .EXAMPLE
        $chain = Get-MobyKitVhdChain -Path $drive.Path; $root = $chain[-1]
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Path
    )

    $chain = New-Object -TypeName System.Collections.Generic.List[string]
    $current = $Path
    # A chain is short; the bound only guards against a loop in broken metadata.
    while ($current -and $chain.Count -lt 64 -and -not $chain.Contains($current)) {
        $chain.Add($current)
        $current = [string](Hyper-V\Get-VHD -Path $current -ErrorAction Stop).ParentPath
    }
    return , $chain.ToArray()
}
