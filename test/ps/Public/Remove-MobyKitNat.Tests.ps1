BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'Remove-MobyKitNat' {
    BeforeEach { Mock -ModuleName MobyKit NetNat\Remove-NetNat { } }

    It 'removes the NAT found, by the object (not -Name, a wildcard)' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'DockerNAT*'; InternalIPInterfaceAddressPrefix = '10.0.75.0/24' }; [pscustomobject]@{ Name = 'DockerNAT2'; InternalIPInterfaceAddressPrefix = '10.0.76.0/24' } }
        Remove-MobyKitNat -Name 'DockerNAT*' -Confirm:$false
        Should -Invoke -ModuleName MobyKit NetNat\Remove-NetNat -Times 1 -Exactly -ParameterFilter { @($InputObject).Count -eq 1 -and $InputObject[0].Name -eq 'DockerNAT*' -and $null -eq $Name }
    }
    It 'does nothing when the NAT is absent' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'ContainerNAT'; InternalIPInterfaceAddressPrefix = '172.16.0.0/12' } }
        Remove-MobyKitNat -Name 'DockerNAT' -Confirm:$false
        Should -Invoke -ModuleName MobyKit NetNat\Remove-NetNat -Times 0 -Exactly
    }
    It 'surfaces a refusal as the JSON error (no prompt through Invoke-MobyKitCall)' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'DockerNAT'; InternalIPInterfaceAddressPrefix = '10.0.75.0/24' } }
        Mock -ModuleName MobyKit NetNat\Remove-NetNat { Invoke-WindowsRefusal Remove-NetNat 'The system cannot find the file specified.' ObjectNotFound }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitNat' -Parameters @{ Name = 'DockerNAT' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not remove NAT 'DockerNAT': The system cannot find the file specified."
        $reply.error.cmdlet | Should -Be 'Remove-NetNat'
    }
}
