# Issue 11: with module logging (event 4103, "ModuleNames *" by policy) PowerShell records every
# parameter binding of every command, cmdlets and module functions alike; transcription records
# them too. The share password must never be a bound value: not as a string, not inside an array,
# not as a property of an object passed along a pipeline. Get-MobyKitLoggedBinding (support/BindingLog.ps1)
# records each binding as module logging renders it; each test runs what mobykit runs (a sealed
# request through Invoke-MobyKitCall) over mocks that answer as Windows does, and looks for the
# password in that record.
BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    . $PSScriptRoot/../support/BindingLog.ps1
    $script:Id = [guid]'0f5f1c6a-4f0e-4c57-9a53-3bd1f3c9a1b2'
    $script:Password = "Log-Canary-p@ss'wörd`u{1F600}"
    $script:OldPassword = 'Old-Canary-pw'
    function script:New-HostItemXml([string]$Data) {
        '<INSTANCE CLASSNAME="Msvm_KvpExchangeDataItem"><PROPERTY NAME="Data" TYPE="string"><VALUE>{0}</VALUE></PROPERTY><PROPERTY NAME="Name" TYPE="string"><VALUE>cifsmount</VALUE></PROPERTY><PROPERTY NAME="Source" TYPE="uint16"><VALUE>0</VALUE></PROPERTY></INSTANCE>' -f [System.Security.SecurityElement]::Escape($Data)
    }
    function script:Get-Leak([string[]]$Lines) {
        @($Lines | Where-Object -FilterScript { $_ -like '*Canary*' })
    }
    $script:KvpCall = @{ VMName = 'MobyLinuxVM'; ItemName = 'cifsmount'; MountPoint = 'c'; ShareName = 'C'; UserName = 'alice' }
}

