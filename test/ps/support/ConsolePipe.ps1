# A VM's console stand-in for the console tests: a real named pipe server, as Hyper-V serves COM1.
function global:New-TestConsolePipe {
    $name = 'mobykit-test-{0}' -f [guid]::NewGuid().ToString('N')
    $server = New-Object -TypeName System.IO.Pipes.NamedPipeServerStream -ArgumentList $name, ([System.IO.Pipes.PipeDirection]::InOut), 1, ([System.IO.Pipes.PipeTransmissionMode]::Byte), ([System.IO.Pipes.PipeOptions]::Asynchronous)
    [pscustomobject]@{ Path = "\\.\pipe\$name"; Server = $server; Accepted = $server.WaitForConnectionAsync() }
}
