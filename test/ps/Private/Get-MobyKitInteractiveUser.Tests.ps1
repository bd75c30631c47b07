BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitInteractiveUser' {
    It 'is the owner of explorer.exe in this process''s session' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ Name = 'explorer.exe'; ProcessId = 4242 } }
        Mock -ModuleName MobyKit CimCmdlets\Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 0; Domain = 'HOST'; User = 'alice' } }
        InModuleScope MobyKit { Get-MobyKitInteractiveUser } | Should -Be 'HOST\alice'
        $session = [System.Diagnostics.Process]::GetCurrentProcess().SessionId
        Should -Invoke -ModuleName MobyKit CimCmdlets\Get-CimInstance -Times 1 -Exactly -ParameterFilter { $ClassName -eq 'Win32_Process' -and $Filter -eq ("Name = 'explorer.exe' AND SessionId = {0}" -f $session) }
    }
    It 'is $null without a desktop shell, or when its owner cannot be read' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { }
        InModuleScope MobyKit { Get-MobyKitInteractiveUser } | Should -BeNullOrEmpty
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ Name = 'explorer.exe' } }
        Mock -ModuleName MobyKit CimCmdlets\Invoke-CimMethod { [pscustomobject]@{ ReturnValue = 2; Domain = $null; User = $null } }
        InModuleScope MobyKit { Get-MobyKitInteractiveUser } | Should -BeNullOrEmpty
    }
}
