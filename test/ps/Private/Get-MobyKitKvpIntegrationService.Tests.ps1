BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:VM = [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = '0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2' }
}

Describe 'Get-MobyKitKvpIntegrationService' {
    It 'finds Key-Value Pair Exchange by its Id (Hyper-V writes Microsoft:VMID\GUID), whatever its localized name' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService {
            [pscustomobject]@{ Name = 'Herunterfahren'; Id = 'Microsoft:0F5F1C6A-4F0E-4C57-9A53-3BD1F3C9A1B2\9F8233AC-BE49-4C79-8EE3-E7E1985B2077'; Enabled = $true }
            [pscustomobject]@{ Name = 'Austausch von Schlüsselwertepaaren'; Id = 'Microsoft:0F5F1C6A-4F0E-4C57-9A53-3BD1F3C9A1B2\2A34B1C2-FD73-4043-8A5B-DD2159BC743F'; Enabled = $false }
        }
        $service = InModuleScope MobyKit -Parameters @{ V = $script:VM } { param($V) Get-MobyKitKvpIntegrationService -VM $V }
        $service.Name | Should -Be 'Austausch von Schlüsselwertepaaren'
        Should -Invoke -ModuleName MobyKit Hyper-V\Get-VMIntegrationService -Times 1 -Exactly -ParameterFilter { $VM[0].Name -eq 'MobyLinuxVM' }
    }
    It 'returns $null when the VM has no such service' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Key-Value Pair Exchange'; Id = 'Microsoft:X\00000000-0000-0000-0000-000000000000' } }
        InModuleScope MobyKit -Parameters @{ V = $script:VM } { param($V) Get-MobyKitKvpIntegrationService -VM $V } | Should -BeNullOrEmpty
    }
    It 'lets a refusal through' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { Invoke-WindowsRefusal Get-VMIntegrationService "Hyper-V was unable to find a virtual machine with name 'MobyLinuxVM'." InvalidArgument }
        { InModuleScope MobyKit -Parameters @{ V = $script:VM } { param($V) Get-MobyKitKvpIntegrationService -VM $V } } | Should -Throw -ExpectedMessage 'Hyper-V was unable to find*'
    }
}
