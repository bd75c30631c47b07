BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Wait-MobyKitVhdMerge' {
    BeforeEach {
        $script:Root = Join-Path -Path $TestDrive -ChildPath 'MobyLinuxVM.vhdx'
        Set-Content -LiteralPath $script:Root -Value 'disk'
        Mock -ModuleName MobyKit Start-Sleep { }
    }
    It 'returns once no differencing disk is left and the disk opens exclusively' {
        { InModuleScope MobyKit -Parameters @{ Root = $script:Root } { param($Root) Wait-MobyKitVhdMerge -Path $Root -Merging @((Join-Path -Path ([System.IO.Path]::GetDirectoryName($Root)) -ChildPath 'gone.avhdx')) -TimeoutSeconds 5 } } | Should -Not -Throw
    }
    It 'fails, saying what to do, while the disk is still held open' {
        $held = [System.IO.File]::Open($script:Root, [System.IO.FileMode]::Open, [System.IO.FileAccess]::Read, [System.IO.FileShare]::Read)
        try {
            { InModuleScope MobyKit -Parameters @{ Root = $script:Root } { param($Root) Wait-MobyKitVhdMerge -Path $Root -Merging @() -TimeoutSeconds 0 } } |
                Should -Throw -ExpectedMessage "*still merging*delete it once the merge ends*"
        }
        finally { $held.Dispose() }
    }
}
