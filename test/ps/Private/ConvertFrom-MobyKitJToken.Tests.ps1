BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $null = ConvertFrom-Json -InputObject '{}' # loads Newtonsoft.Json
}

Describe 'ConvertFrom-MobyKitJToken' {
    It 'gives objects, arrays (also of one or none), nulls and scalars as ConvertFrom-Json would, dates left as text' {
        $settings = New-Object -TypeName Newtonsoft.Json.JsonSerializerSettings
        $settings.DateParseHandling = [Newtonsoft.Json.DateParseHandling]::None
        $token = [Newtonsoft.Json.JsonConvert]::DeserializeObject('{"S":"2024-01-02T03:04:05","One":["x"],"None":[],"N":null,"B":true,"I":7,"O":{"K":"v"}}', $settings)
        $value = InModuleScope MobyKit -Parameters @{ Token = $token } { param($Token) ConvertFrom-MobyKitJToken -Token $Token }
        $value | Should -BeOfType ([System.Management.Automation.PSCustomObject])
        $value.S | Should -BeOfType ([string])
        $value.S | Should -Be '2024-01-02T03:04:05'
        , $value.One | Should -BeOfType ([object[]])
        $value.One.Count | Should -Be 1
        $value.None.Count | Should -Be 0
        $value.N | Should -BeNullOrEmpty
        $value.B | Should -BeTrue
        $value.I | Should -Be 7
        $value.O.K | Should -Be 'v'
    }
}
