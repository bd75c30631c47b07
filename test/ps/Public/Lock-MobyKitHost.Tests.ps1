BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

# The remote half of mobykit's host lock (src/state/lock.ts has the local half): same file, same rules.
Describe 'Lock-MobyKitHost' {
    BeforeEach {
        $script:dir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-lock-{0}' -f [guid]::NewGuid().ToString('N'))
        $script:lock = Join-Path -Path $script:dir -ChildPath 'host.lock'
    }
    AfterEach {
        if ($null -ne ('MobyKitLockHeartbeat' -as [type])) { [MobyKitLockHeartbeat]::Stop() }
        Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'writes the holder (this process, the command, a nonce) in one step and keeps touching it' {
        $nonce = Lock-MobyKitHost -Command 'install' -StateDir $script:dir -HeartbeatMs 100
        $holder = Get-Content -LiteralPath $script:lock -Raw | ConvertFrom-Json
        $holder.pid | Should -Be $PID
        $holder.command | Should -Be 'install'
        $holder.nonce | Should -Be $nonce
        [System.IO.File]::SetLastWriteTimeUtc($script:lock, [DateTime]::UtcNow.AddMinutes(-5))
        Start-Sleep -Milliseconds 600
        ([DateTime]::UtcNow - [System.IO.File]::GetLastWriteTimeUtc($script:lock)).TotalSeconds | Should -BeLessThan 5
    }
    It 'refuses a lock a live process holds and touched recently, naming it, and leaves it as it was' {
        $null = New-Item -ItemType Directory -Path $script:dir
        $other = (Get-Process -Id $PID).Parent # alive for as long as this test runs
        $text = '{"pid":' + $other.Id + ',"command":"uninstall","since":"2026-01-01T00:00:00Z","nonce":"theirs"}'
        [System.IO.File]::WriteAllText($script:lock, $text)
        { Lock-MobyKitHost -Command 'install' -StateDir $script:dir } | Should -Throw -ExpectedMessage "*PID $($other.Id) on this host, uninstall since*"
        [System.IO.File]::ReadAllText($script:lock) | Should -Be $text
    }
    It 'takes over a stale lock: its process gone, garbage, or untouched for a minute' {
        $null = New-Item -ItemType Directory -Path $script:dir
        foreach ($stale in @('{"pid":2147483000,"command":"install"}', 'not json', ('{"pid":' + $PID + ',"command":"install"}'))) {
            [System.IO.File]::WriteAllText($script:lock, $stale)
            $nonce = Lock-MobyKitHost -Command 'install' -StateDir $script:dir
            (Get-Content -LiteralPath $script:lock -Raw | ConvertFrom-Json).nonce | Should -Be $nonce
            Unlock-MobyKitHost -Nonce $nonce -StateDir $script:dir | Should -BeTrue
        }
        # A live process (its PID reused by another program) that nobody touched the lock for: stale.
        [System.IO.File]::WriteAllText($script:lock, ('{"pid":' + (Get-Process -Id $PID).Parent.Id + ',"command":"install"}'))
        [System.IO.File]::SetLastWriteTimeUtc($script:lock, [DateTime]::UtcNow.AddMinutes(-2))
        $nonce = Lock-MobyKitHost -Command 'install' -StateDir $script:dir
        (Get-Content -LiteralPath $script:lock -Raw | ConvertFrom-Json).nonce | Should -Be $nonce
    }
}
