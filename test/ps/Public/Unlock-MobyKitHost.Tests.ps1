BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Unlock-MobyKitHost' {
    BeforeEach {
        $script:dir = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('mobykit-unlock-{0}' -f [guid]::NewGuid().ToString('N'))
        $script:lock = Join-Path -Path $script:dir -ChildPath 'host.lock'
    }
    AfterEach { Remove-Item -LiteralPath $script:dir -Recurse -Force -ErrorAction SilentlyContinue }

    It "removes the lock only while it is this run's (its nonce), and stops touching it" {
        $nonce = Lock-MobyKitHost -Command 'uninstall' -StateDir $script:dir -HeartbeatMs 100
        Unlock-MobyKitHost -Nonce 'not-this-runs' -StateDir $script:dir | Should -BeFalse
        Test-Path -LiteralPath $script:lock | Should -BeTrue
        Unlock-MobyKitHost -Nonce $nonce -StateDir $script:dir | Should -BeTrue
        Test-Path -LiteralPath $script:lock | Should -BeFalse
        # Another run's lock at the same path afterwards is not touched by the stopped heartbeat.
        [System.IO.File]::WriteAllText($script:lock, '{"pid":1,"nonce":"theirs"}')
        [System.IO.File]::SetLastWriteTimeUtc($script:lock, [DateTime]::UtcNow.AddMinutes(-5))
        Start-Sleep -Milliseconds 400
        ([DateTime]::UtcNow - [System.IO.File]::GetLastWriteTimeUtc($script:lock)).TotalMinutes | Should -BeGreaterThan 4
    }
    It 'leaves a lock taken over by another run, and says there was none to release' {
        $null = New-Item -ItemType Directory -Path $script:dir
        Unlock-MobyKitHost -Nonce 'gone' -StateDir $script:dir | Should -BeFalse
        [System.IO.File]::WriteAllText($script:lock, '{"pid":1,"nonce":"theirs"}')
        Unlock-MobyKitHost -Nonce 'mine' -StateDir $script:dir | Should -BeFalse
        [System.IO.File]::ReadAllText($script:lock) | Should -Be '{"pid":1,"nonce":"theirs"}'
    }
}
