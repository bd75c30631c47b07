# The gather over stubs that answer what a snapshot describes: the JSON Invoke-MobyKitCall writes
# must equal that snapshot. (test/transport/pwsh-gather.test.ts then validates the same output
# against the spec with src/snapshot/validate.ts; it sets MOBYKIT_SNAPSHOT_OUT to collect it.)
BeforeDiscovery {
    # broken.json is left out: it is written without the switch's and VM's Notes, which every real
    # VMSwitch/VirtualMachine object has (and the gather always reports).
    $examples = @('converged.json', 'fresh-win10-pro.json') | ForEach-Object { @{ Example = $_ } }
}

BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    function Get-Comparable($document) {
        # Not gathered by the module (mobykit's own journal), or out of a mock's reach (see SnapshotMocks.ps1).
        $copy = ConvertFrom-Json -InputObject (ConvertTo-Json -InputObject $document -Depth 40) -DateKind String
        $copy.PSObject.Properties.Remove('mobykit')
        $copy.platform.PSObject.Properties.Remove('identity')
        $copy.platform.PSObject.Properties.Remove('powershell')
        # The gather always writes vhdx.Attributes; the examples leave an empty list out.
        if ($null -ne $copy.files.vhdx.PSObject.Properties['Attributes'] -and @($copy.files.vhdx.Attributes).Count -eq 0) { $copy.files.vhdx.PSObject.Properties.Remove('Attributes') }
        $copy.errors = @($copy.errors | Where-Object -FilterScript { $_.Source -ne 'WindowsIdentity' })
        return $copy
    }
}

Describe 'Get-MobyKitHostSnapshot' {
    It 'gathers examples/<Example> back from stubs answering what it describes' -ForEach $examples {
        $path = Join-Path $script:RepoRoot "examples/$Example"
        $expected = Get-Content -LiteralPath $path -Raw | ConvertFrom-Json -DateKind String
        $parameters = Register-MobyKitSnapshotMock -Snapshot $expected
        $lines = @(MobyKit\Invoke-MobyKitCall -Request ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -Compress -Depth 5 @{ function = 'Get-MobyKitHostSnapshot'; parameters = $parameters })))))
        $lines.Count | Should -Be 1
        $reply = ConvertFrom-Json -InputObject $lines[0] -DateKind String
        $reply.ok | Should -BeTrue
        if (-not [string]::IsNullOrEmpty($env:MOBYKIT_SNAPSHOT_OUT)) {
            $null = New-Item -ItemType Directory -Force -Path $env:MOBYKIT_SNAPSHOT_OUT
            Set-Content -LiteralPath (Join-Path $env:MOBYKIT_SNAPSHOT_OUT $Example) -Value (ConvertTo-Json -InputObject $reply.result -Depth 40) -Encoding utf8NoBOM
        }
        # Windows-only: the identity query fails here and says so; everything else must match.
        @($reply.result.errors | ForEach-Object Source) | Should -Be @(@($expected.errors | ForEach-Object Source) + 'WindowsIdentity')
        ConvertTo-CanonicalJson (Get-Comparable $reply.result) | Should -Be (ConvertTo-CanonicalJson (Get-Comparable $expected))
    }
    It 'records a failing query in errors and still produces the rest' {
        $expected = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'examples/converged.json') -Raw | ConvertFrom-Json -DateKind String
        $parameters = Register-MobyKitSnapshotMock -Snapshot $expected
        Mock -ModuleName MobyKit NetNat\Get-NetNat { Invoke-WindowsRefusal Get-NetNat 'Access denied' PermissionDenied }
        $snapshot = MobyKit\Get-MobyKitHostSnapshot @parameters
        $snapshot.netNats.Count | Should -Be 0
        @($snapshot.errors | Where-Object { $_.Source -eq 'Get-NetNat' })[0].Message | Should -Be 'Access denied'
        $snapshot.vmSwitches.Count | Should -Be 1
    }
}
