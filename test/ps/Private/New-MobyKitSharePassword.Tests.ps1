BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'New-MobyKitSharePassword' {
    It 'returns a read-only SecureString of 32 token-safe characters with upper case, lower case and a digit' {
        InModuleScope MobyKit {
            foreach ($i in 1..50) {
                $secure = New-MobyKitSharePassword
                $secure | Should -BeOfType [System.Security.SecureString]
                $secure.IsReadOnly() | Should -BeTrue
                $plain = [System.Net.NetworkCredential]::new('', $secure).Password
                $plain | Should -MatchExactly '^[A-Za-z0-9_-]{32}$'
                $plain | Should -MatchExactly '[A-Z]'
                $plain | Should -MatchExactly '[a-z]'
                $plain | Should -MatchExactly '[0-9]'
            }
        }
    }
    It 'draws a different password each time' {
        InModuleScope MobyKit {
            $seen = @(1..20 | ForEach-Object { [System.Net.NetworkCredential]::new('', (New-MobyKitSharePassword)).Password } | Sort-Object -Unique)
            $seen.Count | Should -Be 20
        }
    }
    It 'takes the length asked for, and refuses one outside 16..127' {
        InModuleScope MobyKit {
            (New-MobyKitSharePassword -Length 127).Length | Should -Be 127
            { New-MobyKitSharePassword -Length 8 } | Should -Throw '*Length*'
        }
    }
}
