BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertTo-MobyKitIsoTime' {
    It 'writes UTC ISO 8601 with a Z, whatever the culture' {
        InModuleScope MobyKit {
            $date = [datetime]::new(2024, 1, 2, 3, 4, 5, [System.DateTimeKind]::Utc)
            $before = [System.Threading.Thread]::CurrentThread.CurrentCulture
            try {
                [System.Threading.Thread]::CurrentThread.CurrentCulture = 'ar-SA'
                ConvertTo-MobyKitIsoTime -Date $date | Should -Be '2024-01-02T03:04:05Z'
            }
            finally { [System.Threading.Thread]::CurrentThread.CurrentCulture = $before }
        }
    }
    It 'converts a local time to UTC' {
        InModuleScope MobyKit {
            $local = [datetime]::new(2024, 6, 1, 12, 0, 0, [System.DateTimeKind]::Local)
            ConvertTo-MobyKitIsoTime -Date $local | Should -Be ($local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", [cultureinfo]::InvariantCulture))
        }
    }
}
