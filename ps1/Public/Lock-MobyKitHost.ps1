function Lock-MobyKitHost {
    <#
    .SYNOPSIS
        Takes mobykit's lock on this host (host.lock beside the journal) for a run driven over PowerShell remoting.
    .DESCRIPTION
        The same file and rules as mobykit's own lock on the host (src/state/lock.ts), so a
        local run and remote runs keep each other out: the holder's data ({ pid, command, since,
        nonce }) is written to a private temporary file that is then moved to the lock's name,
        which fails if the lock exists (it never exists empty). The holder is this session's
        process; a timer in it touches the lock every -HeartbeatMs while the session lives. A
        lock whose process is gone, or that nobody touched for -StaleAfterMs, is stale and is
        taken over by moving it aside and checking that what moved is what was read (a lock
        someone else just took is put back). Returns the nonce Unlock-MobyKitHost needs; a
        lock held by another run is an error naming its holder (MobyKit.Locked).
    .PARAMETER Command
        What the run does (install, uninstall), for the holder's data.
    .PARAMETER StateDir
        The folder that holds host.lock (as Get-MobyKitJournal).
    .PARAMETER HeartbeatMs
        How often the lock is touched.
    .PARAMETER StaleAfterMs
        How long an untouched lock counts as held.
    .EXAMPLE
        $nonce = Lock-MobyKitHost -Command 'install'
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory = $true)][string]$Command,
        [string]$StateDir = '',
        [ValidateRange(100, 600000)][int]$HeartbeatMs = 5000,
        [ValidateRange(1000, 3600000)][int]$StaleAfterMs = 60000
    )
    $ErrorActionPreference = 'Stop'
    $dir = Resolve-MobyKitStateDir -StateDir $StateDir
    Initialize-MobyKitStateDir -Path $dir
    $path = Join-Path -Path $dir -ChildPath 'host.lock'
    $nonce = [System.Guid]::NewGuid().ToString('N')
    $text = ConvertTo-Json -Compress -InputObject ([ordered]@{ pid = $PID; command = $Command; since = [DateTime]::UtcNow.ToString('o'); nonce = $nonce })
    $encoding = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false
    for ($attempt = 0; $attempt -lt 5; $attempt++) {
        $temporary = '{0}.{1}.tmp' -f $path, [System.Guid]::NewGuid().ToString('N')
        [System.IO.File]::WriteAllText($temporary, $text, $encoding)
        $created = $false
        try {
            # Move without overwrite: atomic, and refused when the lock exists.
            [System.IO.File]::Move($temporary, $path)
            $created = $true
        }
        catch [System.IO.IOException] {
            $created = $false
        }
        finally {
            if (Test-Path -LiteralPath $temporary) { Remove-Item -LiteralPath $temporary -Force -ErrorAction SilentlyContinue }
        }
        if ($created) {
            if ($null -eq ('MobyKitLockHeartbeat' -as [type])) {
                Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.Threading;
public static class MobyKitLockHeartbeat {
    private static Timer timer;
    public static void Start(string path, string text, int ms) {
        Stop();
        timer = new Timer(delegate(object state) {
            try { if (File.ReadAllText(path) == text) { File.SetLastWriteTimeUtc(path, DateTime.UtcNow); } } catch (Exception) { }
        }, null, ms, ms);
    }
    public static void Stop() { if (timer != null) { timer.Dispose(); timer = null; } }
}
'@
            }
            [MobyKitLockHeartbeat]::Start($path, $text, $HeartbeatMs)
            return $nonce
        }
        $found = $null
        $touched = [DateTime]::MinValue
        try {
            $found = [System.IO.File]::ReadAllText($path)
            $touched = [System.IO.File]::GetLastWriteTimeUtc($path)
        }
        catch {
            continue # it went away: try again
        }
        $holder = $null
        try { $holder = ConvertFrom-MobyKitJson -Json $found } catch { $holder = $null }
        # Held: a whole number pid of a live process other than this one, touched recently (as src/state/lock.ts).
        $holderPid = 0
        if ($holder -is [System.Management.Automation.PSCustomObject] -and $null -ne $holder.PSObject.Properties['pid']) {
            $value = $holder.PSObject.Properties['pid'].Value
            if ($value -is [int] -or $value -is [long]) { $holderPid = [int]$value }
        }
        $alive = $holderPid -gt 0 -and $holderPid -ne $PID -and $null -ne (Get-Process -Id $holderPid -ErrorAction SilentlyContinue)
        if ($alive -and ([DateTime]::UtcNow - $touched).TotalMilliseconds -lt $StaleAfterMs) {
            $what = @('command', 'since' | ForEach-Object -Process { $property = $holder.PSObject.Properties[$_]; if ($null -ne $property) { [string]$property.Value } else { '?' } })
            $message = 'Another mobykit (PID {0} on this host, {1} since {2}) is changing this host. Wait for it to finish and run again. (Lock: {3})' -f $holderPid, $what[0], $what[1], $path
            throw (New-MobyKitErrorRecord -Message $message -Category ResourceBusy -ErrorId 'MobyKit.Locked' -Cmdlet 'Lock-MobyKitHost')
        }
        # Stale: moved aside, and put back if what moved is not the lock that was read.
        $aside = '{0}.stale.{1}' -f $path, [System.Guid]::NewGuid().ToString('N')
        try { [System.IO.File]::Move($path, $aside) } catch { continue }
        $moved = ''
        try { $moved = [System.IO.File]::ReadAllText($aside) } catch { $moved = $null }
        if ($moved -ne $found) {
            try { [System.IO.File]::Move($aside, $path) } catch { $null = $_ }
        }
        if (Test-Path -LiteralPath $aside) { Remove-Item -LiteralPath $aside -Force -ErrorAction SilentlyContinue }
    }
    throw (New-MobyKitErrorRecord -Message ('Could not take the lock {0}; remove it if no mobykit is running.' -f $path) -Category ResourceBusy -ErrorId 'MobyKit.LockFailed' -Cmdlet 'Lock-MobyKitHost')
}
