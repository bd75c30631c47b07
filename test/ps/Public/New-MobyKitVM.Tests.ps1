BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
    function New-TestVM([int]$Generation = 2) { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Off'; Generation = $Generation; MemoryStartup = 2GB; ProcessorCount = 2 } }
}

Describe 'New-MobyKitVM' {
    BeforeEach {
        $script:Iso = Join-Path $TestDrive 'mobylinux.iso'
        Set-Content -LiteralPath $script:Iso -Value 'iso'
        $script:Call = @{
            Name = 'MobyLinuxVM'; Generation = 2; MemoryStartupBytes = 2GB; ProcessorCount = 2; VhdPath = (Join-Path $TestDrive 'MobyLinuxVM.vhdx')
            VhdSizeBytes = 60GB; IsoPath = $script:Iso; SwitchName = 'DockerNAT'; ComPipe = '\\.\pipe\docker_engine_com1'; Notes = 'Managed by mobykit'
        }
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        Mock -ModuleName MobyKit Hyper-V\New-VM { New-TestVM -Generation $Generation }
        Mock -ModuleName MobyKit Hyper-V\Set-VM { }
        Mock -ModuleName MobyKit Hyper-V\Set-VMProcessor { }
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { }
        Mock -ModuleName MobyKit Hyper-V\Add-VMDvdDrive { }
        Mock -ModuleName MobyKit Hyper-V\Set-VMDvdDrive { }
        Mock -ModuleName MobyKit Hyper-V\Set-VMComPort { }
        Mock -ModuleName MobyKit Hyper-V\Set-VMFirmware { }
        Mock -ModuleName MobyKit Hyper-V\Enable-VMIntegrationService { }
        Mock -ModuleName MobyKit Hyper-V\Remove-VM { }
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Key-Value Pair Exchange'; Id = "Microsoft:$script:Id\2A34B1C2-FD73-4043-8A5B-DD2159BC743F"; Enabled = $false } }
    }
    It 'creates a generation 2 VM with a new disk, marker, processors, ISO, COM1 and KVP, DVD first' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { if ($script:dvdAdded) { [pscustomobject]@{ Path = $script:Iso } } }
        Mock -ModuleName MobyKit Hyper-V\Add-VMDvdDrive { $script:dvdAdded = $true }
        $script:dvdAdded = $false
        New-MobyKitVM @script:Call
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VM -Times 1 -Exactly -ParameterFilter { $NewVHDPath -eq $script:Call.VhdPath -and $NewVHDSizeBytes -eq 60GB -and $Generation -eq 2 -and $SwitchName -eq 'DockerNAT' -and $MemoryStartupBytes -eq 2GB }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 1 -Exactly -ParameterFilter { $Notes -eq 'Managed by mobykit' }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMProcessor -Times 1 -Exactly -ParameterFilter { $Count -eq 2 }
        Should -Invoke -ModuleName MobyKit Hyper-V\Add-VMDvdDrive -Times 1 -Exactly -ParameterFilter { $Path -eq $script:Iso }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMComPort -Times 1 -Exactly -ParameterFilter { $Number -eq 1 -and $Path -eq '\\.\pipe\docker_engine_com1' }
        Should -Invoke -ModuleName MobyKit Hyper-V\Enable-VMIntegrationService -Times 1 -Exactly
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMFirmware -Times 1 -Exactly -ParameterFilter { $EnableSecureBoot -eq 'Off' -and $FirstBootDevice.Path -eq $script:Iso }
    }
    It 'puts the ISO in the DVD drive a generation 1 VM comes with, and attaches an existing disk with -AttachExistingVhd' {
        Set-Content -LiteralPath $script:Call.VhdPath -Value 'disk'
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { [pscustomobject]@{ Path = $null; ControllerType = 'IDE' } }
        $call = $script:Call.Clone(); $call.Generation = 1; $call.AttachExistingVhd = $true
        New-MobyKitVM @call
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VM -Times 1 -Exactly -ParameterFilter { $VHDPath -eq $script:Call.VhdPath -and $null -eq $NewVHDPath }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMDvdDrive -Times 1 -Exactly -ParameterFilter { $Path -eq $script:Iso }
        Should -Invoke -ModuleName MobyKit Hyper-V\Add-VMDvdDrive -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMFirmware -Times 0 -Exactly
    }
    It 'does nothing when the VM exists as wanted' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { New-TestVM }
        Mock -ModuleName MobyKit Hyper-V\Get-VMHardDiskDrive { [pscustomobject]@{ Path = $script:Call.VhdPath } }
        New-MobyKitVM @script:Call
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VM -Times 0 -Exactly
    }
    It 'refuses a VM of that name with other settings (MobyKit.VMConflict), naming them' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { $vm = New-TestVM; $vm.ProcessorCount = 4; $vm }
        Mock -ModuleName MobyKit Hyper-V\Get-VMHardDiskDrive { [pscustomobject]@{ Path = $script:Call.VhdPath } }
        { New-MobyKitVM @script:Call } | Should -Throw -ErrorId 'MobyKit.VMConflict,New-MobyKitVM' -ExpectedMessage '*ProcessorCount 4*'
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VM -Times 0 -Exactly
    }
    It 'refuses to overwrite a disk no VM uses, a missing disk to attach, and a missing ISO' {
        Set-Content -LiteralPath $script:Call.VhdPath -Value 'someone else''s disk'
        { New-MobyKitVM @script:Call } | Should -Throw -ErrorId 'MobyKit.VhdExists,New-MobyKitVM'
        Remove-Item -LiteralPath $script:Call.VhdPath
        $attach = $script:Call.Clone(); $attach.AttachExistingVhd = $true
        { New-MobyKitVM @attach } | Should -Throw -ErrorId 'MobyKit.VhdMissing,New-MobyKitVM'
        Remove-Item -LiteralPath $script:Iso
        { New-MobyKitVM @script:Call } | Should -Throw -ErrorId 'MobyKit.IsoMissing,New-MobyKitVM'
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VM -Times 0 -Exactly
    }
    It 'takes the half-made VM back out when a later step fails, and says so in the JSON error' {
        Mock -ModuleName MobyKit Hyper-V\Set-VMComPort { Invoke-WindowsRefusal Set-VMComPort 'Failed to modify device ''COM 1''.' InvalidOperation }
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitVM' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not connect COM1 to the named pipe for VM 'MobyLinuxVM'; the half-made VM was removed: Failed to modify device 'COM 1'.*"
        $reply.error.cmdlet | Should -Be 'Set-VMComPort'
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 1 -Exactly
    }
    It 'refuses odd memory (New-VM: "not properly aligned") before New-VM, as the JSON error' {
        Mock -ModuleName MobyKit Hyper-V\New-VM { Invoke-WindowsRefusal New-VM "Failed to modify device 'Memory'. Invalid memory value assigned for 'MobyLinuxVM'. The memory value assigned ('2049' MB) is not properly aligned." InvalidArgument }
        $call = $script:Call.Clone(); $call.MemoryStartupBytes = 2049MB
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitVM' -Parameters $call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "*2148532224 bytes is not a multiple of 2 MB, which Hyper-V requires*"
        Should -Invoke -ModuleName MobyKit Hyper-V\New-VM -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit Hyper-V\Remove-VM -Times 0 -Exactly
    }
}
