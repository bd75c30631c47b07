BeforeAll { . $PSScriptRoot/../support/TestHelper.ps1 }

Describe 'New-MobyKitNat' {
    BeforeEach { Mock -ModuleName MobyKit NetNat\New-NetNat { [pscustomobject]@{ Name = $Name } } }

    It 'creates the NAT when there is none of that name' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { }
        New-MobyKitNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0/24'
        Should -Invoke -ModuleName MobyKit NetNat\New-NetNat -Times 1 -Exactly -ParameterFilter { $Name -eq 'DockerNAT' -and $InternalIPInterfaceAddressPrefix -eq '10.0.75.0/24' }
    }
    It 'does nothing when the NAT exists for that prefix' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'DockerNAT'; InternalIPInterfaceAddressPrefix = '10.0.75.0/24' } }
        New-MobyKitNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0/24'
        Should -Invoke -ModuleName MobyKit NetNat\New-NetNat -Times 0 -Exactly
    }
    It 'refuses a NAT of that name for another prefix (MobyKit.NatConflict)' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'DockerNAT'; InternalIPInterfaceAddressPrefix = '10.0.76.0/24' } }
        { New-MobyKitNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0/24' } | Should -Throw -ErrorId 'MobyKit.NatConflict,New-MobyKitNat'
        Should -Invoke -ModuleName MobyKit NetNat\New-NetNat -Times 0 -Exactly
    }
    It 'refuses a prefix that is not a.b.c.d/n before asking Windows' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { }
        { New-MobyKitNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        Should -Invoke -ModuleName MobyKit NetNat\Get-NetNat -Times 0 -Exactly
    }
    It 'surfaces WinNAT''s refusal of an overlap ("The parameter is incorrect.") as the JSON error' {
        Mock -ModuleName MobyKit NetNat\Get-NetNat { [pscustomobject]@{ Name = 'ContainerNAT'; InternalIPInterfaceAddressPrefix = '10.0.0.0/8' } }
        Mock -ModuleName MobyKit NetNat\New-NetNat { Invoke-WindowsRefusal New-NetNat 'The parameter is incorrect.' InvalidArgument }
        $reply = Invoke-MobyKitRequest -Function 'New-MobyKitNat' -Parameters @{ Name = 'DockerNAT'; InternalIPInterfaceAddressPrefix = '10.0.75.0/24' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -BeLike "Could not create NAT 'DockerNAT'*The parameter is incorrect.*"
        $reply.error.cmdlet | Should -Be 'New-NetNat'
        $reply.error.category | Should -Be 'InvalidArgument'
    }
}
