BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Initialize-MobyKitStateDir' {
    BeforeEach {
        $script:root = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ([System.Guid]::NewGuid().ToString('N'))
        $script:dir = Join-Path -Path $script:root -ChildPath "mobykit o'neil"
        $global:MobyKitIcaclsCalls = [System.Collections.Generic.List[object]]::new()
        $global:MobyKitIcaclsExit = 0
        # icacls.exe as the module calls it: a function of that name wins over any program, so the
        # arguments are the ones the module passes, one by one.
        function global:icacls.exe { $global:MobyKitIcaclsCalls.Add(@($args)); $global:LASTEXITCODE = $global:MobyKitIcaclsExit; if ($global:LASTEXITCODE) { 'Access is denied.' } }
    }
    AfterEach {
        Remove-Item -LiteralPath $script:root -Recurse -Force -ErrorAction SilentlyContinue
        Remove-Item -Path Function:\icacls.exe -ErrorAction SilentlyContinue
        Remove-Variable -Name MobyKitIcaclsCalls, MobyKitIcaclsExit -Scope Global -ErrorAction SilentlyContinue
    }

    It 'makes a new folder Administrators-only on Windows: nothing inherited, the path passed as one argument' {
        Mock -ModuleName MobyKit Test-MobyKitWindows { $true }
        InModuleScope MobyKit -Parameters @{ Dir = $script:dir } { param($Dir) Initialize-MobyKitStateDir -Path $Dir }
        Test-Path -LiteralPath $script:dir -PathType Container | Should -BeTrue
        $global:MobyKitIcaclsCalls.Count | Should -Be 1
        $global:MobyKitIcaclsCalls[0] | Should -Be @($script:dir, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-578:(OI)(CI)M')
    }

    It 'leaves a folder that exists as it is' {
        Mock -ModuleName MobyKit Test-MobyKitWindows { $true }
        $null = New-Item -ItemType Directory -Path $script:dir -Force
        InModuleScope MobyKit -Parameters @{ Dir = $script:dir } { param($Dir) Initialize-MobyKitStateDir -Path $Dir }
        $global:MobyKitIcaclsCalls.Count | Should -Be 0
    }

    It 'removes the new folder again and says why when it cannot be restricted' {
        Mock -ModuleName MobyKit Test-MobyKitWindows { $true }
        $global:MobyKitIcaclsExit = 5
        { InModuleScope MobyKit -Parameters @{ Dir = $script:dir } { param($Dir) Initialize-MobyKitStateDir -Path $Dir } } |
            Should -Throw "*Cannot restrict *mobykit o'neil to Administrators (icacls: Access is denied.)*"
        Test-Path -LiteralPath $script:dir | Should -BeFalse
    }

    It 'the journal and the host lock both make their folder this way' {
        Mock -ModuleName MobyKit Test-MobyKitWindows { $true }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitJournal' -Parameters @{ Json = '{"formatVersion":2,"entries":[]}'; StateDir = $script:dir }
        $reply.ok | Should -BeTrue
        $global:MobyKitIcaclsCalls.Count | Should -Be 1
        Remove-Item -LiteralPath $script:dir -Recurse -Force
        $reply = Invoke-MobyKitRequest -Function 'Lock-MobyKitHost' -Parameters @{ Command = 'install'; StateDir = $script:dir }
        $reply.ok | Should -BeTrue
        $global:MobyKitIcaclsCalls.Count | Should -Be 2
        $null = Invoke-MobyKitRequest -Function 'Unlock-MobyKitHost' -Parameters @{ Nonce = $reply.result; StateDir = $script:dir }
    }
}
