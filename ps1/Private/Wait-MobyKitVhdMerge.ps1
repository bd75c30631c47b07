function Wait-MobyKitVhdMerge {
    <#
    .SYNOPSIS
        Waits until Hyper-V has merged a removed VM's checkpoints into its disk and let go of it.
    .DESCRIPTION
        Remove-VM returns before the merge ends ("these are deleted and merged into the virtual
        hard disk files after the virtual machine is deleted"): the .avhdx files still exist and
        the VHDX is open. Deleting it then fails (file in use) or loses the merge. This waits, a
        bounded time, until no .avhdx of the chain is left and the VHDX opens exclusively.
    .PARAMETER Path
        The root VHDX.
    .PARAMETER Merging
        The differencing disks being merged into it (none when the VM had no checkpoint).
    .PARAMETER TimeoutSeconds
        How long to wait before failing with a message that says what to do.
    .EXAMPLE
        Wait-MobyKitVhdMerge -Path $vhdx -Merging $avhdx -TimeoutSeconds 90
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [ValidateNotNullOrEmpty()]
        [string]$Path,

        [Parameter(Mandatory = $true)]
        [AllowEmptyCollection()]
        [string[]]$Merging,

        [Parameter(Mandatory = $true)]
        [int]$TimeoutSeconds
    )

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $left = @($Merging | Where-Object -FilterScript { Test-Path -LiteralPath $_ -PathType Leaf })
        $free = $false
        if ($left.Count -eq 0) {
            try {
                $stream = [System.IO.File]::Open($Path, [System.IO.FileMode]::Open, [System.IO.FileAccess]::ReadWrite, [System.IO.FileShare]::None)
                $stream.Dispose()
                $free = $true
            }
            catch [System.IO.FileNotFoundException] {
                # Nothing left to delete: not this function's concern.
                $free = $true
            }
            catch [System.IO.IOException] {
                $free = $false
            }
        }
        if ($free) {
            return
        }
        if ([DateTime]::UtcNow -ge $deadline) {
            throw ("Hyper-V is still merging the VM's checkpoints into '{0}' ({1} differencing disk(s) left) after {2} s; the VM is removed and the disk kept: delete it once the merge ends (Remove-Item -LiteralPath <path>)" -f $Path, $left.Count, $TimeoutSeconds)
        }
        Start-Sleep -Seconds 1
    }
}
