function Invoke-MobyKitRemoteBatch {
    <#
    .SYNOPSIS
        Starts work on remote hosts and returns the work that finished within -WaitMs.
    .DESCRIPTION
        mobykit drives many hosts from this one shell: each piece of work runs in a runspace of
        a pool, so hosts work at the same time while this shell stays free to start more. A
        piece of work is one of:
          { tag, open: { ComputerName, Transport, UserName, KeyFilePath, KnownHostsFile, Port } }
            opens a session (WinRM: New-PSSession -ComputerName; SSH: -HostName, -UserName,
            -KeyFilePath), delivers this module's files to a new folder under the remote
            temporary folder in one round trip, imports it, checks its version against this
            one and hands over the session key that unseals a request's password; the reply's
            result is { id, folder, version }. The WinRM credential's password is the request's
            sealed secret (-Password).
          { tag, close: <session id> }
            removes the delivered module folder and closes the session; the reply's result
            is whether the folder was removed (a broken or hung session cannot remove it).
          { tag, session, request }
            runs the request (base64 JSON, exactly as on one host) as Invoke-MobyKitCall on the
            session; the reply is the remote's JSON line.
        Waits up to -WaitMs for at least one piece to finish, then returns every finished one as
        { tag, reply } (a JSON line) or { tag, error } (the session broke, the host went away).
        A piece still running -TimeoutMs after it started is stopped and returned as
        { tag, error, timedOut = $true }; its session takes no more calls (a host that hangs
        would hang them too) and its close only closes it.
    .PARAMETER Start
        The work to start now.
    .PARAMETER WaitMs
        How long to wait for work to finish.
    .PARAMETER TimeoutMs
        How long a piece of work may run before it is stopped and reported (0: no limit).
    .PARAMETER Password
        The password of the WinRM credential of the opens in -Start.
    .EXAMPLE
        Invoke-MobyKitRemoteBatch -Start @(@{ tag = '1'; open = @{ ComputerName = 'DEV-01'; Transport = 'WinRM' } }) -WaitMs 50 -TimeoutMs 120000
    #>
    [CmdletBinding()]
    param(
        [object[]]$Start = @(),
        [ValidateRange(0, 60000)][int]$WaitMs = 200,
        [ValidateRange(0, 86400000)][int]$TimeoutMs = 0,
        [securestring]$Password
    )
    $ErrorActionPreference = 'Stop'
    $finished = New-Object -TypeName System.Collections.ArrayList
    if ($null -eq $script:MobyKitRemotePool) {
        $script:MobyKitRemotePool = [System.Management.Automation.Runspaces.RunspaceFactory]::CreateRunspacePool(1, 256)
        $script:MobyKitRemotePool.Open()
    }
    $module = $MyInvocation.MyCommand.Module
    foreach ($work in @($Start)) {
        $tag = [string]$work['tag']
        $pipeline = [System.Management.Automation.PowerShell]::Create()
        $pipeline.RunspacePool = $script:MobyKitRemotePool
        $kind = 'call'
        $sessionId = $null
        if ($null -ne $work['open']) {
            $kind = 'open'
            if ($null -eq $script:MobyKitRemoteFiles) {
                # Read once: every host gets the same files.
                $script:MobyKitRemoteFiles = @{}
                foreach ($item in @(Get-ChildItem -LiteralPath $module.ModuleBase -Recurse -Include '*.ps1', '*.psm1', '*.psd1' | Where-Object -FilterScript { -not $_.PSIsContainer })) {
                    $script:MobyKitRemoteFiles[$item.FullName.Substring($module.ModuleBase.Length + 1)] = [System.IO.File]::ReadAllText($item.FullName)
                }
            }
            $null = $pipeline.AddScript((Get-MobyKitRemoteOpenScript)).AddArgument($work['open']).AddArgument($Password).AddArgument($script:MobyKitRemoteFiles).AddArgument($module.Version.ToString()).AddArgument($script:MobyKitSessionKey)
        }
        elseif ($null -ne $work['close']) {
            $kind = 'close'
            $entry = $script:MobyKitRemoteSessions[[string]$work['close']]
            $script:MobyKitRemoteSessions.Remove([string]$work['close'])
            if ($null -eq $entry) {
                $null = $finished.Add([ordered]@{ tag = $tag; reply = '{"ok":true,"result":false}' })
                $pipeline.Dispose()
                continue
            }
            $null = $pipeline.AddScript((Get-MobyKitRemoteCloseScript)).AddArgument($entry.Session).AddArgument($entry.Folder).AddArgument(-not $entry.Hung)
        }
        else {
            $sessionId = [string]$work['session']
            $entry = $script:MobyKitRemoteSessions[$sessionId]
            $refusal = $null
            if ($null -eq $entry -or $entry.Session.State -ne 'Opened') { $refusal = 'the remote session is not open' }
            elseif ($entry.Hung) { $refusal = 'the remote session takes no more calls: an earlier call on it got no answer in time' }
            if ($null -ne $refusal) {
                $null = $finished.Add([ordered]@{ tag = $tag; error = $refusal })
                $pipeline.Dispose()
                continue
            }
            $null = $pipeline.AddScript('param($Session, $Request) Invoke-Command -Session $Session -ErrorAction Stop -ArgumentList $Request -ScriptBlock { param($Request) Invoke-MobyKitCall -Request $Request }').AddArgument($entry.Session).AddArgument([string]$work['request'])
        }
        $deadline = [DateTime]::MaxValue
        if ($TimeoutMs -gt 0) { $deadline = [DateTime]::UtcNow.AddMilliseconds($TimeoutMs) }
        $script:MobyKitRemoteWork[$tag] = @{ Pipeline = $pipeline; Handle = $pipeline.BeginInvoke(); Kind = $kind; SessionId = $sessionId; Deadline = $deadline; TimeoutMs = $TimeoutMs }
    }
    # Stopped work, once it has ended: its pipeline is disposed, and a session it opened late is closed.
    foreach ($stopped in @($script:MobyKitRemoteStopped)) {
        if (-not $stopped.Handle.IsCompleted) { continue }
        $script:MobyKitRemoteStopped.Remove($stopped)
        try {
            $lateOutput = @($stopped.Pipeline.EndInvoke($stopped.Handle))
            if ($stopped.Kind -eq 'open' -and $lateOutput.Count -gt 0 -and $null -ne $lateOutput[-1].session) {
                $closing = [System.Management.Automation.PowerShell]::Create()
                $closing.RunspacePool = $script:MobyKitRemotePool
                $null = $closing.AddScript((Get-MobyKitRemoteCloseScript)).AddArgument($lateOutput[-1].session).AddArgument($lateOutput[-1].folder).AddArgument($true)
                $null = $script:MobyKitRemoteStopped.Add(@{ Pipeline = $closing; Handle = $closing.BeginInvoke(); Kind = 'close' })
            }
        }
        catch {
            $null = $_ # it was stopped: its error is the one already reported
        }
        finally {
            $stopped.Pipeline.Dispose()
        }
    }
    $waitUntil = [DateTime]::UtcNow.AddMilliseconds($WaitMs)
    do {
        $now = [DateTime]::UtcNow
        $done = @($script:MobyKitRemoteWork.GetEnumerator() | Where-Object -FilterScript { $_.Value.Handle.IsCompleted })
        $late = @($script:MobyKitRemoteWork.GetEnumerator() | Where-Object -FilterScript { -not $_.Value.Handle.IsCompleted -and $now -gt $_.Value.Deadline })
        if ($done.Count -gt 0 -or $late.Count -gt 0 -or $finished.Count -gt 0) { break }
        Start-Sleep -Milliseconds 10
    } while ([DateTime]::UtcNow -lt $waitUntil)
    foreach ($pair in $late) {
        # Stopped without waiting: a hung host would not answer the stop either.
        $work = $pair.Value
        $script:MobyKitRemoteWork.Remove($pair.Key)
        $null = $work.Pipeline.BeginStop($null, $null)
        $null = $script:MobyKitRemoteStopped.Add($work)
        if ($null -ne $work.SessionId -and $null -ne $script:MobyKitRemoteSessions[$work.SessionId]) {
            $script:MobyKitRemoteSessions[$work.SessionId].Hung = $true
        }
        $null = $finished.Add([ordered]@{ tag = $pair.Key; error = ('no answer within {0} s' -f ($work.TimeoutMs / 1000)); timedOut = $true })
    }
    foreach ($pair in $done) {
        $work = $pair.Value
        $script:MobyKitRemoteWork.Remove($pair.Key)
        try {
            $output = @($work.Pipeline.EndInvoke($work.Handle))
            if ($work.Pipeline.HadErrors -and $work.Pipeline.Streams.Error.Count -gt 0) { throw $work.Pipeline.Streams.Error[0] }
            if ($work.Kind -eq 'close') {
                $reply = ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $true; result = ($output.Count -gt 0 -and [bool]$output[-1]) })
            }
            elseif ($work.Kind -eq 'open') {
                $opened = $output[-1]
                $script:MobyKitRemoteSessions[$opened.id] = @{ Session = $opened.session; Folder = $opened.folder; Hung = $false }
                $reply = ConvertTo-Json -Compress -InputObject ([ordered]@{ ok = $true; result = [ordered]@{ id = $opened.id; folder = $opened.folder; version = $opened.version } })
            }
            else {
                $reply = @($output | Where-Object -FilterScript { $_ -is [string] })[-1]
            }
            $null = $finished.Add([ordered]@{ tag = $pair.Key; reply = $reply })
        }
        catch {
            # The cause, not its wrappers: EndInvoke wraps what the runspace threw, and -ErrorAction
            # Stop wraps the cmdlet's own error record.
            $exception = $_.Exception
            if ($exception -is [System.Management.Automation.MethodInvocationException] -and $null -ne $exception.InnerException) {
                $exception = $exception.InnerException
            }
            if ($exception -is [System.Management.Automation.ActionPreferenceStopException] -and $null -ne $exception.ErrorRecord) {
                $exception = $exception.ErrorRecord.Exception
            }
            $null = $finished.Add([ordered]@{ tag = $pair.Key; error = [string]$exception.Message })
        }
        finally {
            $work.Pipeline.Dispose()
        }
    }
    , @($finished)
}
