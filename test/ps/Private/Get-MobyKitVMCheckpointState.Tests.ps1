BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitVMCheckpointState' {
    It 'reads checkpoint settings, checkpoints and the firmware of a generation 2 VM' {
        InModuleScope MobyKit {
            Mock Hyper-V\Get-VMSnapshot { [pscustomobject]@{ Name = 'MobyLinuxVM - (11/20/2026 - 08:00:00)'; CreationTime = [datetime]::new(2026, 11, 20, 8, 0, 0, [System.DateTimeKind]::Utc) } }
            Mock Hyper-V\Get-VMFirmware {
                [pscustomobject]@{ SecureBoot = 'On'; SecureBootTemplate = 'MicrosoftWindows'; BootOrder = @([pscustomobject]@{ Device = [System.IO.DriveInfo]::GetDrives()[0] }) }
            }
            $errors = New-Object -TypeName System.Collections.Generic.List[object]
            $vm = [pscustomobject]@{ Name = 'MobyLinuxVM'; Generation = 2; CheckpointType = 'Standard'; AutomaticCheckpointsEnabled = $true }
            $state = Get-MobyKitVMCheckpointState -VM $vm -SnapshotErrors $errors
            $errors.Count | Should -Be 0
            $state.CheckpointType | Should -Be 'Standard'
            $state.AutomaticCheckpointsEnabled | Should -BeTrue
            @($state.Snapshots).Count | Should -Be 1
            $state.Snapshots[0].CreationTime | Should -Be '2026-11-20T08:00:00Z'
            $state.Firmware.SecureBoot | Should -Be 'On'
            $state.Firmware.SecureBootTemplate | Should -Be 'MicrosoftWindows'
        }
    }
    It 'leaves out what it could not read, and records why; no AutomaticCheckpointsEnabled where Get-VM lacks it' {
        InModuleScope MobyKit {
            Mock Hyper-V\Get-VMSnapshot { Invoke-WindowsRefusal Get-VMSnapshot 'You do not have the required permission to complete this task.' PermissionDenied }
            $errors = New-Object -TypeName System.Collections.Generic.List[object]
            $vm = [pscustomobject]@{ Name = 'Old'; Generation = 1; CheckpointType = 'Disabled' }
            $state = Get-MobyKitVMCheckpointState -VM $vm -SnapshotErrors $errors
            @($state.Keys) | Should -Be @('CheckpointType')
            $errors[0].Source | Should -Be 'Get-VMSnapshot'
        }
    }
}
