BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitEngineState' {
    It 'reports a refused connection as unreachable, with the reason, and never throws' {
        InModuleScope MobyKit {
            # Port 1 on loopback: nothing listens there.
            $state = Get-MobyKitEngineState -Endpoint 'tcp://127.0.0.1:1' -TimeoutMilliseconds 1000
            $state.Endpoint | Should -Be 'tcp://127.0.0.1:1'
            $state.Reachable | Should -BeFalse
            $state.ServerVersion | Should -BeNullOrEmpty
            $state.Error | Should -Not -BeNullOrEmpty
        }
    }
    It 'reports a malformed endpoint as unreachable rather than failing the snapshot' {
        InModuleScope MobyKit {
            $state = Get-MobyKitEngineState -Endpoint 'tcp://not a host:x'
            $state.Reachable | Should -BeFalse
            $state.Error | Should -Not -BeNullOrEmpty
        }
    }
}
