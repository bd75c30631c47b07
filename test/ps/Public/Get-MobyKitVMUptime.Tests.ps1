BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Get-MobyKitVMUptime' {
    It 'answers whole seconds since a running VM started' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); State = 'Running'; Uptime = [timespan]::FromSeconds(3725.9) } }
        Get-MobyKitVMUptime -Name 'MobyLinuxVM' | Should -Be 3725
    }
    It 'answers $null for a VM that is off (its Uptime is 0, not "how long")' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]::NewGuid(); State = 'Off'; Uptime = [timespan]::Zero } }
        Get-MobyKitVMUptime -Name 'MobyLinuxVM' | Should -BeNullOrEmpty
    }
    It 'answers $null when there is no such VM, and null in the JSON reply' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        Get-MobyKitVMUptime -Name 'MobyLinuxVM' | Should -BeNullOrEmpty
        $reply = Invoke-MobyKitRequest -Function 'Get-MobyKitVMUptime' -Parameters @{ Name = 'MobyLinuxVM' }
        $reply.ok | Should -BeTrue
        $reply.result | Should -BeNullOrEmpty
    }
    It 'refuses two VMs of one name rather than answer for one of them' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = '1'; State = 'Running' }; [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = '2'; State = 'Running' } }
        $reply = Invoke-MobyKitRequest -Function 'Get-MobyKitVMUptime' -Parameters @{ Name = 'MobyLinuxVM' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not look up VM 'MobyLinuxVM'*"
    }
}
