BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
}

Describe 'Import-MobyKitLocalAccountModule' {
    It 'on PowerShell 7 loads the module through the Windows PowerShell compatibility feature' {
        Mock -ModuleName MobyKit Get-Module { }
        Mock -ModuleName MobyKit Import-Module { }
        InModuleScope MobyKit { Import-MobyKitLocalAccountModule }
        Should -Invoke -ModuleName MobyKit Import-Module -Times 1 -Exactly -ParameterFilter { $Name -eq 'Microsoft.PowerShell.LocalAccounts' -and $UseWindowsPowerShell }
    }
    It 'uses a module that is already loaded' {
        Mock -ModuleName MobyKit Get-Module { [pscustomobject]@{ Name = 'Microsoft.PowerShell.LocalAccounts' } }
        Mock -ModuleName MobyKit Import-Module { }
        InModuleScope MobyKit { Import-MobyKitLocalAccountModule }
        Should -Invoke -ModuleName MobyKit Import-Module -Times 0 -Exactly
    }
}
