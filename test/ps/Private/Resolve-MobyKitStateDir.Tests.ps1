BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Resolve-MobyKitStateDir' {
    BeforeEach {
        $script:saved = @{ state = $env:MOBYKIT_STATE_DIR; data = $env:ProgramData }
        Remove-Item -Path Env:MOBYKIT_STATE_DIR, Env:ProgramData -ErrorAction SilentlyContinue
    }
    AfterEach {
        $env:MOBYKIT_STATE_DIR = $script:saved.state
        $env:ProgramData = $script:saved.data
    }
    It 'takes the folder given first' {
        $env:MOBYKIT_STATE_DIR = '/elsewhere'
        InModuleScope MobyKit { Resolve-MobyKitStateDir -StateDir '/given' } | Should -Be '/given'
    }
    It 'then MOBYKIT_STATE_DIR, then %ProgramData%\mobykit' {
        $env:ProgramData = '/pd'
        InModuleScope MobyKit { Resolve-MobyKitStateDir } | Should -Be (Join-Path -Path '/pd' -ChildPath 'mobykit')
        $env:MOBYKIT_STATE_DIR = '/state'
        InModuleScope MobyKit { Resolve-MobyKitStateDir } | Should -Be '/state'
    }
    It 'says so when there is no folder to use' {
        { InModuleScope MobyKit { Resolve-MobyKitStateDir } } | Should -Throw '*%ProgramData% and MOBYKIT_STATE_DIR are both unset*'
    }
}
