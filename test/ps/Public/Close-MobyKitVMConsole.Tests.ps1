BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    . $PSScriptRoot/../support/ConsolePipe.ps1
}

Describe 'Close-MobyKitVMConsole' {
    It 'closes the connection, so the VM sees the console released and the next read opens a new one' {
        $pipe = New-TestConsolePipe
        try {
            Read-MobyKitVMConsole -PipeName $pipe.Path -TimeoutMilliseconds 0 | Out-Null
            $pipe.Accepted.Wait(5000) | Should -BeTrue
            Close-MobyKitVMConsole -PipeName $pipe.Path
            InModuleScope MobyKit -Parameters @{ P = $pipe.Path } { param($P) Get-MobyKitConsoleConnection -PipeName $P -Existing } | Should -BeNullOrEmpty
            $read = $pipe.Server.ReadAsync((New-Object -TypeName byte[] -ArgumentList 4), 0, 4)
            $read.Wait(5000) | Should -BeTrue
            $read.Result | Should -Be 0
        }
        finally { $pipe.Server.Dispose() }
    }
    It 'does nothing when no console is open' {
        { Close-MobyKitVMConsole -PipeName '\\.\pipe\mobykit-never-opened' } | Should -Not -Throw
    }
}
