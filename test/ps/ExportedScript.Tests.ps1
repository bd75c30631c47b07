# The exported script (mobykit plan --export, templates/install.ps1.tmpl) run under pwsh, unattended
# (-NonInteractive, the default $ConfirmPreference), over the stubs: an uninstall plan made from
# examples/converged.json, with the platform answering that host.
BeforeAll {
    . $PSScriptRoot/support/TestHelper.ps1
    $cli = Join-Path $script:RepoRoot 'dist/src/cli/main.js'
    if (-not (Test-Path -LiteralPath $cli)) { throw "$cli is missing: build first (npm run build)" }
    $script:Exported = Join-Path $TestDrive 'uninstall.ps1'
    $output = & node $cli plan --uninstall --simulate (Join-Path $script:RepoRoot 'examples/converged.json') --export $script:Exported 2>&1
    if ($LASTEXITCODE -ne 0) { throw ("mobykit plan --export failed: {0}" -f ($output -join "`n")) }
}

Describe 'The exported script' {
    It 'runs an uninstall plan to the end without a prompt, calling each removal once; removals add nothing to the journal (the next mobykit run settles them by looking)' {
        $converged = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'examples/converged.json') -Raw | ConvertFrom-Json -DateKind String
        $null = Register-MobyKitSnapshotMock -Snapshot $converged
        # Every changing platform command succeeds (what it changes is not re-read here).
        foreach ($module in @(Get-Module | Where-Object { $_.Path -like "$($env:MOBYKIT_STUB_DIR)*" -or $_.Name -in @('Hyper-V', 'NetNat', 'NetSecurity', 'SmbShare', 'NetTCPIP', 'NetAdapter', 'NetConnection') })) {
            foreach ($name in @($module.ExportedFunctions.Keys | Where-Object { $_ -match '^(Remove|Stop|Set|Disable|Enable|Revoke)-' })) {
                Mock -ModuleName MobyKit ('{0}\{1}' -f $module.Name, $name) { }
            }
        }
        Mock -ModuleName MobyKit Remove-Item { }
        # The guest shuts down when asked: Stop-VM -AsJob gives a job, the VM then reads Off.
        Mock -ModuleName MobyKit Start-Sleep { }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { Start-ThreadJob -ScriptBlock { } } -ParameterFilter { $AsJob }
        Mock -ModuleName MobyKit Hyper-V\Get-VM { $vm = @($global:MobyKitTestSnapshot.vms)[0]; [pscustomobject]@{ Name = $vm.Name; Id = [guid]$vm.Id; State = 'Off'; Generation = $vm.Generation; MemoryStartup = $vm.MemoryStartup; ProcessorCount = $vm.ProcessorCount; Notes = $vm.Notes } } -ParameterFilter { $null -ne $Id }
        # The script imports the module it is given; the one under test (with its mocks) is already loaded.
        Mock Import-Module { } -ParameterFilter { "$Name" -like '*MobyKit.psd1' }
        $before = $env:ProgramData
        $env:ProgramData = $TestDrive
        try {
            $ConfirmPreference = 'High'
            $null = & $script:Exported -ModulePath $script:ModuleManifest 6>&1
        }
        finally { $env:ProgramData = $before }
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 1 -Exactly
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VMSwitch -Times 1 -Exactly
        Should -Invoke -ModuleName MobyKit NetNat\Remove-NetNat -Times 1 -Exactly
        Should -Invoke -ModuleName MobyKit SmbShare\Remove-SmbShare -Times 1 -Exactly
        Should -Invoke -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule -Times 3 -Exactly
        (Join-Path $TestDrive 'mobykit/journal.json') | Should -Not -Exist
    }
}
