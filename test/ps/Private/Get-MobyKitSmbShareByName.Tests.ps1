BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitSmbShareByName' {
    It 'returns the share of that name' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        (InModuleScope MobyKit { Get-MobyKitSmbShareByName -Name 'C' }).Path | Should -Be 'C:\'
        Should -Invoke -ModuleName MobyKit SmbShare\Get-SmbShare -Times 1 -Exactly -ParameterFilter { $Name -eq 'C' }
    }
    It 'returns $null when Windows reports no such share' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError "No MSFT_SmbShare objects found with property 'Name' equal to 'C'.  Verify the value of the property and retry." ObjectNotFound }
        InModuleScope MobyKit { Get-MobyKitSmbShareByName -Name 'C' } | Should -BeNullOrEmpty
    }
    It 'throws any other error' {
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { Write-WindowsError 'The Server service is not started.' NotSpecified }
        { InModuleScope MobyKit { Get-MobyKitSmbShareByName -Name 'C' } } | Should -Throw -ExpectedMessage 'The Server service is not started.'
    }
}
