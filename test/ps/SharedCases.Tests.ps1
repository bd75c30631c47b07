# The shared table of behaviour (test/shared-cases/ops.json) against the module: each case's
# starting state answers through the mocks of SnapshotMocks.ps1; the cmdlets that change the host
# change that state; then the sections are compared as mocha compares them on the simulated host
# (test/shared-cases/ops.test.ts).
BeforeDiscovery {
    $root = (Resolve-Path -LiteralPath (Join-Path -Path $PSScriptRoot -ChildPath '../..')).Path
    $table = Get-Content -LiteralPath (Join-Path $root 'test/shared-cases/ops.json') -Raw | ConvertFrom-Json -DateKind String
    $cases = foreach ($case in $table.cases) { @{ Case = $case; Base = $table.base; Op = $case.op; Name = $case.name } }
}

BeforeAll {
    . $PSScriptRoot/support/TestHelper.ps1
    $script:Functions = @{
        'nat.create' = 'New-MobyKitNat'; 'nat.remove' = 'Remove-MobyKitNat'; 'switch.create' = 'New-MobyKitSwitch'; 'switch.remove' = 'Remove-MobyKitSwitch'
        'share.remove' = 'Remove-MobyKitShare'; 'firewall.remove' = 'Remove-MobyKitFirewallRule'; 'credential.remove' = 'Remove-MobyKitCredential'
        'vm.stop' = 'Stop-MobyKitVM'; 'kvp.remove' = 'Remove-MobyKitKvpItem'; 'vm.rename' = 'Rename-MobyKitVM'
        'account.create' = 'New-MobyKitShareAccount'; 'account.remove' = 'Remove-MobyKitShareAccount'
    }
}

Describe 'Shared behaviour table (ops.json) on the module' {
    It '<Op>: <Name>' -ForEach $cases {
        $script:Functions.ContainsKey($Op) | Should -BeTrue -Because "every op in ops.json needs its module function here ($Op)"
        $state = Get-Content -LiteralPath (Join-Path $script:RepoRoot $Base) -Raw | ConvertFrom-Json -DateKind String
        foreach ($property in $Case.start.PSObject.Properties) {
            # A section the example does not have (localAccounts) is added.
            if ($null -eq $state.PSObject.Properties[$property.Name]) { $state | Add-Member -NotePropertyName $property.Name -NotePropertyValue @() }
            $state.($property.Name) = @($property.Value)
        }
        $null = Register-MobyKitSnapshotMock -Snapshot $state
        # The cmdlets that change the host change the mocked state (support/SnapshotChanges.ps1).
        Register-MobyKitSnapshotChange
        $reply = Invoke-MobyKitRequest -Function $script:Functions[$Op] -Parameters (ConvertTo-MobyKitCaseParameter $Case.params)
        if ($null -ne $Case.expect.PSObject.Properties['refused']) {
            $reply.ok | Should -BeFalse
            $reply.error.message | Should -BeLike ('*' + [WildcardPattern]::Escape($Case.expect.refused) + '*')
            return
        }
        $reply.ok | Should -BeTrue -Because $(if (-not $reply.ok) { $reply.error.message } else { '' })
        $after = $global:MobyKitTestSnapshot
        $after.credentials = @(foreach ($entry in [MobyKit.NativeCredential]::Store.GetEnumerator()) { [ordered]@{ TargetName = $entry.Key; UserName = $entry.Value[0]; Type = $entry.Value[3]; Comment = $entry.Value[2] } })
        $expected = $(if ($null -ne $Case.expect.PSObject.Properties['state']) { $Case.expect.state } else { $Case.start })
        foreach ($property in $expected.PSObject.Properties) {
            ConvertTo-CanonicalJson @($after.($property.Name)) | Should -Be (ConvertTo-CanonicalJson @($property.Value)) -Because "$($property.Name) after $Op"
        }
    }
}
