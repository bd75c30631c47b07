BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertFrom-MobyKitJson' {
    It 'keeps date-like strings as strings (ConvertFrom-Json alone makes them [datetime] under pwsh)' {
        $json = '{"Password":"2024-01-02T03:04:05","List":["2024-01-02",1],"Nested":{"At":"2024-01-02T03:04:05Z"}}'
        (ConvertFrom-Json -InputObject $json).Password | Should -BeOfType ([datetime])
        $document = InModuleScope MobyKit -Parameters @{ Json = $json } { param($Json) ConvertFrom-MobyKitJson -Json $Json }
        $document.Password | Should -BeOfType ([string])
        $document.Password | Should -Be '2024-01-02T03:04:05'
        $document.List[0] | Should -Be '2024-01-02'
        $document.Nested.At | Should -Be '2024-01-02T03:04:05Z'
    }
    It 'throws on text that is not JSON' {
        { InModuleScope MobyKit { ConvertFrom-MobyKitJson -Json '{ not json' } } | Should -Throw
    }
}
