BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertTo-MobyKitKeptEnvironment' {
    It 'keeps only the DOCKER_* variables the snapshot spec allows, DOCKER_HOST without user:password' {
        InModuleScope MobyKit {
            $variables = @(
                [pscustomobject]@{ Name = 'DOCKER_HOST'; Value = 'tcp://bob:s3cret@192.168.99.100:2376' }
                [pscustomobject]@{ Name = 'DOCKER_AUTH_CONFIG'; Value = '{"auths":{"r":{"auth":"c2VjcmV0"}}}' }
                [pscustomobject]@{ Name = 'DOCKER_TLS_VERIFY'; Value = '1' }
                [pscustomobject]@{ Name = 'DOCKER_REGISTRY_PASSWORD'; Value = 'hunter2' }
                [pscustomobject]@{ Name = 'DOCKER_CONTEXT'; Value = 'default' }
            )
            $kept = ConvertTo-MobyKitKeptEnvironment -Variable $variables
            @($kept.Keys) | Should -Be @('DOCKER_CONTEXT', 'DOCKER_HOST', 'DOCKER_TLS_VERIFY')
            $kept['DOCKER_HOST'] | Should -Be 'tcp://192.168.99.100:2376'
            ($kept | ConvertTo-Json -Compress) | Should -Not -Match 's3cret|hunter2|c2VjcmV0'
        }
    }
    It 'leaves a DOCKER_HOST without user info, and the named pipe, as they are' {
        InModuleScope MobyKit {
            $kept = ConvertTo-MobyKitKeptEnvironment -Variable @([pscustomobject]@{ Name = 'DOCKER_HOST'; Value = 'npipe:////./pipe/docker_engine' })
            $kept['DOCKER_HOST'] | Should -Be 'npipe:////./pipe/docker_engine'
            (ConvertTo-MobyKitKeptEnvironment -Variable @()).Count | Should -Be 0
        }
    }
}
