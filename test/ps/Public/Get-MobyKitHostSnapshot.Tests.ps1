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
    It 'also reports another VM whose disk is at the VHDX path (install must not build on it), and no other VM' {
        $expected = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'examples/fresh-win10-pro.json') -Raw | ConvertFrom-Json -DateKind String
        $vm = { param($Name, $Id, $Disk) [pscustomobject]@{ Name = $Name; Id = $Id; State = 'Off'; Generation = 2; MemoryStartup = 1073741824; ProcessorCount = 1; Notes = ''
                DvdDrives = @(); HardDrives = @([pscustomobject]@{ Path = $Disk }); ComPorts = @(); IntegrationServices = @(); NetworkAdapters = @(); KvpHostExchangeItems = @() } }
        $onOurDisk = & $vm 'build' '11111111-0000-0000-0000-000000000001' $expected.files.vhdx.Path.ToUpperInvariant()
        $elsewhere = & $vm 'other' '22222222-0000-0000-0000-000000000002' 'D:\VMs\other.vhdx'
        $expected.vms = @($onOurDisk, $elsewhere)
        $parameters = Register-MobyKitSnapshotMock -Snapshot $expected
        $parameters.VMName = 'MobyLinuxVM'
        $snapshot = MobyKit\Get-MobyKitHostSnapshot @parameters
        $snapshot.files.vhdx.Path | Should -Be $expected.files.vhdx.Path
        @($snapshot.vms | ForEach-Object { $_.Name }) -join ',' | Should -Be 'build'
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
    It 'reports the local accounts of the share account''s name only when asked, and a failed lookup as an error with no section' {
        $expected = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'examples/converged.json') -Raw | ConvertFrom-Json -DateKind String
        $parameters = Register-MobyKitSnapshotMock -Snapshot $expected
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser {
            if ($Name[0] -ne 'mobykit-share') { Write-WindowsError ('User {0} was not found.' -f $Name[0]) ObjectNotFound; return }
            [pscustomobject]@{ Name = 'mobykit-share'; SID = 'S-1-5-21-1-2-3-1009'; Enabled = $true; Description = 'Managed by mobykit'; FullName = '' }
        }
        (MobyKit\Get-MobyKitHostSnapshot @parameters).Contains('localAccounts') | Should -BeFalse
        Should -Invoke -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser -Times 0 -Exactly
        $snapshot = MobyKit\Get-MobyKitHostSnapshot @parameters -ShareAccountName 'mobykit-share'
        ConvertTo-CanonicalJson @($snapshot.localAccounts) | Should -Be (ConvertTo-CanonicalJson @([ordered]@{ Name = 'mobykit-share'; SID = 'S-1-5-21-1-2-3-1009'; Enabled = $true; Description = 'Managed by mobykit' }))
        (MobyKit\Get-MobyKitHostSnapshot @parameters -ShareAccountName 'nobody').localAccounts.Count | Should -Be 0
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser { Write-WindowsError 'Access denied.' PermissionDenied }
        $denied = MobyKit\Get-MobyKitHostSnapshot @parameters -ShareAccountName 'mobykit-share'
        $denied.Contains('localAccounts') | Should -BeFalse
        @($denied.errors | Where-Object { $_.Source -eq 'Get-LocalUser' }).Count | Should -Be 1
    }
}
