BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
    $script:Call = @{ VMName = 'MobyLinuxVM'; ItemName = 'cifsmount'; MountPoint = 'c'; ShareName = 'C'; UserName = 'alice'; Password = 'p@ss,word' }
    $script:Token = '/c;/C;username=alice,password=p@ss,word,noperm'
    # Called directly the password is a SecureString; Invoke-MobyKitCall makes one from the request's string.
    $script:Secure = $script:Call.Clone(); $script:Secure.Password = ConvertTo-SecureString -String $script:Call.Password -AsPlainText -Force
    # An item as Get-MobyKitKvpHostItem returns it: Data a SecureString.
    function script:New-HostItem([string]$Data) { [pscustomobject]@{ Name = 'cifsmount'; Data = [System.Net.NetworkCredential]::new('', $Data).SecurePassword; Source = 0 } }
}

Describe 'Set-MobyKitKvpItem' {
    BeforeEach {
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Off' } }
        Mock -ModuleName MobyKit Invoke-MobyKitKvpMethod { }
    }
    It 'adds the token (AddKvpItems) when the VM has no such item' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { }
        Set-MobyKitKvpItem @script:Secure
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 1 -Exactly -ParameterFilter {
            $MethodName -eq 'AddKvpItems' -and $DataItem -is [securestring] -and
            [System.Net.NetworkCredential]::new('', $DataItem).Password -like '*<VALUE>/c;/C;username=alice,password=p@ss,word,noperm</VALUE>*'
        }
    }
    It 'changes nothing when the item holds that token' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { New-HostItem '/c;/C;username=alice,password=p@ss,word,noperm' }
        Set-MobyKitKvpItem @script:Secure
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 0 -Exactly
    }
    It 'modifies (ModifyKvpItems) an item with another token' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { New-HostItem '/c;/C;username=alice,password=old,noperm' }
        Set-MobyKitKvpItem @script:Secure
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 1 -Exactly -ParameterFilter { $MethodName -eq 'ModifyKvpItems' }
    }
    It 'modifies an item whose password differs only in case (passwords are case-sensitive)' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { New-HostItem '/c;/C;username=alice,password=P@SS,WORD,noperm' }
        Set-MobyKitKvpItem @script:Secure
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 1 -Exactly -ParameterFilter { $MethodName -eq 'ModifyKvpItems' }
    }
    It 'says what it would set under -WhatIf, the password as ***' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { }
        # "What if:" goes to the host, which a transcript records.
        $transcript = Join-Path -Path $TestDrive -ChildPath 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript
        try { Set-MobyKitKvpItem @script:Secure -WhatIf } finally { $null = Stop-Transcript }
        $said = Get-Content -LiteralPath $transcript -Raw
        $said | Should -BeLike '*Set KVP item to /c;/C;username=alice,password=`*`*`*,noperm*'
        $said | Should -Not -BeLike '*p@ss*'
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 0 -Exactly
    }
    It 'refuses a token longer than Hyper-V takes, without echoing it' {
        $long = $script:Call.Clone(); $long.Password = ConvertTo-SecureString -String ('x' * 1100) -AsPlainText -Force
        $thrown = $null
        try { Set-MobyKitKvpItem @long } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'MobyKit.KvpTooLong*'
        $thrown.Exception.Message | Should -Not -BeLike '*xxxx*'
        Should -Invoke -ModuleName MobyKit Invoke-MobyKitKvpMethod -Times 0 -Exactly
    }
    It 'surfaces a missing VM and a failing method as the JSON error, without the password' {
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem { }
        Mock -ModuleName MobyKit Invoke-MobyKitKvpMethod { Invoke-WindowsRefusal Invoke-CimMethod 'AddKvpItems failed (job state 10, error code 32773): Invalid parameter' InvalidResult }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitKvpItem' -Parameters $script:Call
        $reply.ok | Should -BeFalse
        $reply.error.message | Should -Be "Could not call AddKvpItems for KVP item 'cifsmount' of VM 'MobyLinuxVM': AddKvpItems failed (job state 10, error code 32773): Invalid parameter"
        ($reply | ConvertTo-Json -Depth 5) | Should -Not -BeLike '*p@ss*'
        Mock -ModuleName MobyKit Hyper-V\Get-VM { }
        $reply = Invoke-MobyKitRequest -Function 'Set-MobyKitKvpItem' -Parameters $script:Call
        $reply.error.message | Should -Be "Could not look up the VM for KVP item 'cifsmount' of VM 'MobyLinuxVM': VM 'MobyLinuxVM' does not exist"
    }
}
