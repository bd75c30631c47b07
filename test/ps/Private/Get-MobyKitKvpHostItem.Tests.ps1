BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:VMId = '0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
    function New-KvpXml([string]$Name, [string]$Data, [int]$Source = 0) {
        $escaped = [System.Security.SecurityElement]::Escape($Data)
        "<INSTANCE CLASSNAME=`"Msvm_KvpExchangeDataItem`"><PROPERTY NAME=`"Data`" TYPE=`"string`"><VALUE>$escaped</VALUE></PROPERTY><PROPERTY NAME=`"Name`" TYPE=`"string`"><VALUE>$Name</VALUE></PROPERTY><PROPERTY NAME=`"Source`" TYPE=`"uint16`"><VALUE>$Source</VALUE></PROPERTY></INSTANCE>"
    }
}

Describe 'Get-MobyKitKvpHostItem' {
    BeforeEach {
        Mock -ModuleName MobyKit Get-MobyKitCimComputerSystem { [pscustomobject]@{ Name = $VMId.ToString(); CimClass = 'Msvm_ComputerSystem' } }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance { [pscustomobject]@{ InstanceID = 'Microsoft:settings' } } -ParameterFilter { $ResultClassName -eq 'Msvm_VirtualSystemSettingData' }
    }
    It 'reads the host-to-guest items from the embedded CIM-XML, data unescaped and kept a SecureString' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance {
            [pscustomobject]@{ HostExchangeItems = @((New-KvpXml 'cifsmount' 'username=a,password=<&>,noperm'), '') }
        } -ParameterFilter { $ResultClassName -eq 'Msvm_KvpExchangeComponentSettingData' }
        $items = @(InModuleScope MobyKit -Parameters @{ Id = $script:VMId } { param($Id) Get-MobyKitKvpHostItem -VMId $Id })
        $items.Count | Should -Be 1
        $items[0].Name | Should -Be 'cifsmount'
        $items[0].Data | Should -BeOfType ([System.Security.SecureString])
        [System.Net.NetworkCredential]::new('', $items[0].Data).Password | Should -BeExactly 'username=a,password=<&>,noperm'
        # What module logging would record of the item bound to a parameter (Where-Object's pipeline input):
        $items[0].ToString() | Should -Not -BeLike '*password*'
        $items[0].Source | Should -Be 0
    }
    It 'returns nothing (not one empty element) when the VM has no items' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance { [pscustomobject]@{ HostExchangeItems = $null } } -ParameterFilter { $ResultClassName -eq 'Msvm_KvpExchangeComponentSettingData' }
        $items = @(InModuleScope MobyKit -Parameters @{ Id = $script:VMId } { param($Id) Get-MobyKitKvpHostItem -VMId $Id })
        $items.Count | Should -Be 0
    }
    It 'does not resolve external entities in the XML' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance {
            [pscustomobject]@{ HostExchangeItems = @('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><INSTANCE><PROPERTY NAME="Name"><VALUE>&e;</VALUE></PROPERTY></INSTANCE>') }
        } -ParameterFilter { $ResultClassName -eq 'Msvm_KvpExchangeComponentSettingData' }
        $items = @(InModuleScope MobyKit -Parameters @{ Id = $script:VMId } { param($Id) try { Get-MobyKitKvpHostItem -VMId $Id } catch { } })
        @($items | Where-Object -FilterScript { $_.Name -match 'root:' }).Count | Should -Be 0
    }
    It 'lets a WMI failure through' {
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance { Invoke-WindowsRefusal Get-CimAssociatedInstance 'Provider load failure' NotSpecified } -ParameterFilter { $ResultClassName -eq 'Msvm_VirtualSystemSettingData' }
        { InModuleScope MobyKit -Parameters @{ Id = $script:VMId } { param($Id) Get-MobyKitKvpHostItem -VMId $Id } } | Should -Throw -ExpectedMessage 'Provider load failure'
    }
}
