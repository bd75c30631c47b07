BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Reset-MobyKitServerBinding' {
    It 'turns ms_server off and on for exactly this adapter, through the binding object' {
        $script:Order = New-Object -TypeName System.Collections.Generic.List[string]
        Mock -ModuleName MobyKit NetAdapter\Get-NetAdapterBinding {
            [pscustomobject]@{ InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter [2]'; ComponentID = 'ms_server' }
            [pscustomobject]@{ InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter 2'; ComponentID = 'ms_server' }
        }
        Mock -ModuleName MobyKit NetAdapter\Disable-NetAdapterBinding { $script:Order.Add('off ' + $InputObject.InterfaceDescription) }
        Mock -ModuleName MobyKit NetAdapter\Enable-NetAdapterBinding { $script:Order.Add('on ' + $InputObject.InterfaceDescription) }
        InModuleScope MobyKit { Reset-MobyKitServerBinding -Adapter ([pscustomobject]@{ Name = 'vEthernet (x)'; InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter [2]' }) }
        @($script:Order) | Should -Be @('off Hyper-V Virtual Ethernet Adapter [2]', 'on Hyper-V Virtual Ethernet Adapter [2]')
        Should -Invoke -ModuleName MobyKit NetAdapter\Get-NetAdapterBinding -Times 1 -Exactly -ParameterFilter { $InterfaceDescription[0] -eq 'Hyper-V Virtual Ethernet Adapter `[2`]' -and $ComponentID[0] -eq 'ms_server' }
    }
}
