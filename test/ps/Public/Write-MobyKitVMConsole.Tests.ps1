BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    . $PSScriptRoot/../support/ConsolePipe.ps1
}

Describe 'Write-MobyKitVMConsole' {
    BeforeEach { $script:Pipe = New-TestConsolePipe }
    AfterEach { Close-MobyKitVMConsole -PipeName $script:Pipe.Path; $script:Pipe.Server.Dispose() }

    It 'sends the keys to a console opened -Interactive' {
        Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 0 -Interactive | Out-Null
        $script:Pipe.Accepted.Wait(5000) | Should -BeTrue
        Write-MobyKitVMConsole -PipeName $script:Pipe.Path -Data ([Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("root`r")))
        $buffer = New-Object -TypeName byte[] -ArgumentList 16
        $read = $script:Pipe.Server.ReadAsync($buffer, 0, 16)
        $read.Wait(5000) | Should -BeTrue
        [System.Text.Encoding]::UTF8.GetString($buffer, 0, $read.Result) | Should -Be "root`r"
    }
    It 'refuses a console opened read-only (MobyKit.ConsoleReadOnly), and one not opened at all' {
        Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 0 | Out-Null
        { Write-MobyKitVMConsole -PipeName $script:Pipe.Path -Data 'DQ==' } | Should -Throw -ErrorId 'MobyKit.ConsoleReadOnly*'
        { Write-MobyKitVMConsole -PipeName '\\.\pipe\mobykit-never-opened' -Data 'DQ==' } | Should -Throw -ErrorId 'MobyKit.ConsoleReadOnly*'
    }
    It 'sends nothing with -WhatIf' {
        Read-MobyKitVMConsole -PipeName $script:Pipe.Path -TimeoutMilliseconds 0 -Interactive | Out-Null
        $script:Pipe.Accepted.Wait(5000) | Should -BeTrue
        Write-MobyKitVMConsole -PipeName $script:Pipe.Path -Data 'DQ==' -WhatIf
        $read = $script:Pipe.Server.ReadAsync((New-Object -TypeName byte[] -ArgumentList 4), 0, 4)
        $read.Wait(200) | Should -BeFalse
    }
}
