BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitVhdChain' {
    It 'follows ParentPath from a checkpoint''s .avhdx to the base .vhdx' {
        Mock -ModuleName MobyKit Hyper-V\Get-VHD {
            $parents = @{ 'C:\vm\b.avhdx' = 'C:\vm\a.avhdx'; 'C:\vm\a.avhdx' = 'C:\vm\MobyLinuxVM.vhdx'; 'C:\vm\MobyLinuxVM.vhdx' = '' }
            [pscustomobject]@{ Path = $Path[0]; ParentPath = $parents[[string]$Path[0]] }
        }
        $chain = InModuleScope MobyKit { Get-MobyKitVhdChain -Path 'C:\vm\b.avhdx' }
        $chain | Should -Be @('C:\vm\b.avhdx', 'C:\vm\a.avhdx', 'C:\vm\MobyLinuxVM.vhdx')
    }
    It 'stops on a loop in broken metadata' {
        Mock -ModuleName MobyKit Hyper-V\Get-VHD { [pscustomobject]@{ Path = $Path[0]; ParentPath = 'C:\vm\a.avhdx' } }
        (InModuleScope MobyKit { Get-MobyKitVhdChain -Path 'C:\vm\a.avhdx' }) | Should -Be @('C:\vm\a.avhdx')
    }
}
