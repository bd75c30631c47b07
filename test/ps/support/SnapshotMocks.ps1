# Mocks every platform command Get-MobyKitHostSnapshot calls so that they answer what the given
# host snapshot describes (objects with the property names the Windows cmdlets emit), and returns
# the parameters the TypeScript side would pass for it. Call inside BeforeAll/BeforeEach/It.
#   $parameters = Register-MobyKitSnapshotMock -Snapshot (Get-Content converged.json -Raw | ConvertFrom-Json)
# What no mock can reach, and so is not compared: platform.identity ([WindowsIdentity]::GetCurrent
# is Windows-only: on Linux it throws, and the gather records that in errors) and platform.powershell
# ($PSVersionTable of the shell that runs the test).

function global:Register-MobyKitSnapshotMock {
    param([Parameter(Mandatory = $true)]$Snapshot)
    $global:MobyKitTestSnapshot = $Snapshot
    $s = { $global:MobyKitTestSnapshot }

    function Use-Item([object[]]$Items) { foreach ($item in @($Items)) { if ($null -ne $item) { [pscustomobject]$item } } }
    Set-Item -Path function:global:Use-MobyKitSnapshotItem -Value ${function:Use-Item}
    # An interface object's adapter (by InterfaceAlias, or Name for a binding): its ifIndex and description.
    function Add-Interface {
        process {
            $item = $_.PSObject.Copy()
            $alias = $(if ($null -ne $item.PSObject.Properties['InterfaceAlias']) { $item.InterfaceAlias } else { $item.Name })
            $adapter = @($global:MobyKitTestSnapshot.netAdapters | Where-Object -FilterScript { $_.Name -eq $alias }) | Select-Object -First 1
            if ($null -ne $adapter) {
                if ($null -eq $item.PSObject.Properties['InterfaceIndex']) { $item | Add-Member -NotePropertyName InterfaceIndex -NotePropertyValue ([uint32]$adapter.ifIndex) }
                if ($null -eq $item.PSObject.Properties['InterfaceDescription']) { $item | Add-Member -NotePropertyName InterfaceDescription -NotePropertyValue $adapter.InterfaceDescription }
            }
            $item
        }
    }
    Set-Item -Path function:global:Add-MobyKitSnapshotInterface -Value ${function:Add-Interface}

    Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.platform.os } -ParameterFilter { $ClassName -eq 'Win32_OperatingSystem' }
    Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.platform.computerSystem } -ParameterFilter { $ClassName -eq 'Win32_ComputerSystem' }
    Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.platform.processors } -ParameterFilter { $ClassName -eq 'Win32_Processor' }
    # Hyper-V's WMI provider: a VM's Msvm_ComputerSystem is named by the VM's Id; one management service.
    Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { foreach ($vm in @($global:MobyKitTestSnapshot.vms)) { [pscustomobject]@{ Name = ([string]$vm.Id).ToUpperInvariant(); ElementName = $vm.Name } } } -ParameterFilter { $ClassName -eq 'Msvm_ComputerSystem' }
    Mock -ModuleName MobyKit CimCmdlets\Get-CimInstance { [pscustomobject]@{ Name = 'vmms'; CreationClassName = 'Msvm_VirtualSystemManagementService' } } -ParameterFilter { $ClassName -eq 'Msvm_VirtualSystemManagementService' }
    Mock -ModuleName MobyKit Get-ItemProperty { [pscustomobject]@{ EditionID = $global:MobyKitTestSnapshot.platform.editionId } } -ParameterFilter { $LiteralPath -eq 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' }
    Mock -ModuleName MobyKit Get-ItemProperty { [pscustomobject]@{ InstallDir = $global:MobyKitTestSnapshot.platform.virtualBox.InstallDir } } -ParameterFilter { $LiteralPath -eq 'HKLM:\SOFTWARE\Oracle\VirtualBox' }
    Mock -ModuleName MobyKit Test-Path { $null -ne $global:MobyKitTestSnapshot.platform.virtualBox } -ParameterFilter { $LiteralPath -eq 'HKLM:\SOFTWARE\Oracle\VirtualBox' }
    # Get-LocalUser as Windows answers: by name (case-insensitive) or SID, "not found" as a
    # non-terminating ObjectNotFound error. Which was asked for is read from $PesterBoundParameters:
    # an unbound $Name could be a variable of the test's own.
    Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Get-LocalUser { Set-StrictMode -Off;
        $byName = $PesterBoundParameters.ContainsKey('Name')
        $key = $(if ($byName) { [string]@($Name)[0] } else { [string]@($SID)[0] })
        $found = @($global:MobyKitTestSnapshot.localAccounts | Where-Object -FilterScript { $null -ne $_ -and (($byName -and $_.Name -eq $key) -or (-not $byName -and [string]$_.SID -eq $key)) })
        if ($found.Count -eq 0) { Write-WindowsError ('User {0} was not found.' -f $key) ObjectNotFound; return }
        Use-MobyKitSnapshotItem $found
    }
    Mock -ModuleName MobyKit Dism\Get-WindowsOptionalFeature { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.platform.optionalFeatures }
    Mock -ModuleName MobyKit Get-Module { if ($global:MobyKitTestSnapshot.platform.hyperVModuleAvailable) { [pscustomobject]@{ Name = 'Hyper-V' } } } -ParameterFilter { $ListAvailable -and $Name -eq 'Hyper-V' }
    Mock -ModuleName MobyKit bcdedit.exe {
        $global:LASTEXITCODE = 0
        'Windows Boot Loader'; '-------------------'; 'identifier              {current}'
        if ($null -ne $global:MobyKitTestSnapshot.platform.hypervisorLaunchType) { 'hypervisorlaunchtype    ' + $global:MobyKitTestSnapshot.platform.hypervisorLaunchType }
    }
    Mock -ModuleName MobyKit Get-ChildItem {
        foreach ($property in $global:MobyKitTestSnapshot.platform.environment.PSObject.Properties) { [pscustomobject]@{ Name = $property.Name; Value = $property.Value } }
    } -ParameterFilter { $LiteralPath -eq 'Env:' }
    Mock -ModuleName MobyKit MobyKitWindowsCore\Get-Service { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.services }

    Mock -ModuleName MobyKit Hyper-V\Get-VMSwitch { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.vmSwitches }
    Mock -ModuleName MobyKit NetAdapter\Get-NetAdapter { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netAdapters }
    # The per-interface cmdlets answer as Windows does: only the interface (and family) asked for,
    # each object carrying the InterfaceIndex and InterfaceDescription of its adapter.
    Mock -ModuleName MobyKit NetTCPIP\Get-NetIPAddress {
        $given = $PSBoundParameters # only what the caller gave (a test's own variables must not leak in)
        foreach ($item in @(Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netIPAddresses | Add-MobyKitSnapshotInterface)) {
            if ($given.ContainsKey('InterfaceIndex') -and [uint32]$item.InterfaceIndex -notin @($given['InterfaceIndex'])) { continue }
            if ($given.ContainsKey('AddressFamily') -and [string]$item.AddressFamily -notin @($given['AddressFamily'])) { continue }
            if ($given.ContainsKey('IPAddress') -and [string]$item.IPAddress -notin @($given['IPAddress'])) { continue }
            $item
        }
    }
    Mock -ModuleName MobyKit NetTCPIP\Get-NetIPInterface {
        $given = $PSBoundParameters # only what the caller gave (a test's own variables must not leak in)
        foreach ($item in @(Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netIPInterfaces | Add-MobyKitSnapshotInterface)) {
            if ($given.ContainsKey('InterfaceIndex') -and [uint32]$item.InterfaceIndex -notin @($given['InterfaceIndex'])) { continue }
            if ($given.ContainsKey('AddressFamily') -and [string]$item.AddressFamily -notin @($given['AddressFamily'])) { continue }
            $item
        }
    }
    Mock -ModuleName MobyKit NetTCPIP\Get-NetRoute { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netRoutes }
    Mock -ModuleName MobyKit NetConnection\Get-NetConnectionProfile {
        $given = $PSBoundParameters # only what the caller gave (a test's own variables must not leak in)
        foreach ($item in @(Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netConnectionProfiles | Add-MobyKitSnapshotInterface)) {
            if ($given.ContainsKey('InterfaceIndex') -and [uint32]$item.InterfaceIndex -notin @($given['InterfaceIndex'])) { continue }
            $item
        }
    }
    Mock -ModuleName MobyKit NetAdapter\Get-NetAdapterBinding {
        $given = $PSBoundParameters # only what the caller gave (a test's own variables must not leak in)
        foreach ($item in @(Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netAdapterBindings | Add-MobyKitSnapshotInterface)) {
            if ($given.ContainsKey('InterfaceDescription') -and -not @($given['InterfaceDescription'] | Where-Object -FilterScript { [string]$item.InterfaceDescription -like $_ })) { continue }
            if ($given.ContainsKey('ComponentID') -and [string]$item.ComponentID -notin @($given['ComponentID'])) { continue }
            $item
        }
    }
    Mock -ModuleName MobyKit NetNat\Get-NetNat { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.netNats }

    Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallRule {
        $rule = @($global:MobyKitTestSnapshot.firewallRules | Where-Object -FilterScript { $_.Name -eq $Name[0] })
        if ($rule.Count -eq 0) { Write-WindowsError ("No MSFT_NetFirewallRule objects found with property 'Name' equal to '{0}'.  Verify the value of the property and retry." -f $Name[0]) ObjectNotFound; return }
        $r = $rule[0]
        [pscustomobject]@{ Name = $r.Name; DisplayName = $r.DisplayName; Enabled = $(if ($r.Enabled) { 'True' } else { 'False' }); Direction = $r.Direction; Action = $r.Action; Profile = $r.Profile; EdgeTraversalPolicy = $r.EdgeTraversalPolicy; Group = $r.Group; Description = $r.Description }
    }
    Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallApplicationFilter {
        $r = @($global:MobyKitTestSnapshot.firewallRules | Where-Object -FilterScript { $_.Name -eq $AssociatedNetFirewallRule.Name })[0]
        [pscustomobject]@{ Program = $r.Program }
    }
    Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallPortFilter {
        $r = @($global:MobyKitTestSnapshot.firewallRules | Where-Object -FilterScript { $_.Name -eq $AssociatedNetFirewallRule.Name })[0]
        # One port comes back as a string, several as an array, as CIM returns them.
        [pscustomobject]@{ Protocol = $r.Protocol; LocalPort = $(if (@($r.LocalPort).Count -eq 1) { [string]$r.LocalPort[0] } else { [string[]]$r.LocalPort }) }
    }
    Mock -ModuleName MobyKit NetSecurity\Get-NetFirewallAddressFilter {
        $r = @($global:MobyKitTestSnapshot.firewallRules | Where-Object -FilterScript { $_.Name -eq $AssociatedNetFirewallRule.Name })[0]
        [pscustomobject]@{ LocalAddress = $(if (@($r.LocalAddress).Count -eq 1) { [string]$r.LocalAddress[0] } else { [string[]]$r.LocalAddress }); RemoteAddress = $(if (@($r.RemoteAddress).Count -eq 1) { [string]$r.RemoteAddress[0] } else { [string[]]$r.RemoteAddress }) }
    }
    Mock -ModuleName MobyKit NetTCPIP\Get-NetTCPConnection { Use-MobyKitSnapshotItem @($global:MobyKitTestSnapshot.tcpListeners | Where-Object -FilterScript { $LocalPort -contains $_.LocalPort }) }
    Mock -ModuleName MobyKit NetTCPIP\Get-NetUDPEndpoint { Use-MobyKitSnapshotItem @($global:MobyKitTestSnapshot.udpEndpoints | Where-Object -FilterScript { $LocalPort -contains $_.LocalPort }) }
    Mock -ModuleName MobyKit netsh.exe {
        $global:LASTEXITCODE = 0
        $protocol = ([string]$args[-1]) -replace '^protocol=', ''
        ''; 'Protocol ' + $protocol + ' Port Exclusion Ranges'; ''; 'Start Port    End Port'; '----------    --------'
        foreach ($range in @($global:MobyKitTestSnapshot.excludedPortRanges | Where-Object -FilterScript { $_.Protocol -eq $protocol })) { '{0,10}    {1,8}' -f $range.StartPort, $range.EndPort }
        ''; '* - Administered port exclusions.'
    }
    Mock -ModuleName MobyKit Get-Process { Use-MobyKitSnapshotItem @($global:MobyKitTestSnapshot.processes | Where-Object -FilterScript { $Id -contains $_.Id }) } -ParameterFilter { $null -ne $Id }

    Mock -ModuleName MobyKit Hyper-V\Get-VM {
        # -Id and -Name narrow the answer, as in the cmdlet (read from $PSBoundParameters: a test's own $Name must not leak in).
        $given = $PSBoundParameters
        foreach ($vm in @($global:MobyKitTestSnapshot.vms)) {
            if ($given.ContainsKey('Id') -and [guid]$vm.Id -notin @($given['Id'] | ForEach-Object -Process { [guid]$_ })) { continue }
            if ($given.ContainsKey('Name') -and $vm.Name -notin @($given['Name'])) { continue }
            $item = [pscustomobject]@{ Name = $vm.Name; Id = [guid]$vm.Id; State = $vm.State; Generation = $vm.Generation; MemoryStartup = $vm.MemoryStartup; ProcessorCount = $vm.ProcessorCount; Notes = $vm.Notes }
            # Get-VM has these only on newer Windows (as the snapshot says, by having them or not).
            foreach ($name in @('CheckpointType', 'AutomaticCheckpointsEnabled')) { if ($null -ne $vm.PSObject.Properties[$name]) { $item | Add-Member -NotePropertyName $name -NotePropertyValue $vm.$name } }
            $item
        }
    }
    Mock -ModuleName MobyKit Hyper-V\Get-VMSnapshot { Use-MobyKitSnapshotItem @(@($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript { $_.Name -eq $VM[0].Name })[0].Snapshots | ForEach-Object -Process { [pscustomobject]@{ Name = $_.Name; CreationTime = [datetime]::Parse($_.CreationTime, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal) } }) }
    Mock -ModuleName MobyKit Hyper-V\Get-VMFirmware {
        $firmware = @($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript { $_.Name -eq $VM[0].Name })[0].Firmware
        # The first boot device as an object of the type Get-VMDvdDrive returns (its type name is what the gather reads).
        Add-Type -TypeDefinition 'namespace MobyKitTest { public class DvdDrive {} public class HardDiskDrive {} }' -ErrorAction SilentlyContinue
        $device = $(if ($firmware.FirstBootDevice -eq 'DvdDrive') { New-Object -TypeName MobyKitTest.DvdDrive } elseif ($firmware.FirstBootDevice -eq 'HardDiskDrive') { New-Object -TypeName MobyKitTest.HardDiskDrive } else { $null })
        [pscustomobject]@{ SecureBoot = $firmware.SecureBoot; SecureBootTemplate = $firmware.SecureBootTemplate; BootOrder = @([pscustomobject]@{ Device = $device }) }
    }
    # The default disk folder: where the snapshot's VHDX is, else Windows' own default.
    Mock -ModuleName MobyKit Hyper-V\Get-VMHost {
        $vhdx = $(if ($null -ne $global:MobyKitTestSnapshot.files.PSObject.Properties['vhdx']) { $global:MobyKitTestSnapshot.files.vhdx.Path })
        [pscustomobject]@{ VirtualHardDiskPath = $(if ($vhdx) { $vhdx.Substring(0, $vhdx.LastIndexOf('\')) } else { 'C:\Users\Public\Documents\Hyper-V\Virtual hard disks' }) }
    }
    # A Windows path is joined with a backslash, as Join-Path does on Windows.
    Mock -ModuleName MobyKit Join-Path { (@(([string]@($Path)[0]).TrimEnd('\')) + @($ChildPath)) -join '\' } -ParameterFilter { [string]$Path -match '^[A-Za-z]:\\' -and $ChildPath -ne 'disk.vmdk' }
    Mock -ModuleName MobyKit SmbShare\Get-SmbServerConfiguration { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.smbServerConfiguration }
    Mock -ModuleName MobyKit Get-Command { if ($null -ne $global:MobyKitTestSnapshot.platform.defender) { [pscustomobject]@{ Name = 'Get-MpPreference' } } } -ParameterFilter { $Name -eq 'Get-MpPreference' }
    Mock -ModuleName MobyKit Get-MpPreference { Use-MobyKitSnapshotItem $global:MobyKitTestSnapshot.platform.defender }
    Mock -ModuleName MobyKit Get-MobyKitEngineState { if ($null -ne $global:MobyKitTestSnapshot.PSObject.Properties['engine']) { $e = $global:MobyKitTestSnapshot.engine; [ordered]@{ Endpoint = $e.Endpoint; Reachable = $e.Reachable; ServerVersion = $e.ServerVersion; Error = $e.Error } } }
    # The host vNICs (-ManagementOS): the snapshot's hostVNics, or each switch's 'vEthernet (<name>)'.
    Mock -ModuleName MobyKit Hyper-V\Get-VMNetworkAdapter {
        $snapshot = $global:MobyKitTestSnapshot
        if ($null -ne $snapshot.PSObject.Properties['hostVNics']) {
            # As Get-VMNetworkAdapter -ManagementOS returns them: with the switch's Id (the spec's hostVNics leave it out).
            foreach ($vnic in @($snapshot.hostVNics)) {
                $vmSwitch = @($snapshot.vmSwitches | Where-Object -FilterScript { $_.Name -eq $vnic.SwitchName }) | Select-Object -First 1
                [pscustomobject]@{ Name = $vnic.Name; SwitchName = $vnic.SwitchName; SwitchId = $(if ($null -ne $vmSwitch) { [string]$vmSwitch.Id } else { $null }); MacAddress = $vnic.MacAddress; DeviceId = $null }
            }
            return
        }
        foreach ($vmSwitch in @($snapshot.vmSwitches)) {
            $adapter = @($snapshot.netAdapters | Where-Object -FilterScript { $_.Name -eq ('vEthernet ({0})' -f $vmSwitch.Name) }) | Select-Object -First 1
            if ($null -ne $adapter) { [pscustomobject]@{ Name = $vmSwitch.Name; SwitchName = $vmSwitch.Name; SwitchId = [string]$vmSwitch.Id; MacAddress = ($adapter.MacAddress -replace '-', ''); DeviceId = $null } }
        }
    } -ParameterFilter { $ManagementOS }
    # A real integration service object also carries PrimaryOperationalStatus (Ok while it runs).
    Mock -ModuleName MobyKit Hyper-V\Get-VMIntegrationService {
        foreach ($service in @(@($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript { $_.Name -eq $VM[0].Name })[0].IntegrationServices)) {
            $object = $service.PSObject.Copy()
            if ($null -eq $object.PSObject.Properties['PrimaryOperationalStatus']) {
                $object | Add-Member -NotePropertyName PrimaryOperationalStatus -NotePropertyValue $(if ($service.PrimaryStatusDescription -eq 'OK') { 'Ok' } else { $null })
            }
            $object
        }
    }
    foreach ($pair in @(@('Get-VMDvdDrive', 'DvdDrives'), @('Get-VMHardDiskDrive', 'HardDrives'), @('Get-VMComPort', 'ComPorts'), @('Get-VMNetworkAdapter', 'NetworkAdapters'))) {
        $property = $pair[1]
        # Each device names its VM, as the Hyper-V objects do (VMName, VMId).
        Mock -ModuleName MobyKit ('Hyper-V\' + $pair[0]) ([scriptblock]::Create(('$vm = @($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript {{ $_.Name -eq $VM[0].Name }})[0]; foreach ($item in @(Use-MobyKitSnapshotItem $vm.{0})) {{ $item = $item.PSObject.Copy(); $item | Add-Member -NotePropertyName VMName -NotePropertyValue $vm.Name -Force; $item | Add-Member -NotePropertyName VMId -NotePropertyValue ([guid]$vm.Id) -Force; $item }}' -f $property)))
    }
    # As the real function returns them: Data is a SecureString.
    Mock -ModuleName MobyKit Get-MobyKitKvpHostItem {
        foreach ($item in @(Use-MobyKitSnapshotItem @($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript { [guid]$_.Id -eq $VMId })[0].KvpHostExchangeItems)) {
            [pscustomobject]@{ Name = $item.Name; Data = [System.Net.NetworkCredential]::new('', [string]$item.Data).SecurePassword; Source = $item.Source }
        }
    }

    Mock -ModuleName MobyKit SmbShare\Get-SmbShare {
        $shares = @($global:MobyKitTestSnapshot.smbShares | Where-Object -FilterScript { $null -eq $Name -or $_.Name -eq $Name[0] })
        if ($null -ne $Name -and $shares.Count -eq 0) { Write-WindowsError ("No MSFT_SmbShare objects found with property 'Name' equal to '{0}'." -f $Name[0]) ObjectNotFound; return }
        foreach ($share in $shares) { [pscustomobject]@{ Name = $share.Name; Path = $share.Path; CachingMode = $share.CachingMode; Description = $share.Description } }
    }
    Mock -ModuleName MobyKit SmbShare\Get-SmbShareAccess { Use-MobyKitSnapshotItem @($global:MobyKitTestSnapshot.smbShares | Where-Object -FilterScript { $_.Name -eq $Name[0] })[0].Access }

    Install-FakeNativeCredential
    foreach ($credential in @($Snapshot.credentials)) {
        [MobyKit.NativeCredential]::Store[$credential.TargetName] = [string[]]@($credential.UserName, 'not the real secret', $credential.Comment, $credential.Type)
    }

    $files = $Snapshot.files
    $global:MobyKitTestFiles = $files
    Mock -ModuleName MobyKit Test-Path { [bool]$global:MobyKitTestFiles.settingsDir.Exists } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.settingsDir.Path }
    Mock -ModuleName MobyKit Test-Path { [bool]$global:MobyKitTestFiles.logDir.Exists } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.logDir.Path }
    Mock -ModuleName MobyKit Test-Path { [bool]$global:MobyKitTestFiles.bootIso.Exists } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.bootIso.Path }
    if ($null -ne $files.PSObject.Properties['proxyProgram']) {
        Mock -ModuleName MobyKit Test-Path { [bool]$global:MobyKitTestFiles.proxyProgram.Exists } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.proxyProgram.Path }
    }
    Mock -ModuleName MobyKit Test-Path { [bool]$global:MobyKitTestFiles.vhdx.Exists } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.vhdx.Path }
    Mock -ModuleName MobyKit Get-Item { [pscustomobject]@{ Attributes = ($global:MobyKitTestFiles.vhdx.Attributes -join ', ') } } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.vhdx.Path }
    Mock -ModuleName MobyKit Get-ChildItem {
        $latest = $global:MobyKitTestFiles.logDir.LatestLog
        if ($null -ne $latest) {
            $time = [datetime]::Parse($latest.LastWriteTime, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)
            [pscustomobject]@{ Name = $latest.Name; PSIsContainer = $false; LastWriteTimeUtc = $time; LastWriteTime = $time; Length = [long]$latest.Length }
            [pscustomobject]@{ Name = 'older.txt'; PSIsContainer = $false; LastWriteTimeUtc = $time.AddDays(-1); LastWriteTime = $time.AddDays(-1); Length = 1 }
        }
    } -ParameterFilter { $LiteralPath -eq $global:MobyKitTestFiles.logDir.Path }
    # docker-machine: machines under a storage folder, each with disk.vmdk.
    $storage = '/mobykit-test/docker-machine'
    $env:MACHINE_STORAGE_PATH = $storage
    Mock -ModuleName MobyKit Test-Path { @($global:MobyKitTestFiles.toolboxMachines).Count -gt 0 } -ParameterFilter { $LiteralPath -eq (Join-Path '/mobykit-test/docker-machine' 'machines') }
    Mock -ModuleName MobyKit Get-ChildItem { foreach ($machine in @($global:MobyKitTestFiles.toolboxMachines)) { [pscustomobject]@{ Name = $machine.Name; FullName = (Split-Path -Parent $machine.DiskPath); PSIsContainer = $true } } } -ParameterFilter { $LiteralPath -eq (Join-Path '/mobykit-test/docker-machine' 'machines') }
    Mock -ModuleName MobyKit Test-Path { $true } -ParameterFilter { $LiteralPath -like '*disk.vmdk' }
    Mock -ModuleName MobyKit Join-Path { $machine = @($global:MobyKitTestFiles.toolboxMachines | Where-Object -FilterScript { (Split-Path -Parent $_.DiskPath) -eq $Path })[0]; $machine.DiskPath } -ParameterFilter { $ChildPath -eq 'disk.vmdk' }

    $time = [datetime]::Parse($Snapshot.capturedAt, [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal)
    $global:MobyKitTestCapturedAt = $time
    Mock -ModuleName MobyKit Get-Date { $global:MobyKitTestCapturedAt }
    $env:COMPUTERNAME = $Snapshot.computerName

    $firstVm = @($Snapshot.vms) | Select-Object -First 1
    $parameters = [ordered]@{
        SwitchName       = 'DockerNAT'
        NatName          = 'DockerNAT'
        # The snapshot's gatheredFor names the rules it was gathered for, found or not.
        FirewallRuleName = $(if ($null -ne $Snapshot.PSObject.Properties['gatheredFor']) { @($Snapshot.gatheredFor.firewallRules) } else { @($Snapshot.firewallRules | ForEach-Object -Process { $_.Name }) })
        TcpPort          = $(if ($null -ne $Snapshot.PSObject.Properties['gatheredFor']) { @($Snapshot.gatheredFor.tcpPorts) } else { @($Snapshot.tcpListeners | ForEach-Object -Process { [int]$_.LocalPort } | Sort-Object -Unique) })
        UdpPort          = $(if ($null -ne $Snapshot.PSObject.Properties['gatheredFor']) { @($Snapshot.gatheredFor.udpPorts) } else { @($Snapshot.udpEndpoints | ForEach-Object -Process { [int]$_.LocalPort } | Sort-Object -Unique) })
        VMName           = $(if ($null -ne $firstVm) { $firstVm.Name } else { 'MobyLinuxVM' })
        ShareName        = $(if (@($Snapshot.smbShares).Count -gt 0) { (@($Snapshot.smbShares) | Select-Object -First 1).Name } else { 'C' })
        CredentialTarget = 'Docker Host Filesystem Access'
        SettingsDir      = $files.settingsDir.Path
        LogDir           = $files.logDir.Path
        IsoPath          = $files.bootIso.Path
        VhdxPath         = $files.vhdx.Path
        Subnet           = '10.0.75.0/24'
        HostAddress      = '10.0.75.1'
        ShareUser        = 'DEV-PC\alice'
        KvpItemName      = 'cifsmount'
        EngineEndpoint   = 'tcp://10.0.75.2:2375'
    }
    if ($null -ne $files.PSObject.Properties['proxyProgram']) {
        $parameters.ProxyProgram = $files.proxyProgram.Path
    }
    return $parameters
}
