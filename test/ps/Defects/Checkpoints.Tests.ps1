# Issue 11: checkpoints off (the disk stays mobykit's .vhdx); uninstall deletes the root of an
# .avhdx chain, never the .avhdx, and only once Remove-VM's merge has let go of it.
BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
}

Describe 'Checkpoints (issue 11)' {
    It 'New-MobyKitVM turns checkpoints off: CheckpointType Disabled, automatic checkpoints off' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        Mock -ModuleName MobyKit Test-Path { $LiteralPath -like '*.iso' }
        Mock -ModuleName MobyKit Hyper-V\New-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; Generation = 2 } }
        foreach ($command in 'Set-VM', 'Set-VMProcessor', 'Add-VMDvdDrive', 'Set-VMDvdDrive', 'Set-VMComPort', 'Set-VMFirmware', 'Enable-VMIntegrationService') { Mock -ModuleName MobyKit "Hyper-V\$command" { } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { [pscustomobject]@{ Path = 'C:\iso\mobylinux.iso' } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Key-Value Pair Exchange'; Id = "Microsoft:$script:Id\2A34B1C2-FD73-4043-8A5B-DD2159BC743F"; Enabled = $true } }
        New-MobyKitVM -Name 'MobyLinuxVM' -Generation 2 -MemoryStartupBytes 2GB -ProcessorCount 2 -VhdPath 'C:\vm\MobyLinuxVM.vhdx' -VhdSizeBytes 60GB `
            -IsoPath 'C:\iso\mobylinux.iso' -SwitchName 'DockerNAT' -ComPipe '\\.\pipe\x' -Notes 'Managed by mobykit'
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 1 -Exactly -ParameterFilter { [string]$CheckpointType -eq 'Disabled' -and $AutomaticCheckpointsEnabled -eq $false }
    }

    It 'Set-MobyKitVM turns checkpoints off on a VM that has them on' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Off'; Generation = 2; MemoryStartup = 2GB; ProcessorCount = 2; CheckpointType = 'Standard' } }
        Mock -ModuleName MobyKit Hyper-V\Set-VM { }
        Set-MobyKitVM -Name 'MobyLinuxVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 1 -Exactly -ParameterFilter { [string]$CheckpointType -eq 'Disabled' }
    }

    Context 'uninstall of a VM that has a checkpoint' {
        BeforeEach {
            $script:Root = Join-Path -Path $TestDrive -ChildPath 'MobyLinuxVM.vhdx'
            $script:Child = Join-Path -Path $TestDrive -ChildPath 'MobyLinuxVM_8A1B.avhdx'
            Set-Content -LiteralPath $script:Root -Value 'base disk'
            Set-Content -LiteralPath $script:Child -Value 'differencing disk'
            Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Off' } }
            Mock -ModuleName MobyKit Hyper-V\Get-VMHardDiskDrive { [pscustomobject]@{ Path = $script:Child } }
            Mock -ModuleName MobyKit Hyper-V\Get-VHD {
                if ($Path -contains $script:Child) { [pscustomobject]@{ Path = $script:Child; ParentPath = $script:Root } } else { [pscustomobject]@{ Path = $script:Root; ParentPath = '' } }
            }
            # Remove-VM merges the .avhdx into its parent after the VM is gone.
            Mock -ModuleName MobyKit Hyper-V\Remove-VM { Remove-Item -LiteralPath $script:Child }
            Mock -ModuleName MobyKit Start-Sleep { }
        }

        It 'given the .avhdx the VM runs on, deletes the root .vhdx after the merge, never the .avhdx itself' {
            Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Child -Confirm:$false
            Test-Path -LiteralPath $script:Root | Should -BeFalse
            Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 1 -Exactly
        }

        It 'waits while the merge is still running, then fails saying so, with the disk kept' {
            Mock -ModuleName MobyKit Hyper-V\Remove-VM { }
            { Remove-MobyKitVM -Name 'MobyLinuxVM' -VhdPath $script:Root -MergeTimeoutSeconds 0 -Confirm:$false } |
                Should -Throw -ExpectedMessage "*Hyper-V is still merging the VM's checkpoints into '$script:Root'*the disk kept*"
            Test-Path -LiteralPath $script:Root | Should -BeTrue
        }
    }
}

Describe 'Stop and boot order (issue 11)' {
    BeforeEach {
        $script:State = 'Running'
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = $script:State; Generation = 2 } }
        $script:Sleeps = 0
        Mock -ModuleName MobyKit Start-Sleep { $script:Sleeps++ }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { } -ParameterFilter { $TurnOff }
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { Start-ThreadJob -ScriptBlock { } } -ParameterFilter { $AsJob }
    }

    It 'turns a guest without a working Shutdown service off at once, without asking it and without waiting' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Shutdown'; Id = "Microsoft:$script:Id\9F8233AC-BE49-4C79-8EE3-E7E1985B2077"; Enabled = $true; PrimaryOperationalStatus = 'NoContact' } }
        Stop-MobyKitVM -Name 'MobyLinuxVM' -TimeoutSeconds 60
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 0 -Exactly -ParameterFilter { $AsJob }
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 1 -Exactly -ParameterFilter { $TurnOff }
        Should -Invoke -ModuleName MobyKit Start-Sleep -Times 0 -Exactly
    }

    It 'turns it off as soon as the shutdown job fails, not after the whole timeout' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Shutdown'; Id = "Microsoft:$script:Id\9F8233AC-BE49-4C79-8EE3-E7E1985B2077"; Enabled = $true; PrimaryOperationalStatus = 'Ok' } }
        # The job has failed before the first poll, however fast the polls go (Start-Sleep is mocked).
        Mock -ModuleName MobyKit Hyper-V\Stop-VM { $job = Start-ThreadJob -ScriptBlock { throw 'The guest refused to shut down' }; $null = Wait-Job -Job $job; $job } -ParameterFilter { $AsJob }
        Stop-MobyKitVM -Name 'MobyLinuxVM' -TimeoutSeconds 60
        Should -Invoke -ModuleName MobyKit Hyper-V\Stop-VM -Times 1 -Exactly -ParameterFilter { $TurnOff }
        $script:Sleeps | Should -BeLessThan 60 -Because 'the failed job ends the wait; the 60 s timeout would take 60 polls'
    }

    It 'makes a DVD drive added to a generation 2 VM its first boot device' {
        $script:State = 'Off'
        $drive = [pscustomobject]@{ VMName = 'MobyLinuxVM'; ControllerType = 'SCSI'; Path = 'C:\iso\mobylinux.iso' }
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { }
        Mock -ModuleName MobyKit Hyper-V\Add-VMDvdDrive { $drive }.GetNewClosure()
        Mock -ModuleName MobyKit Hyper-V\Set-VMFirmware { }
        Mock -ModuleName MobyKit Hyper-V\Set-VM { }
        Set-MobyKitVM -Name 'MobyLinuxVM' -IsoPath 'C:\iso\mobylinux.iso'
        Should -Invoke -ModuleName MobyKit Hyper-V\Add-VMDvdDrive -Times 1 -Exactly -ParameterFilter { $Passthru }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMFirmware -Times 1 -Exactly -ParameterFilter { $FirstBootDevice.Path -eq 'C:\iso\mobylinux.iso' }
    }
}

Describe 'The disk''s folder (issue 11)' {
    It 'New-MobyKitVM creates a missing folder for the new VHDX before New-VM' {
        $script:Folder = Join-Path -Path $TestDrive -ChildPath "Virtual hard disks [moby]"
        $script:FolderAtNewVm = $null
        $vhd = Join-Path -Path $script:Folder -ChildPath 'MobyLinuxVM.vhdx'
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        Mock -ModuleName MobyKit Hyper-V\New-VM { $script:FolderAtNewVm = [System.IO.Directory]::Exists($script:Folder); [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); Generation = 1 } }
        Mock -ModuleName MobyKit Test-Path { $true } -ParameterFilter { $LiteralPath -like '*.iso' }
        foreach ($command in 'Set-VM', 'Set-VMProcessor', 'Set-VMDvdDrive', 'Set-VMComPort', 'Enable-VMIntegrationService') { Mock -ModuleName MobyKit "Hyper-V\$command" { } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { [pscustomobject]@{ Path = $null } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'KVP'; Id = 'Microsoft:x\2A34B1C2-FD73-4043-8A5B-DD2159BC743F'; Enabled = $true } }
        New-MobyKitVM -Name 'MobyLinuxVM' -Generation 1 -MemoryStartupBytes 2GB -ProcessorCount 2 -VhdPath $vhd -VhdSizeBytes 60GB `
            -IsoPath 'C:\iso\mobylinux.iso' -SwitchName 'DockerNAT' -ComPipe '\\.\pipe\x' -Notes 'Managed by mobykit'
        $script:FolderAtNewVm | Should -BeTrue
    }
}
