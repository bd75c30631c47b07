BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
}

Describe 'Set-MobyKitVM' {
    BeforeEach {
        $script:State = 'Off'
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = $script:State; Generation = 2; MemoryStartup = 2GB; ProcessorCount = 2 } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { [pscustomobject]@{ Path = 'C:\iso\mobylinux.iso' } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMComPort { [pscustomobject]@{ Name = 'COM 1'; Path = '\\.\pipe\docker_engine_com1' }; [pscustomobject]@{ Name = 'COM 2'; Path = '' } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { [pscustomobject]@{ Name = 'Network Adapter'; SwitchName = 'DockerNAT' } }
        Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService { [pscustomobject]@{ Name = 'Key-Value Pair Exchange'; Id = "Microsoft:$script:Id\2A34B1C2-FD73-4043-8A5B-DD2159BC743F"; Enabled = $true } }
        foreach ($command in 'Set-VM', 'Set-VMProcessor', 'Add-VMDvdDrive', 'Set-VMDvdDrive', 'Set-VMComPort', 'Add-VMNetworkAdapter', 'Connect-VMNetworkAdapter', 'Enable-VMIntegrationService', 'Disable-VMIntegrationService') {
            Mock -ModuleName MobyKit "Hyper-V\$command" { }
        }
        $script:Matching = @{ Name = 'MobyLinuxVM'; MemoryStartupBytes = 2GB; ProcessorCount = 2; IsoPath = 'C:\iso\mobylinux.iso'; ComPipe = '\\.\pipe\docker_engine_com1'; SwitchName = 'DockerNAT'; EnableKvp = $true }
    }
    It 'changes nothing when every setting matches' {
        Set-MobyKitVM @script:Matching
        foreach ($command in 'Set-VM', 'Set-VMProcessor', 'Add-VMDvdDrive', 'Set-VMDvdDrive', 'Set-VMComPort', 'Add-VMNetworkAdapter', 'Connect-VMNetworkAdapter', 'Enable-VMIntegrationService', 'Disable-VMIntegrationService') {
            Should -Invoke -ModuleName MobyKit "Hyper-V\$command" -Times 0 -Exactly
        }
    }
    It 'changes only what differs' {
        Set-MobyKitVM -Name 'MobyLinuxVM' -MemoryStartupBytes 4GB -ProcessorCount 2 -IsoPath 'D:\new.iso' -ComPipe '\\.\pipe\other' -SwitchName 'Other' -EnableKvp $false
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 1 -Exactly -ParameterFilter { $MemoryStartupBytes -eq 4GB }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMProcessor -Times 0 -Exactly
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMDvdDrive -Times 1 -Exactly -ParameterFilter { $Path -eq 'D:\new.iso' }
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VMComPort -Times 1 -Exactly -ParameterFilter { $Number -eq 1 -and $Path -eq '\\.\pipe\other' }
        Should -Invoke -ModuleName MobyKit Hyper-V\Connect-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $SwitchName -eq 'Other' }
        Should -Invoke -ModuleName MobyKit Hyper-V\Disable-VMIntegrationService -Times 1 -Exactly
    }
    It 'adds a DVD drive and a network adapter when the VM has none' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMDvdDrive { }
        Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter { }
        Mock -ModuleName MobyKit Hyper-V\Set-VMFirmware { }
        Set-MobyKitVM -Name 'MobyLinuxVM' -IsoPath 'C:\iso\mobylinux.iso' -SwitchName 'DockerNAT'
        Should -Invoke -ModuleName MobyKit Hyper-V\Add-VMDvdDrive -Times 1 -Exactly -ParameterFilter { $Path -eq 'C:\iso\mobylinux.iso' }
        Should -Invoke -ModuleName MobyKit Hyper-V\Add-VMNetworkAdapter -Times 1 -Exactly -ParameterFilter { $SwitchName -eq 'DockerNAT' }
    }
    It 'refuses a memory change while the VM runs, changing nothing' {
        $script:State = 'Running'
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM'; MemoryStartupBytes = 4GB }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "*changing startup memory needs the VM off; it is Running*"
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 0 -Exactly
    }
    It 'refuses a VM that does not exist' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM'; EnableKvp = $true }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "*VM 'MobyLinuxVM' does not exist"
        $reply.error.category | Should -Be 'ObjectNotFound'
    }
    It 'surfaces Hyper-V''s refusal as the JSON error naming the step' {
        Mock -ModuleName MobyKit Hyper-V\Set-VMProcessor { Invoke-WindowsRefusal Set-VMProcessor "Failed to modify device 'Processor'." InvalidOperation }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitVM' -Parameters @{ Name = 'MobyLinuxVM'; ProcessorCount = 4 }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not set the processor count of VM 'MobyLinuxVM': Failed to modify device 'Processor'."
        $reply.error.cmdlet | Should -Be 'Set-VMProcessor'
    }
}
