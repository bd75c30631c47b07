BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    . $PSScriptRoot/../support/ConsolePipe.ps1
}

Describe 'Read-MobyKitVMConsole' {
    BeforeEach { $script:Pipe = New-TestConsolePipe }
    AfterEach { Close-MobyKitVMConsole -PipeName $script:Pipe.Path; $script:Pipe.Server.Dispose() }

    It 'answers what the VM wrote, as base64, and '''' while it writes nothing' {
        Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 50 | Should -Be ''
        $script:Pipe.Accepted.Wait(5000) | Should -BeTrue
        $bytes = [System.Text.Encoding]::UTF8.GetBytes("moby login: `e[2J")
        $script:Pipe.Server.Write($bytes, 0, $bytes.Length)
        $script:Pipe.Server.Flush()
        $got = Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 5000
        [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($got)) | Should -Be "moby login: `e[2J"
    }
    It 'throws MobyKit.ConsoleClosed when the VM closes the pipe, and forgets the connection' {
        Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 0 | Out-Null
        $script:Pipe.Accepted.Wait(5000) | Should -BeTrue
        $script:Pipe.Server.Disconnect()
        { Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 5000 } | Should -Throw -ErrorId 'MobyKit.ConsoleClosed*'
        InModuleScope MobyKit -Parameters @{ P = $script:Pipe.Path } { param($P) Get-MobyKitConsoleConnection -PipeName $P -Existing } | Should -BeNullOrEmpty
    }
    It 'refuses a wait above 10 s (the CLI polls; a call must not hold the shell)' {
        { Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 10001 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}