Describe 'Module logging records no password (issue 11)' {
    BeforeEach {
        # Hyper-V as WMI answers it; the one .NET call to Hyper-V is replaced by a double that keeps what it was given.
        $script:HostItems = @()
        $script:Sent = [System.Collections.Generic.List[object]]::new()
        Mock -ModuleName MobyKit Hyper-V\Get-VM { [pscustomobject]@{ Name = 'MobyLinuxVM'; Id = $script:Id; State = 'Running' } }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ Name = $script:Id.ToString() } } -ParameterFilter { $ClassName -eq 'Msvm_ComputerSystem' }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ Name = 'vmms' } } -ParameterFilter { $ClassName -eq 'Msvm_VirtualSystemManagementService' }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance { [pscustomobject]@{ InstanceID = 'Microsoft:settings' } } -ParameterFilter { $ResultClassName -eq 'Msvm_VirtualSystemSettingData' }
        Mock -ModuleName MobyKit CimCmdlets\Get-CimAssociatedInstance { [pscustomobject]@{ HostExchangeItems = [string[]]$script:HostItems } } -ParameterFilter { $ResultClassName -eq 'Msvm_KvpExchangeComponentSettingData' }
        Mock -ModuleName MobyKit Invoke-MobyKitKvpCimMethod {
            $script:Sent.Add([pscustomobject]@{ Method = $MethodName; Item = [System.Net.NetworkCredential]::new('', $DataItem).Password })
            [pscustomobject]@{ ReturnValue = 0; Job = $null }
        }
    }

    It 'the record holds what module logging would: a string, an array element, an object on the pipeline' {
        # The control: without it the tests below could pass by recording nothing.
        function Show-Binding { [CmdletBinding()] param([string]$Text, [string[]]$List, [Parameter(ValueFromPipeline = $true)]$Item) process { } }
        $lines = Get-MobyKitLoggedBinding -ScriptBlock {
            Show-Binding -Text 'Canary-1'
            Show-Binding -List @('x', 'Canary-2')
            [pscustomobject]@{ Data = 'Canary-3' } | Show-Binding
            Show-Binding -Item ([System.Net.NetworkCredential]::new('', 'Canary-4').SecurePassword)
        }
        $leaks = Get-Leak $lines
        @($leaks | Where-Object -FilterScript { $_ -like '*Canary-1*' }).Count | Should -BeGreaterThan 0
        @($leaks | Where-Object -FilterScript { $_ -like '*Canary-2*' }).Count | Should -BeGreaterThan 0
        @($leaks | Where-Object -FilterScript { $_ -like '*@{Data=Canary-3}*' }).Count | Should -BeGreaterThan 0
        @($leaks | Where-Object -FilterScript { $_ -like '*Canary-4*' }).Count | Should -Be 0
        @($lines | Where-Object -FilterScript { $_ -like '*BIND arg `[System.Security.SecureString`] to param `[Item`]*' }).Count | Should -BeGreaterThan 0
    }

    It 'install adds the mount item: Hyper-V gets the token, and no binding holds the password' {
        $request = New-MobyKitTestRequest -Function 'Set-MobyKitKvpItem' -Parameters $script:KvpCall -Secret $script:Password
        $lines = Get-MobyKitLoggedBinding -ScriptBlock { $script:Reply = MobyKit\Invoke-MobyKitCall -Request $request }
        ($script:Reply | ConvertFrom-Json).ok | Should -BeTrue
        $script:Sent.Count | Should -Be 1
        $script:Sent[0].Method | Should -Be 'AddKvpItems'
        ([xml]$script:Sent[0].Item).INSTANCE.PROPERTY[0].VALUE | Should -BeExactly "/c;/C;username=alice,password=$($script:Password),noperm"
        # The item went through every layer as a SecureString, and the password is nowhere else.
        @($lines | Where-Object -FilterScript { $_ -like '*BIND arg `[System.Security.SecureString`] to param `[DataItem`] SUCCESSFUL*' }).Count | Should -BeGreaterOrEqual 2
        Get-Leak $lines | Should -BeNullOrEmpty
    }

    It 'install replaces an item that holds another password, and leaves one that holds this one: neither password is in a binding' {
        $script:HostItems = @(New-HostItemXml "/c;/C;username=alice,password=$($script:OldPassword),noperm")
        $request = New-MobyKitTestRequest -Function 'Set-MobyKitKvpItem' -Parameters $script:KvpCall -Secret $script:Password
        $lines = Get-MobyKitLoggedBinding -ScriptBlock { $script:Reply = MobyKit\Invoke-MobyKitCall -Request $request }
        ($script:Reply | ConvertFrom-Json).ok | Should -BeTrue
        $script:Sent.Count | Should -Be 1
        $script:Sent[0].Method | Should -Be 'ModifyKvpItems'
        Get-Leak $lines | Should -BeNullOrEmpty

        $script:HostItems = @(New-HostItemXml "/c;/C;username=alice,password=$($script:Password),noperm")
        $lines = Get-MobyKitLoggedBinding -ScriptBlock { $script:Reply = MobyKit\Invoke-MobyKitCall -Request $request }
        ($script:Reply | ConvertFrom-Json).ok | Should -BeTrue
        $script:Sent.Count | Should -Be 1
        Get-Leak $lines | Should -BeNullOrEmpty
    }

    It 'uninstall removes the item without its password reaching a binding' {
        $script:HostItems = @(New-HostItemXml "/c;/C;username=alice,password=$($script:Password),noperm")
        $request = New-MobyKitTestRequest -Function 'Remove-MobyKitKvpItem' -Parameters @{ VMName = 'MobyLinuxVM'; ItemName = 'cifsmount' }
        $lines = Get-MobyKitLoggedBinding -ScriptBlock { $script:Reply = MobyKit\Invoke-MobyKitCall -Request $request }
        ($script:Reply | ConvertFrom-Json).ok | Should -BeTrue
        $script:Sent[0].Method | Should -Be 'RemoveKvpItems'
        Get-Leak $lines | Should -BeNullOrEmpty
    }

    It 'doctor''s fix, typed at a prompt (Read-Host -AsSecureString), binds no password' {
        Mock Read-Host { [System.Net.NetworkCredential]::new('', $script:Password).SecurePassword } -ParameterFilter { $AsSecureString }
        $lines = Get-MobyKitLoggedBinding -ScriptBlock {
            Set-MobyKitKvpItem -VMName 'MobyLinuxVM' -ItemName 'cifsmount' -MountPoint 'c' -ShareName 'C' -UserName 'alice' -Password (Read-Host -AsSecureString -Prompt 'Password of alice')
        }
        ([xml]$script:Sent[0].Item).INSTANCE.PROPERTY[0].VALUE | Should -BeExactly "/c;/C;username=alice,password=$($script:Password),noperm"
        Get-Leak $lines | Should -BeNullOrEmpty
    }

    It 'the snapshot reports the item as *** without the password reaching a binding' {
        $snapshot = Get-Content -LiteralPath (Join-Path $script:RepoRoot 'examples/converged.json') -Raw | ConvertFrom-Json -DateKind String
        $parameters = Register-MobyKitSnapshotMock -Snapshot $snapshot
        # Hyper-V hands the item back as it was stored, password and all.
        Mock -ModuleName MobyKit Get-MobyKitKvpHostItem {
            [pscustomobject]@{ Name = 'cifsmount'; Data = [System.Net.NetworkCredential]::new('', "/c;/C;username=alice,password=$($script:Password),noperm").SecurePassword; Source = 0 }
        }
        $request = New-MobyKitTestRequest -Function 'Get-MobyKitHostSnapshot' -Parameters $parameters
        $lines = Get-MobyKitLoggedBinding -ScriptBlock { $script:Reply = MobyKit\Invoke-MobyKitCall -Request $request }
        $reply = $script:Reply | ConvertFrom-Json -DateKind String
        $reply.ok | Should -BeTrue
        $reply.result.vms[0].KvpHostExchangeItems[0].Data | Should -BeExactly '/c;/C;username=alice,password=***,noperm'
        Get-Leak $lines | Should -BeNullOrEmpty
        $script:Reply | Should -Not -BeLike '*Canary*'
    }

    It 'the credential and the password check bind no password' {
        Install-FakeNativeCredential
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\alice' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
        $store = New-MobyKitTestRequest -Function 'Set-MobyKitCredential' -Parameters @{ TargetName = 'Docker Host Filesystem Access'; UserName = 'HOST\alice'; Comment = 'Managed by mobykit' } -Secret $script:Password
        $check = New-MobyKitTestRequest -Function 'Test-MobyKitAccountPassword' -Parameters @{ UserName = 'HOST\alice' } -Secret $script:Password
        $lines = Get-MobyKitLoggedBinding -ScriptBlock {
            $script:Reply = MobyKit\Invoke-MobyKitCall -Request $store
            $null = MobyKit\Invoke-MobyKitCall -Request $check
        }
        ($script:Reply | ConvertFrom-Json).ok | Should -BeTrue
        [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'][1] | Should -BeExactly $script:Password
        Get-Leak $lines | Should -BeNullOrEmpty
    }
    It 'the share account''s password, made on the host, is in no binding, not in the reply, and only sealed values carry it' {
        Install-FakeNativeCredential
        $env:COMPUTERNAME = 'HOST'
        Mock -ModuleName MobyKit SmbShare\Get-SmbShare { [pscustomobject]@{ Name = 'C'; Path = 'C:\' } }
        Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { }
        Mock -ModuleName MobyKit SmbShare\Grant-SmbShareAccess { }
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser { [pscustomobject]@{ Name = 'mobykit-share'; SID = 'S-1-5-21-1-2-3-1009'; Description = 'Managed by mobykit' } }
        Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser { }
        $request = New-MobyKitTestRequest -Function 'Set-MobyKitShareAccount' -Parameters @{
            UserName = 'mobykit-share'; Description = 'Managed by mobykit'; ShareName = 'C'
            TargetName = 'Docker Host Filesystem Access'; Comment = 'Managed by mobykit'; VMName = 'MobyLinuxVM'; ItemName = 'cifsmount'; MountPoint = 'c'
        }
        $lines = Get-MobyKitLoggedBinding -ScriptBlock { $script:Reply = MobyKit\Invoke-MobyKitCall -Request $request }
        ($script:Reply | ConvertFrom-Json).ok | Should -BeTrue
        # The password is known only from where it was stored: the (fake) Credential Manager.
        $made = [MobyKit.NativeCredential]::Store['Docker Host Filesystem Access'][1]
        $made | Should -MatchExactly '^[A-Za-z0-9_-]{32}$'
        ([xml]$script:Sent[-1].Item).INSTANCE.PROPERTY[0].VALUE | Should -BeExactly "/c;/C;username=mobykit-share,password=$made,noperm"
        @($lines | Where-Object -FilterScript { $_.Contains($made) }) | Should -BeNullOrEmpty
        # Set-LocalUser and Set-MobyKitKvpItem got it, each as a SecureString.
        @($lines | Where-Object -FilterScript { $_ -like '*BIND arg `[System.Security.SecureString`] to param `[Password`]*' }).Count | Should -BeGreaterOrEqual 2
        $script:Reply.Contains($made) | Should -BeFalse
    }
}
