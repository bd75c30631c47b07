# How each platform command that changes a Windows host changes a host snapshot
# (../shared/spec/host-snapshot.md), the write side of SnapshotMocks.ps1: after
# Register-MobyKitSnapshotMock, Register-MobyKitSnapshotChange mocks these commands so that each
# changes $global:MobyKitTestSnapshot as Windows changes the host, and the read mocks then answer
# the new state. The one place for it: the Pester tests (SharedCases.Tests.ps1) and the fleet
# tests' simulated Windows hosts (test/fleet/FleetHost.ps1, which records these same mocks and
# keeps the state in the host's snapshot file) both use it.
# Each body turns strict mode off for itself: a parameter the caller left out is $null, as in the
# cmdlet (Pester defines only the bound ones).
# Objects come in as the read mocks hand them out (a switch, a VM, a binding ...), so each change
# finds its item again by identity (Id, Name and VM), never by position.

# The commands below, for a caller that must know which calls change the host (the fleet host saves after them).
$global:MobyKitSnapshotChangeCommands = @(
    'New-VMSwitch', 'Remove-VMSwitch', 'Set-NetIPInterface', 'New-NetIPAddress', 'Remove-NetIPAddress', 'Set-NetConnectionProfile',
    'Disable-NetAdapterBinding', 'Enable-NetAdapterBinding', 'New-NetNat', 'Remove-NetNat',
    'New-NetFirewallRule', 'Set-NetFirewallRule', 'Remove-NetFirewallRule',
    'New-SmbShare', 'Set-SmbShare', 'Remove-SmbShare', 'Grant-SmbShareAccess', 'Revoke-SmbShareAccess',
    'New-VM', 'Set-VM', 'Set-VMProcessor', 'Add-VMDvdDrive', 'Set-VMDvdDrive', 'Set-VMComPort', 'Enable-VMIntegrationService',
    'Disable-VMIntegrationService', 'Set-VMFirmware', 'Start-VM', 'Stop-VM', 'Remove-VM', 'Rename-VM', 'Remove-Item',
    'New-LocalUser', 'Remove-LocalUser'
)

function global:Get-MobyKitSnapshotVM {
    # The snapshot's VM for a VM object, a device or an integration service (by VMId, Id or VMName).
    param([Parameter(Mandatory = $true)]$For)
    $vms = @($global:MobyKitTestSnapshot.vms)
    if ($null -ne $For.PSObject.Properties['VMId']) { return @($vms | Where-Object -FilterScript { [guid]$_.Id -eq [guid]$For.VMId })[0] }
    if ($null -ne $For.PSObject.Properties['Id'] -and $For.Id -is [guid]) { return @($vms | Where-Object -FilterScript { [guid]$_.Id -eq $For.Id })[0] }
    if ($null -ne $For.PSObject.Properties['Id'] -and [string]$For.Id -match '^Microsoft:([0-9A-Fa-f-]{36})[\\/]') { $id = [guid]$Matches[1]; return @($vms | Where-Object -FilterScript { [guid]$_.Id -eq $id })[0] }
    return @($vms | Where-Object -FilterScript { $_.Name -eq $For.VMName })[0]
}

