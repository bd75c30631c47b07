# The real remote path (sessions over SSH to several hosts) is tested end to end by
# test/fleet/remoting.test.ts; here, what the batch answers without a host.
BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Invoke-MobyKitRemoteBatch' {
    It 'answers a call on a session it does not hold with an error for that tag only' {
        $reply = Invoke-MobyKitRequest -Function 'Invoke-MobyKitRemoteBatch' -Parameters @{ Start = @(@{ tag = '7'; session = 'nope'; request = 'e30=' }); WaitMs = 0 }
        $reply.ok | Should -BeTrue
        @($reply.result).Count | Should -Be 1
        $reply.result[0].tag | Should -Be '7'
        $reply.result[0].error | Should -Be 'the remote session is not open'
    }
    It 'closing a session it does not hold removes nothing' {
        $reply = Invoke-MobyKitRequest -Function 'Invoke-MobyKitRemoteBatch' -Parameters @{ Start = @(@{ tag = '1'; close = 'nope' }); WaitMs = 0 }
        $reply.result[0].reply | Should -Be '{"ok":true,"result":false}'
    }
    It 'returns nothing when nothing finished within the wait' {
        $reply = Invoke-MobyKitRequest -Function 'Invoke-MobyKitRemoteBatch' -Parameters @{ WaitMs = 30 }
        $reply.ok | Should -BeTrue
        @($reply.result).Count | Should -Be 0
    }
    It 'reports a host that cannot be reached as an error for its tag' -Skip:($null -eq (Get-Command -Name ssh -ErrorAction Ignore)) {
        # Port 1 on loopback: nothing listens, ssh fails at once.
        $open = @{ ComputerName = '127.0.0.1'; Transport = 'SSH'; Port = 1; UserName = 'nobody' }
        $result = @()
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        $batch = @(@{ tag = 'h1'; open = $open })
        while ($result.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) {
            $reply = Invoke-MobyKitRequest -Function 'Invoke-MobyKitRemoteBatch' -Parameters @{ Start = $batch; WaitMs = 1000 }
            $batch = @()
            $result = @($reply.result)
        }
        $result.Count | Should -Be 1
        $result[0].tag | Should -Be 'h1'
        $result[0].error | Should -Not -BeNullOrEmpty
        $result[0].PSObject.Properties.Name | Should -Not -Contain 'reply'
    }
}
