BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function New-Shutdown([bool]$Enabled, [string]$Status) {
        [pscustomobject]@{ Name = 'Herunterfahren'; Id = 'Microsoft:0F5F1C6A\9F8233AC-BE49-4C79-8EE3-E7E1985B2077'; Enabled = $Enabled; PrimaryOperationalStatus = $Status }
    }
}

Describe 'Test-MobyKitGuestShutdown' {
    It 'is true only for an enabled Shutdown service (matched by Id, any name) that is OK' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { New-Shutdown $true 'Ok' }
        InModuleScope MobyKit { Test-MobyKitGuestShutdown -VM ([pscustomobject]@{ Name = 'x' }) } | Should -BeTrue
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { New-Shutdown $true 'NoContact' }
        InModuleScope MobyKit { Test-MobyKitGuestShutdown -VM ([pscustomobject]@{ Name = 'x' }) } | Should -BeFalse
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { New-Shutdown $false 'Ok' }
        InModuleScope MobyKit { Test-MobyKitGuestShutdown -VM ([pscustomobject]@{ Name = 'x' }) } | Should -BeFalse
    }
    It 'is false when the service is missing or cannot be read' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { }
        InModuleScope MobyKit { Test-MobyKitGuestShutdown -VM ([pscustomobject]@{ Name = 'x' }) } | Should -BeFalse
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { Invoke-WindowsRefusal Get-VMIntegrationService 'Access denied' PermissionDenied }
        InModuleScope MobyKit { Test-MobyKitGuestShutdown -VM ([pscustomobject]@{ Name = 'x' }) } | Should -BeFalse
    }
}
