BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertTo-MobyKitHashtable' {
    It 'turns parsed JSON objects into hashtables, keeping arrays (even of one) as arrays' {
        $parsed = ConvertFrom-Json -InputObject '{"Name":"DockerTcp","LocalPort":["2375"],"Nested":{"A":[1,2],"B":null},"Empty":[]}'
        $table = InModuleScope MobyKit -Parameters @{ P = $parsed } { param($P) ConvertTo-MobyKitHashtable -InputObject $P }
        $table | Should -BeOfType [hashtable]
        $table.Name | Should -Be 'DockerTcp'
        , $table.LocalPort | Should -BeOfType [object[]]
        $table.LocalPort.Count | Should -Be 1
        $table.Nested | Should -BeOfType [hashtable]
        $table.Nested.A | Should -Be @(1, 2)
        $table.Nested.ContainsKey('B') | Should -BeTrue
        $table.Nested.B | Should -BeNullOrEmpty
        , $table.Empty | Should -BeOfType [object[]]
        $table.Empty.Count | Should -Be 0
    }
    It 'passes null and scalars through, and copies dictionaries with string keys' {
        InModuleScope MobyKit {
            ConvertTo-MobyKitHashtable -InputObject $null | Should -BeNullOrEmpty
            ConvertTo-MobyKitHashtable -InputObject 'text' | Should -Be 'text'
            $copy = ConvertTo-MobyKitHashtable -InputObject ([ordered]@{ Name = 'one'; List = @('a') })
            $copy | Should -BeOfType [hashtable]
            $copy['Name'] | Should -Be 'one'
            , $copy['List'] | Should -BeOfType [object[]]
        }
    }
}
