# Issue 11: what the session itself must check: the start-up checks (ps1/Preflight), the credential
# store's logon (network logon: 1312; over-the-shoulder elevation), KVP sizes, 2 MB memory and
# %APPDATA% folders.
BeforeAll {
    . $PSScriptRoot/../support/TestHelper.ps1
    . (Join-Path -Path $script:RepoRoot -ChildPath 'ps1/Preflight/Assert-MobyKitSession.ps1')
}

Describe 'Assert-MobyKitSession' {
    BeforeEach {
        function Get-ExecutionPolicy { param($Scope) 'Undefined' }
    }
    It 'refuses Windows PowerShell 5.0 (Windows 10 1511), saying what to update' {
        { Assert-MobyKitSession -ModulePath '/m/ps1/MobyKit.psd1' -PSVersion '5.0.10586.494' -Edition 'Desktop' -Build 10586 } |
            Should -Throw -ExpectedMessage 'mobykit needs Windows PowerShell 5.1 or PowerShell 7; this is PowerShell 5.0.10586.494*update Windows to 1607 (build 14393)*'
    }
    It 'refuses a build without NetNat, and pwsh where Hyper-V loads only through the compatibility session' {
        { Assert-MobyKitSession -ModulePath '/m/ps1/MobyKit.psd1' -PSVersion '5.1.10240.0' -Edition 'Desktop' -Build 10240 } | Should -Throw -ExpectedMessage '*build 14393*this is build 10240*'
        { Assert-MobyKitSession -ModulePath '/m/ps1/MobyKit.psd1' -PSVersion '7.4.6' -Edition 'Core' -Build 17134 } | Should -Throw -ExpectedMessage 'On build 17134, PowerShell 7 loads the Hyper-V*'
        { Assert-MobyKitSession -ModulePath '/m/ps1/MobyKit.psd1' -PSVersion '7.4.6' -Edition 'Core' -Build 17763 } | Should -Not -Throw
        { Assert-MobyKitSession -ModulePath '/m/ps1/MobyKit.psd1' -PSVersion '5.1.17134.1' -Edition 'Desktop' -Build 17134 } | Should -Not -Throw
    }
    It 'refuses a Group Policy RemoteSigned policy only when the module''s files carry the downloaded mark' {
        function Get-ExecutionPolicy { param($Scope) if ($Scope -eq 'UserPolicy') { 'RemoteSigned' } else { 'Undefined' } }
        $folder = Join-Path -Path $TestDrive -ChildPath "it's ps1"
        $null = New-Item -ItemType Directory -Path $folder
        Set-Content -LiteralPath (Join-Path -Path $folder -ChildPath 'MobyKit.psd1') -Value '@{}'
        function Get-Item { param($LiteralPath, $Stream) $null }
        { Assert-MobyKitSession -ModulePath (Join-Path -Path $folder -ChildPath 'MobyKit.psd1') -Build 19045 } | Should -Not -Throw
        function Get-Item { param($LiteralPath, $Stream) if ($Stream -eq 'Zone.Identifier') { [pscustomobject]@{ Stream = 'Zone.Identifier' } } }
        { Assert-MobyKitSession -ModulePath (Join-Path -Path $folder -ChildPath 'MobyKit.psd1') -Build 19045 } |
            Should -Throw -ExpectedMessage ("*RemoteSigned (UserPolicy scope)*Unblock them: Get-ChildItem -LiteralPath '{0}' -Recurse | Unblock-File" -f ($folder -replace "'", "''"))
    }
    It 'refuses AllSigned and Restricted from Group Policy' {
        function Get-ExecutionPolicy { param($Scope) if ($Scope -eq 'MachinePolicy') { 'Restricted' } else { 'Undefined' } }
        { Assert-MobyKitSession -ModulePath '/m/ps1/MobyKit.psd1' -Build 19045 } | Should -Throw -ExpectedMessage '*execution policy to Restricted (MachinePolicy scope), which wins over -ExecutionPolicy Bypass*'
    }
}