function global:Register-MobyKitSnapshotChange {
    # --- Switch and its host vNIC: an Internal switch brings a host vNIC "vEthernet (<name>)" that
    # starts on DHCP (a link-local address, as no DHCP server answers) in the Public profile.
    Mock -ModuleName MobyKit Hyper-V\New-VMSwitch { Set-StrictMode -Off;
        $snapshot = $global:MobyKitTestSnapshot
        $id = [guid]::NewGuid().ToString()
        $snapshot.vmSwitches = @($snapshot.vmSwitches) + [pscustomobject]@{ Name = $Name; Id = $id; SwitchType = [string]$SwitchType; Notes = $Notes }
        $alias = 'vEthernet ({0})' -f $Name
        $index = 1 + (@($snapshot.netAdapters | ForEach-Object -Process { [int]$_.ifIndex }) + 1 | Measure-Object -Maximum).Maximum
        $bytes = [guid]::NewGuid().ToByteArray()
        $mac = '00-15-5D-{0:X2}-{1:X2}-{2:X2}' -f $bytes[0], $bytes[1], $bytes[2]
        $snapshot.netAdapters = @($snapshot.netAdapters) + [pscustomobject]@{ Name = $alias; InterfaceDescription = 'Hyper-V Virtual Ethernet Adapter'; ifIndex = $index; Status = 'Up'; MacAddress = $mac }
        if ($null -ne $snapshot.PSObject.Properties['hostVNics']) { $snapshot.hostVNics = @($snapshot.hostVNics) + [pscustomobject]@{ Name = $Name; SwitchName = $Name; MacAddress = ($mac -replace '-', '') } }
        $snapshot.netIPAddresses = @($snapshot.netIPAddresses) + [pscustomobject]@{ InterfaceAlias = $alias; InterfaceIndex = $index; IPAddress = ('169.254.{0}.{1}' -f $bytes[3], (1 + $bytes[4] % 254)); PrefixLength = 16; AddressFamily = 'IPv4'; PrefixOrigin = 'WellKnown' }
        $snapshot.netIPInterfaces = @($snapshot.netIPInterfaces) + [pscustomobject]@{ InterfaceAlias = $alias; AddressFamily = 'IPv4'; Dhcp = 'Enabled' }
        $snapshot.netConnectionProfiles = @($snapshot.netConnectionProfiles) + [pscustomobject]@{ InterfaceAlias = $alias; NetworkCategory = 'Public' }
        $snapshot.netAdapterBindings = @($snapshot.netAdapterBindings) + [pscustomobject]@{ Name = $alias; ComponentID = 'ms_server'; Enabled = $true }
        [pscustomobject]@{ Name = $Name; Id = [guid]$id; SwitchType = [string]$SwitchType; Notes = $Notes }
    }
    Mock -ModuleName MobyKit Hyper-V\Remove-VMSwitch { Set-StrictMode -Off;
        $snapshot = $global:MobyKitTestSnapshot
        foreach ($gone in @($VMSwitch)) {
            $switch = @($snapshot.vmSwitches | Where-Object -FilterScript { [string]$_.Id -eq [string]$gone.Id })[0]
            if ($null -eq $switch) { continue }
            $snapshot.vmSwitches = @($snapshot.vmSwitches | Where-Object -FilterScript { [string]$_.Id -ne [string]$switch.Id })
            # Its host vNIC goes with it: found by MAC through hostVNics, else by its default name.
            $vnic = $null
            if ($null -ne $snapshot.PSObject.Properties['hostVNics']) {
                $vnic = @($snapshot.hostVNics | Where-Object -FilterScript { $_.SwitchName -eq $switch.Name })[0]
                $snapshot.hostVNics = @($snapshot.hostVNics | Where-Object -FilterScript { $_.SwitchName -ne $switch.Name })
            }
            $adapter = $(if ($null -ne $vnic) { @($snapshot.netAdapters | Where-Object -FilterScript { ($_.MacAddress -replace '-', '') -eq $vnic.MacAddress })[0] } else { @($snapshot.netAdapters | Where-Object -FilterScript { $_.Name -eq ('vEthernet ({0})' -f $switch.Name) })[0] })
            if ($null -eq $adapter) { continue }
            $snapshot.netAdapters = @($snapshot.netAdapters | Where-Object -FilterScript { $_.Name -ne $adapter.Name })
            foreach ($section in @('netIPAddresses', 'netIPInterfaces', 'netConnectionProfiles', 'netRoutes')) { $snapshot.$section = @($snapshot.$section | Where-Object -FilterScript { $_.InterfaceAlias -ne $adapter.Name }) }
            $snapshot.netAdapterBindings = @($snapshot.netAdapterBindings | Where-Object -FilterScript { $_.Name -ne $adapter.Name })
        }
    }

    # --- The vNIC's address and profile (by InterfaceIndex, as the module calls them).
    function global:Get-MobyKitSnapshotAlias([uint32]$Index) { [string]@($global:MobyKitTestSnapshot.netAdapters | Where-Object -FilterScript { [uint32]$_.ifIndex -eq $Index })[0].Name }
    Mock -ModuleName MobyKit NetTCPIP\Set-NetIPInterface { Set-StrictMode -Off;
        $alias = Get-MobyKitSnapshotAlias $InterfaceIndex[0]
        foreach ($item in @($global:MobyKitTestSnapshot.netIPInterfaces | Where-Object -FilterScript { $_.InterfaceAlias -eq $alias })) { if ($null -ne $Dhcp) { $item.Dhcp = [string]$Dhcp } }
        # DHCP off drops the address DHCP (or link-local) gave.
        if ([string]$Dhcp -eq 'Disabled') { $global:MobyKitTestSnapshot.netIPAddresses = @($global:MobyKitTestSnapshot.netIPAddresses | Where-Object -FilterScript { -not ($_.InterfaceAlias -eq $alias -and $_.AddressFamily -eq 'IPv4' -and $_.PrefixOrigin -in @('Dhcp', 'WellKnown') -and $_.IPAddress -like '169.254.*') }) }
    }
    Mock -ModuleName MobyKit NetTCPIP\New-NetIPAddress { Set-StrictMode -Off;
        $snapshot = $global:MobyKitTestSnapshot
        $alias = Get-MobyKitSnapshotAlias $InterfaceIndex
        if (@($snapshot.netIPAddresses | Where-Object -FilterScript { $_.InterfaceAlias -eq $alias -and $_.IPAddress -eq $IPAddress }).Count -gt 0) { Invoke-WindowsRefusal New-NetIPAddress 'The object already exists.' ResourceExists }
        $snapshot.netIPAddresses = @($snapshot.netIPAddresses) + [pscustomobject]@{ InterfaceAlias = $alias; InterfaceIndex = [int]$InterfaceIndex; IPAddress = $IPAddress; PrefixLength = [int]$PrefixLength; AddressFamily = 'IPv4'; PrefixOrigin = 'Manual' }
    }
    Mock -ModuleName MobyKit NetTCPIP\Remove-NetIPAddress { Set-StrictMode -Off;
        $alias = Get-MobyKitSnapshotAlias $InterfaceIndex[0]
        $global:MobyKitTestSnapshot.netIPAddresses = @($global:MobyKitTestSnapshot.netIPAddresses | Where-Object -FilterScript { -not ($_.InterfaceAlias -eq $alias -and $_.IPAddress -in @($IPAddress)) })
    }
    Mock -ModuleName MobyKit NetConnection\Set-NetConnectionProfile { Set-StrictMode -Off;
        $alias = Get-MobyKitSnapshotAlias $InterfaceIndex[0]
        foreach ($item in @($global:MobyKitTestSnapshot.netConnectionProfiles | Where-Object -FilterScript { $_.InterfaceAlias -eq $alias })) { $item.NetworkCategory = [string]$NetworkCategory }
    }
    Mock -ModuleName MobyKit NetAdapter\Disable-NetAdapterBinding { Set-StrictMode -Off; foreach ($b in @($InputObject)) { foreach ($item in @($global:MobyKitTestSnapshot.netAdapterBindings | Where-Object -FilterScript { $_.Name -eq $b.Name -and $_.ComponentID -eq $b.ComponentID })) { $item.Enabled = $false } } }
    Mock -ModuleName MobyKit NetAdapter\Enable-NetAdapterBinding { Set-StrictMode -Off; foreach ($b in @($InputObject)) { foreach ($item in @($global:MobyKitTestSnapshot.netAdapterBindings | Where-Object -FilterScript { $_.Name -eq $b.Name -and $_.ComponentID -eq $b.ComponentID })) { $item.Enabled = $true } } }

    # --- NAT.
    Mock -ModuleName MobyKit NetNat\New-NetNat { Set-StrictMode -Off; $global:MobyKitTestSnapshot.netNats = @($global:MobyKitTestSnapshot.netNats) + [pscustomobject]@{ Name = $Name; InternalIPInterfaceAddressPrefix = $InternalIPInterfaceAddressPrefix; Active = $true } }
    Mock -ModuleName MobyKit NetNat\Remove-NetNat { Set-StrictMode -Off; $global:MobyKitTestSnapshot.netNats = @($global:MobyKitTestSnapshot.netNats | Where-Object { $_.Name -ne $InputObject[0].Name }) }

    # --- Firewall rules (a port, address or program left out is "Any", as Windows stores it).
    Mock -ModuleName MobyKit NetSecurity\New-NetFirewallRule { Set-StrictMode -Off;
        if (@($global:MobyKitTestSnapshot.firewallRules | Where-Object -FilterScript { $_.Name -eq $Name }).Count -gt 0) { Invoke-WindowsRefusal New-NetFirewallRule 'Cannot create a file when that file already exists.' ResourceExists }
        $any = { param($v) if ($null -eq $v -or @($v).Count -eq 0) { , @('Any') } else { , @([string[]]$v) } }
        $global:MobyKitTestSnapshot.firewallRules = @($global:MobyKitTestSnapshot.firewallRules) + [pscustomobject]@{
            Name = $Name; Enabled = ([string]$Enabled -ne 'False'); DisplayName = $(if ($DisplayName) { $DisplayName } else { $Name }); Direction = [string]$Direction; Action = [string]$Action
            Profile = $(if ($null -ne $Profile) { [string]$Profile } else { 'Any' }); EdgeTraversalPolicy = $(if ($null -ne $EdgeTraversalPolicy) { [string]$EdgeTraversalPolicy } else { 'Block' })
            Program = $(if ($Program) { $Program } else { 'Any' }); Protocol = $(if ($Protocol) { [string]$Protocol } else { 'Any' }); Group = $Group; Description = $Description
            LocalPort = (& $any $LocalPort); LocalAddress = (& $any $LocalAddress); RemoteAddress = (& $any $RemoteAddress)
        }
    }
    Mock -ModuleName MobyKit NetSecurity\Set-NetFirewallRule { Set-StrictMode -Off;
        foreach ($given in @($InputObject)) {
            foreach ($rule in @($global:MobyKitTestSnapshot.firewallRules | Where-Object -FilterScript { $_.Name -eq $given.Name })) {
                if ($null -ne $NewDisplayName) { $rule.DisplayName = $NewDisplayName }
                foreach ($p in @('Direction', 'Action', 'Protocol', 'Program', 'Profile', 'EdgeTraversalPolicy', 'Description')) { $v = Get-Variable -Name $p -ValueOnly; if ($null -ne $v) { $rule.$p = [string]$v } }
                foreach ($p in @('LocalPort', 'LocalAddress', 'RemoteAddress')) { $v = Get-Variable -Name $p -ValueOnly; if ($null -ne $v) { $rule.$p = @([string[]]$v) } }
                if ($null -ne $Enabled) { $rule.Enabled = ([string]$Enabled -ne 'False') }
                # Set-NetFirewallRule -InputObject writes back what the object says (the module sets Group that way).
                if ($null -ne $given.PSObject.Properties['Group'] -and [string]$given.Group -ne [string]$rule.Group) { $rule.Group = $given.Group }
            }
        }
    }
    Mock -ModuleName MobyKit NetSecurity\Remove-NetFirewallRule { Set-StrictMode -Off; $gone = @($(if ($null -ne $InputObject) { @($InputObject | ForEach-Object -Process { $_.Name }) } else { $Name })); $global:MobyKitTestSnapshot.firewallRules = @($global:MobyKitTestSnapshot.firewallRules | Where-Object { $_.Name -notin $gone }) }

    # --- SMB share: New-SmbShare with no access list grants Everyone Read, as Windows does.
    Mock -ModuleName MobyKit SmbShare\New-SmbShare { Set-StrictMode -Off;
        if (@($global:MobyKitTestSnapshot.smbShares | Where-Object -FilterScript { $_.Name -eq $Name }).Count -gt 0) { Invoke-WindowsRefusal New-SmbShare 'The name has already been shared.' ResourceExists }
        $access = @(foreach ($account in @($FullAccess)) { if ($account) { [pscustomobject]@{ AccountName = $account; AccessControlType = 'Allow'; AccessRight = 'Full' } } })
        if ($access.Count -eq 0) { $access = @([pscustomobject]@{ AccountName = 'Everyone'; AccessControlType = 'Allow'; AccessRight = 'Read' }) }
        $global:MobyKitTestSnapshot.smbShares = @($global:MobyKitTestSnapshot.smbShares) + [pscustomobject]@{ Name = $Name; Path = $Path; CachingMode = $(if ($null -ne $CachingMode) { [string]$CachingMode } else { 'Manual' }); Description = $(if ($null -ne $Description) { $Description } else { '' }); Access = $access }
    }
    Mock -ModuleName MobyKit SmbShare\Set-SmbShare { Set-StrictMode -Off; foreach ($share in @($global:MobyKitTestSnapshot.smbShares | Where-Object -FilterScript { $_.Name -in @($Name) })) { if ($null -ne $CachingMode) { $share.CachingMode = [string]$CachingMode }; if ($null -ne $Description) { $share.Description = $Description } } }
    Mock -ModuleName MobyKit SmbShare\Remove-SmbShare { Set-StrictMode -Off; $global:MobyKitTestSnapshot.smbShares = @($global:MobyKitTestSnapshot.smbShares | Where-Object { $_.Name -ne $Name[0] }) }
    Mock -ModuleName MobyKit SmbShare\Grant-SmbShareAccess { Set-StrictMode -Off;
        foreach ($share in @($global:MobyKitTestSnapshot.smbShares | Where-Object -FilterScript { $_.Name -in @($Name) })) {
            $share.Access = @(@($share.Access) | Where-Object -FilterScript { $null -ne $_ -and -not ($_.AccountName -in @($AccountName) -and $_.AccessControlType -eq 'Allow') }) + @(foreach ($account in @($AccountName)) { [pscustomobject]@{ AccountName = $account; AccessControlType = 'Allow'; AccessRight = [string]$AccessRight } })
        }
    }
    Mock -ModuleName MobyKit SmbShare\Revoke-SmbShareAccess { Set-StrictMode -Off;
        foreach ($share in @($global:MobyKitTestSnapshot.smbShares | Where-Object -FilterScript { $_.Name -in @($Name) })) { $share.Access = @(@($share.Access) | Where-Object -FilterScript { $null -ne $_ -and $_.AccountName -notin @($AccountName) }) }
    }

    # --- Local accounts (the snapshot's localAccounts). New-LocalUser gives the account the next
    # RID after the host's highest (from 1001, as Windows counts its first users) under the
    # machine's domain SID (the one its accounts share, else a made-up one); a name already taken
    # is refused as Windows does. The password is not kept: nothing can read it back on Windows either.
    Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\New-LocalUser { Set-StrictMode -Off;
        $accounts = @($global:MobyKitTestSnapshot.localAccounts | Where-Object -FilterScript { $null -ne $_ })
        if (@($accounts | Where-Object -FilterScript { $_.Name -eq $Name }).Count -gt 0) { Write-WindowsError ('User {0} already exists.' -f $Name) ResourceExists; return }
        $machine = 'S-1-5-21-3623811015-3361044348-30300820'
        $rids = @(1000)
        foreach ($account in $accounts) {
            if ([string]$account.SID -match '^(S-1-5-21-\d+-\d+-\d+)-(\d+)$') { $machine = $Matches[1]; $rids += [int]$Matches[2] }
        }
        $account = [pscustomobject]@{ Name = $Name; SID = ('{0}-{1}' -f $machine, (1 + ($rids | Measure-Object -Maximum).Maximum)); Enabled = (-not $PesterBoundParameters.ContainsKey('Disabled')); Description = [string]$Description }
        if ($null -eq $global:MobyKitTestSnapshot.PSObject.Properties['localAccounts']) { $global:MobyKitTestSnapshot | Add-Member -NotePropertyName localAccounts -NotePropertyValue @() }
        $global:MobyKitTestSnapshot.localAccounts = @($accounts) + $account
        $account
    }
    # Set-LocalUser changes what the snapshot does not hold, the password: the account (by SID) must
    # exist, and the password is kept aside in $global:MobyKitTestAccountPassword, as only Windows'
    # account database knows it, for a test to look for it where it must never be.
    Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Set-LocalUser { Set-StrictMode -Off;
        if (-not $PesterBoundParameters.ContainsKey('SID')) { throw 'the simulated host finds the account to change by -SID only' }
        if (@($global:MobyKitTestSnapshot.localAccounts | Where-Object -FilterScript { $null -ne $_ -and [string]$_.SID -eq [string]$SID }).Count -eq 0) { Write-WindowsError ('User {0} was not found.' -f $SID) ObjectNotFound; return }
        if ($null -ne $Password) { $global:MobyKitTestAccountPassword = [System.Net.NetworkCredential]::new('', $Password).Password }
    }
    Mock -ModuleName MobyKit Microsoft.PowerShell.LocalAccounts\Remove-LocalUser { Set-StrictMode -Off;
        if (-not $PesterBoundParameters.ContainsKey('SID')) { throw 'the simulated host finds the account to remove by -SID only' }
        $keys = @(@($SID) | ForEach-Object -Process { [string]$_ })
        $gone = @($global:MobyKitTestSnapshot.localAccounts | Where-Object -FilterScript { $null -ne $_ -and [string]$_.SID -in $keys })
        if ($gone.Count -eq 0) { Write-WindowsError ('User {0} was not found.' -f ($keys -join ', ')) ObjectNotFound; return }
        $global:MobyKitTestSnapshot.localAccounts = @($global:MobyKitTestSnapshot.localAccounts | Where-Object -FilterScript { $null -ne $_ -and [string]$_.SID -notin $keys })
    }

    # --- VM: New-VM makes an Off VM with a new dynamic disk (the file appears), one network
    # adapter on the switch, two COM ports, the default integration services and Secure Boot on.
    Mock -ModuleName MobyKit Hyper-V\New-VM { Set-StrictMode -Off;
        $snapshot = $global:MobyKitTestSnapshot
        $id = [guid]::NewGuid()
        $disk = $(if ($NewVHDPath) { $NewVHDPath } else { $VHDPath })
        $vhdx = $(if ($null -ne $snapshot.files.PSObject.Properties['vhdx']) { $snapshot.files.vhdx })
        if ($NewVHDPath -and $null -ne $vhdx -and $vhdx.Path -eq $NewVHDPath) {
            if ($vhdx.Exists) { Invoke-WindowsRefusal New-VM ("Failed to create the virtual hard disk. The file exists. ({0})" -f $NewVHDPath) ResourceExists }
            $vhdx.Exists = $true
        }
        $service = { param($n, $g, $on) [pscustomobject]@{ Name = $n; Id = ('Microsoft:{0}/{1}' -f $id.ToString().ToUpperInvariant(), $g); Enabled = $on; PrimaryStatusDescription = '' } }
        $vm = [pscustomobject]@{
            Name = $Name; Id = $id.ToString(); State = 'Off'; Generation = [int]$Generation; MemoryStartup = [long]$MemoryStartupBytes; ProcessorCount = 1
            DvdDrives = @(); HardDrives = @($(if ($disk) { [pscustomobject]@{ Path = $disk } })); ComPorts = @([pscustomobject]@{ Name = 'COM 1'; Path = '' }, [pscustomobject]@{ Name = 'COM 2'; Path = '' })
            IntegrationServices = @((& $service 'Guest Service Interface' '6C09BB55-D683-4DA0-8931-C9BF705F6480' $false), (& $service 'Heartbeat' '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47' $true),
                (& $service 'Key-Value Pair Exchange' '2A34B1C2-FD73-4043-8A5B-DD2159BC743F' $true), (& $service 'Shutdown' '9F8233AC-BE49-4C79-8EE3-E7E1985B2077' $true),
                (& $service 'Time Synchronization' '2497F4DE-E9FA-4204-80E4-4B75C46419C0' $true), (& $service 'VSS' '5CED1297-4598-4915-A5FC-AD21BB4D02A4' $true))
            NetworkAdapters = @([pscustomobject]@{ Name = 'Network Adapter'; SwitchName = $SwitchName; MacAddress = '000000000000'; IPAddresses = @() })
            KvpHostExchangeItems = @(); Notes = ''; CheckpointType = 'Standard'; AutomaticCheckpointsEnabled = $true; Snapshots = @()
            Firmware = $(if ([int]$Generation -eq 2) { [pscustomobject]@{ SecureBoot = 'On'; SecureBootTemplate = 'MicrosoftWindows'; FirstBootDevice = 'HardDiskDrive' } } else { $null })
        }
        $snapshot.vms = @($snapshot.vms) + $vm
        [pscustomobject]@{ Name = $Name; Id = $id; State = 'Off'; Generation = [int]$Generation }
    }
    Mock -ModuleName MobyKit Hyper-V\Set-VM { Set-StrictMode -Off;
        foreach ($given in @($VM)) {
            $item = Get-MobyKitSnapshotVM $given
            if ($null -ne $Notes) { $item.Notes = $Notes }
            if ($null -ne $CheckpointType) { $item.CheckpointType = [string]$CheckpointType }
            if ($null -ne $AutomaticCheckpointsEnabled -and $null -ne $item.PSObject.Properties['AutomaticCheckpointsEnabled']) { $item.AutomaticCheckpointsEnabled = [bool]$AutomaticCheckpointsEnabled }
            if ($null -ne $ProcessorCount) { $item.ProcessorCount = [int]$ProcessorCount }
            if ($null -ne $MemoryStartupBytes) { $item.MemoryStartup = [long]$MemoryStartupBytes }
        }
    }
    Mock -ModuleName MobyKit Hyper-V\Set-VMProcessor { Set-StrictMode -Off; foreach ($given in @($VM)) { (Get-MobyKitSnapshotVM $given).ProcessorCount = [int]$Count } }
    Mock -ModuleName MobyKit Hyper-V\Add-VMDvdDrive { Set-StrictMode -Off; foreach ($given in @($VM)) { $item = Get-MobyKitSnapshotVM $given; $item.DvdDrives = @($item.DvdDrives) + [pscustomobject]@{ Path = $Path } } }
    Mock -ModuleName MobyKit Hyper-V\Set-VMDvdDrive { Set-StrictMode -Off; foreach ($drive in @($VMDvdDrive)) { $item = Get-MobyKitSnapshotVM $drive; @($item.DvdDrives)[0].Path = $Path } }
    Mock -ModuleName MobyKit Hyper-V\Set-VMComPort { Set-StrictMode -Off; foreach ($given in @($VM)) { $item = Get-MobyKitSnapshotVM $given; foreach ($port in @($item.ComPorts | Where-Object -FilterScript { $_.Name -eq ('COM {0}' -f $Number) })) { $port.Path = $Path } } }
    Mock -ModuleName MobyKit Hyper-V\Enable-VMIntegrationService { Set-StrictMode -Off; foreach ($given in @($VMIntegrationService)) { $item = Get-MobyKitSnapshotVM $given; foreach ($service in @($item.IntegrationServices | Where-Object -FilterScript { $_.Id -eq $given.Id })) { $service.Enabled = $true; if ($item.State -eq 'Running') { $service.PrimaryStatusDescription = 'OK' } } } }
    Mock -ModuleName MobyKit Hyper-V\Disable-VMIntegrationService { Set-StrictMode -Off; foreach ($given in @($VMIntegrationService)) { $item = Get-MobyKitSnapshotVM $given; foreach ($service in @($item.IntegrationServices | Where-Object -FilterScript { $_.Id -eq $given.Id })) { $service.Enabled = $false; $service.PrimaryStatusDescription = '' } } }
    Mock -ModuleName MobyKit Hyper-V\Set-VMFirmware { Set-StrictMode -Off;
        foreach ($given in @($VM)) {
            $firmware = (Get-MobyKitSnapshotVM $given).Firmware
            if ($null -ne $EnableSecureBoot) { $firmware.SecureBoot = [string]$EnableSecureBoot }
            # The device handed over is one of the VM's DVD drives (as Get-VMDvdDrive gave it) or a disk.
            if ($null -ne $FirstBootDevice) { $firmware.FirstBootDevice = $(if (@((Get-MobyKitSnapshotVM $given).DvdDrives | Where-Object -FilterScript { $_.Path -eq $FirstBootDevice.Path }).Count -gt 0) { 'DvdDrive' } else { 'HardDiskDrive' }) }
        }
    }
    # A started VM's guest answers through the enabled integration services.
    # Hyper-V refuses to start a VM whose startup memory exceeds the host's free memory.
    Mock -ModuleName MobyKit Hyper-V\Start-VM {
        Set-StrictMode -Off
        foreach ($given in @($VM)) {
            $item = Get-MobyKitSnapshotVM $given
            if ([long]$item.MemoryStartup -gt 1024 * [long]$global:MobyKitTestSnapshot.platform.os.FreePhysicalMemory) {
                Invoke-WindowsRefusal Start-VM ("'{0}' failed to start. Not enough memory in the system to start the virtual machine {0}." -f $item.Name) ResourceUnavailable
            }
            $item.State = 'Running'
            foreach ($service in @($item.IntegrationServices | Where-Object -FilterScript { $_.Enabled })) { $service.PrimaryStatusDescription = 'OK' }
        }
    }
    Mock -ModuleName MobyKit Hyper-V\Stop-VM { Set-StrictMode -Off; foreach ($given in @($VM)) { $item = Get-MobyKitSnapshotVM $given; $item.State = 'Off'; foreach ($service in @($item.IntegrationServices)) { $service.PrimaryStatusDescription = '' } } }
    Mock -ModuleName MobyKit Hyper-V\Rename-VM { Set-StrictMode -Off; foreach ($vm in @($global:MobyKitTestSnapshot.vms | Where-Object { [guid]$_.Id -eq $VM[0].Id })) { $vm.Name = $NewName } }
    # Remove-VM keeps the VM's disk files, as Hyper-V does.
    Mock -ModuleName MobyKit Remove-Item { Set-StrictMode -Off; $global:MobyKitTestFiles.vhdx.Exists = $false } -ParameterFilter { $null -ne $global:MobyKitTestFiles.PSObject.Properties['vhdx'] -and $LiteralPath -eq $global:MobyKitTestFiles.vhdx.Path }
    Mock -ModuleName MobyKit Hyper-V\Remove-VM { Set-StrictMode -Off; foreach ($given in @($VM)) { $item = Get-MobyKitSnapshotVM $given; $global:MobyKitTestSnapshot.vms = @($global:MobyKitTestSnapshot.vms | Where-Object -FilterScript { $_.Id -ne $item.Id }) } }
}
