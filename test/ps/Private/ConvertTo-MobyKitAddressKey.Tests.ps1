BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'ConvertTo-MobyKitAddressKey' {
    It 'reads <Address> as <Key>' -ForEach @(
        @{ Address = '10.0.75.0/255.255.255.0'; Key = '10.0.75.0/24' }
        @{ Address = '10.0.75.0/24'; Key = '10.0.75.0/24' }
        @{ Address = '10.0.75.9/24'; Key = '10.0.75.0/24' }
        @{ Address = '10.0.75.1/255.255.255.255'; Key = '10.0.75.1' }
        @{ Address = 'Any'; Key = 'any' }
        @{ Address = '*'; Key = 'any' }
        @{ Address = 'LocalSubnet'; Key = 'localsubnet' }
        @{ Address = '10.0.75.0/255.0.255.0'; Key = '10.0.75.0/255.0.255.0' }
        @{ Address = '10.0.75.1-10.0.75.9'; Key = '10.0.75.1-10.0.75.9' }
    ) {
        InModuleScope MobyKit -Parameters @{ Address = $Address; Key = $Key } {
            ConvertTo-MobyKitAddressKey -Address $Address | Should -BeExactly $Key
        }
    }
}