Describe 'Credential store and the logon (issue 11)' {
    BeforeAll { Install-FakeNativeCredential }
    BeforeEach {
        [MobyKit.NativeCredential]::Reset()
        $script:Secure = ConvertTo-SecureString -String 'S3cret-9' -AsPlainText -Force
    }
    It 'refuses over-the-shoulder elevation (the process user is not the desktop user), storing nothing' {
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\admin' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { 'HOST\alice' }
        { Set-MobyKitCredential -TargetName 'T' -UserName 'alice' -Comment 'c' -Password $script:Secure } |
            Should -Throw -ErrorId 'MobyKit.OtherDesktopUser,Set-MobyKitCredential' -ExpectedMessage "This PowerShell runs as 'HOST\admin', but 'HOST\alice' is signed in*"
        [MobyKit.NativeCredential]::Store.Count | Should -Be 0
    }
    It 'explains error 1312 (a network logon has no credential store)' {
        Mock -ModuleName MobyKit Get-MobyKitProcessUser { 'HOST\alice' }
        Mock -ModuleName MobyKit Get-MobyKitInteractiveUser { $null }
        [MobyKit.NativeCredential]::FailWith = 1312
        { Set-MobyKitCredential -TargetName 'T' -UserName 'alice' -Comment 'c' -Password $script:Secure } |
            Should -Throw -ExpectedMessage "Could not read credential 'T': this logon has no Credential Manager store (a network logon such as PowerShell remoting or SSH, error 1312)*"
    }
}

Describe 'Sizes and folders Hyper-V and Windows insist on (issue 11)' {
    It 'KVP: key up to 255 and data up to 1023 UTF-16 characters (512 and 2048 bytes with the NUL)' {
        InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name ('k' * 255) -Data ([System.Net.NetworkCredential]::new('', ('d' * 1023)).SecurePassword) } | Should -Not -BeNullOrEmpty
        { InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name ('k' * 256) -Data ([System.Net.NetworkCredential]::new('', 'd').SecurePassword) } } | Should -Throw
        { InModuleScope MobyKit { New-MobyKitKvpDataItemXml -Name 'k' -Data ([System.Net.NetworkCredential]::new('', ('d' * 1024)).SecurePassword) } } | Should -Throw -ErrorId 'MobyKit.KvpTooLong*'
    }
    It 'memory that is not a multiple of 2 MB is refused by Set-MobyKitVM before Hyper-V sees it' {
        Mock -ModuleName MobyKit Hyper-V\Set-VM { }
        { Set-MobyKitVM -Name 'MobyLinuxVM' -MemoryStartupBytes 2049MB } | Should -Throw -ExpectedMessage '*is not a multiple of 2 MB, which Hyper-V requires*'
        Should -Invoke -ModuleName MobyKit Hyper-V\Set-VM -Times 0 -Exactly
    }
    It 'with no disk path given, the snapshot checks and reports the VM''s .vhdx in Get-VMHost''s VirtualHardDiskPath' {
        Mock -ModuleName MobyKit Hyper-V\Get-VMHost { [pscustomobject]@{ VirtualHardDiskPath = $TestDrive } }
        Set-Content -LiteralPath (Join-Path -Path $TestDrive -ChildPath 'MobyLinuxVM.vhdx') -Value 'disk'
        $snapshot = InModuleScope MobyKit { Get-MobyKitHostSnapshot -VMName 'MobyLinuxVM' -VhdxPath '' 2>$null 3>$null }
        $snapshot.files.vhdx.Path | Should -Be (Join-Path -Path $TestDrive -ChildPath 'MobyLinuxVM.vhdx')
        $snapshot.files.vhdx.Exists | Should -BeTrue
    }
    It 'the snapshot expands %VAR% in the settings and log folders before looking (and reports them expanded)' {
        $env:MOBYKIT_TEST_HOME = $TestDrive
        $null = New-Item -ItemType Directory -Path (Join-Path -Path $TestDrive -ChildPath 'Docker')
        $sep = [System.IO.Path]::DirectorySeparatorChar
        $snapshot = InModuleScope MobyKit -Parameters @{ Dir = "%MOBYKIT_TEST_HOME%${sep}Docker" } {
            param($Dir)
            Get-MobyKitHostSnapshot -SettingsDir $Dir -LogDir $Dir 2>$null 3>$null
        }
        $files = $snapshot.files
        $files.settingsDir.Path | Should -Be (Join-Path -Path $TestDrive -ChildPath 'Docker')
        $files.settingsDir.Exists | Should -BeTrue
        $files.logDir.Exists | Should -BeTrue
    }
}
