BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:VM = [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'; State = 'Running' }
}

Describe 'Remove-MobyKitKvpItem' {
    BeforeEach {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { $script:VM }
        Mock -ModuleName MobyKit Invoke-MobyKitKvpMethod { }
    }
    It 'calls RemoveKvpItems with the item (name only) when the VM holds it' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { [pscustomobject]@{ Name = 'cifsmount'; Data = [System.Net.NetworkCredential]::new('', 'x').SecurePassword; Source = 0 } }
        Remove-MobyKitKvpItem -VMName 'MobyLinuxVM' -ItemName 'cifsmount'
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 1 -Exactly -ParameterFilter {
            $MethodName -eq 'RemoveKvpItems' -and $VMId -eq [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2' -and [System.Net.NetworkCredential]::new('', $DataItem).Password -like '*NAME="Data" TYPE="string"><VALUE /></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>cifsmount</VALUE>*'
        }
    }
    It 'does nothing when the item is absent (names are case-sensitive)' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { [pscustomobject]@{ Name = 'CIFSMOUNT'; Data = [System.Net.NetworkCredential]::new('', 'x').SecurePassword; Source = 0 } }
        Remove-MobyKitKvpItem -VMName 'MobyLinuxVM' -ItemName 'cifsmount'
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 0 -Exactly
    }
    It 'does nothing when the VM is absent' {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { throw 'must not be read' }
        Remove-MobyKitKvpItem -VMName 'MobyLinuxVM' -ItemName 'cifsmount'
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 0 -Exactly
    }
    It 'surfaces a failed RemoveKvpItems as the JSON error, naming the step' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { [pscustomobject]@{ Name = 'cifsmount'; Data = [System.Net.NetworkCredential]::new('', 'x').SecurePassword; Source = 0 } }
        Mock -ModuleName MobyKit Invoke-MobyKitKvpMethod { Invoke-WindowsRefusal Invoke-CimMethod 'RemoveKvpItems returned 32773 (Invalid parameter)' InvalidResult }
        $reply = Invoke-MobyKitRequest -Function 'Remove-MobyKitKvpItem' -Parameters @{ VMName = 'MobyLinuxVM'; ItemName = 'cifsmount' }
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not call RemoveKvpItems for KVP item 'cifsmount' of VM 'MobyLinuxVM': RemoveKvpItems returned 32773 (Invalid parameter)"
        $reply.error.cmdlet | Should -Be 'Invoke-CimMethod'
        $reply.error.category | Should -Be 'InvalidResult'
    }
}
