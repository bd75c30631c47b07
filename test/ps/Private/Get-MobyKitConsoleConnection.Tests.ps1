BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    . $PSScriptRoot/../support/ConsolePipe.ps1
}

Describe 'Get-MobyKitConsoleConnection' {
    AfterEach {
        if ($script:Pipe) { InModuleScope MobyKit -Parameters @{ P = $script:Pipe.Path } { param($P) Close-MobyKitVMConsole -PipeName $P }; $script:Pipe.Server.Dispose(); $script:Pipe = $null }
    }

    It 'opens the pipe once and returns the same connection on the next call (output between reads is kept)' {
        $script:Pipe = New-TestConsolePipe
        $first = InModuleScope MobyKit -Parameters @{ P = $script:Pipe.Path } { param($P) Get-MobyKitConsoleConnection -PipeName $P }
        $script:Pipe.Accepted.Wait(5000) | Should -BeTrue
        $first.Stream.IsConnected | Should -BeTrue
        $first.Stream.CanWrite | Should -BeFalse
        $again = InModuleScope MobyKit -Parameters @{ P = $script:Pipe.Path.ToUpperInvariant() } { param($P) Get-MobyKitConsoleConnection -PipeName $P }
        [object]::ReferenceEquals($first, $again) | Should -BeTrue
    }
    It 'opens it for writing only when -Interactive' {
        $script:Pipe = New-TestConsolePipe
        $c = InModuleScope MobyKit -Parameters @{ P = $script:Pipe.Path } { param($P) Get-MobyKitConsoleConnection -PipeName $P -Interactive }
        $c.Stream.CanWrite | Should -BeTrue
    }
    It '-Existing answers $null, opening nothing, when no connection is open' {
        InModuleScope MobyKit { Get-MobyKitConsoleConnection -PipeName '\\.\pipe\mobykit-none' -Existing } | Should -BeNullOrEmpty
    }
    It 'refuses a path that is no named pipe (MobyKit.BadPipeName), naming it' {
        { InModuleScope MobyKit { Get-MobyKitConsoleConnection -PipeName "C:\temp\x'; Remove-Item *" } } |
            Should -Throw -ErrorId 'MobyKit.BadPipeName*' -ExpectedMessage "'C:\temp\x'; Remove-Item *' is not a named pipe path*"
    }
    It 'says the VM may be off when nobody serves the pipe' {
        { InModuleScope MobyKit { Get-MobyKitConsoleConnection -PipeName ('\\.\pipe\mobykit-absent-{0}' -f [guid]::NewGuid().ToString('N')) } } |
            Should -Throw -ExpectedMessage 'Could not open the console pipe*is the VM running*'
    }
}
