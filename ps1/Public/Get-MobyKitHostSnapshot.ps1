function Get-MobyKitHostSnapshot {
    <#
    .SYNOPSIS
        Describes the host as one mobykit host snapshot (version 1), read-only.
    .DESCRIPTION
        Gathers platform, services, Hyper-V switches and VMs, networking, the firewall rules,
        listeners and processes mobykit cares about, KVP items, SMB shares, Credential Manager
        entries and files, with the property names the Windows cmdlets and CIM classes emit.
        Queries are scoped to what the parameters name. Each query that fails leaves its section
        empty and adds { Source, Message } to 'errors'; the snapshot is still produced.
        No secret is ever included: KVP 'password=' values become '***' and credentials carry
        their user name only. Returns an ordered dictionary for ConvertTo-Json -Depth 20.
    .PARAMETER SwitchName
        mobykit's virtual switch (all switches are listed; this one is expected among them).
    .PARAMETER NatName
        mobykit's NAT.
    .PARAMETER FirewallRuleName
        The Names of mobykit's firewall rules: only these are read, with their filters.
    .PARAMETER TcpPort
        TCP ports mobykit needs: their listeners and owning processes are reported.
    .PARAMETER UdpPort
        UDP ports mobykit needs: their endpoints and owning processes are reported.
    .PARAMETER VMName
        mobykit's VM: only VMs of this name are described (all VMs when omitted).
    .PARAMETER ShareName
        mobykit's SMB share: only this share is described (all shares when omitted).
    .PARAMETER CredentialTarget
        mobykit's Credential Manager target.
    .PARAMETER SettingsDir
        The settings folder; %VAR% references are expanded (%APPDATA%\Docker).
    .PARAMETER LogDir
        The log folder (%VAR% expanded); its most recent file is reported.
    .PARAMETER IsoPath
        The boot ISO.
    .PARAMETER ProxyProgram
        The proxy program the firewall rules allow (com.docker.proxy.exe): whether it is there is
        reported in files.proxyProgram (left out when omitted).
    .PARAMETER VhdxPath
        The VM's disk; empty: <VMName>.vhdx in Get-VMHost's VirtualHardDiskPath.
    .PARAMETER Subnet
        The VM subnet, recorded in gatheredFor.
    .PARAMETER HostAddress
        The host's address on the VM subnet, recorded in gatheredFor.
    .PARAMETER ShareUser
        The account the share is for (the current user when omitted), recorded in gatheredFor.
    .PARAMETER ShareAccountName
        mobykit's local share account (--share-account local): the local accounts of that name go
        in localAccounts (Name, SID, Enabled, Description). Omitted: the section is left out.
    .PARAMETER KvpItemName
        The name of the KVP mount item, recorded in gatheredFor.
    .PARAMETER EngineEndpoint
        The Docker API the VM serves (tcp://address:port): probed with one read-only GET /version
        while the VM is running.
    .EXAMPLE
        Get-MobyKitHostSnapshot -SwitchName DockerNAT -NatName DockerNAT -FirewallRuleName DockerTcp, DockerUdp -TcpPort 2375 -UdpPort 53 -VMName MobyLinuxVM -ShareName C -CredentialTarget 'Docker Host Filesystem Access' | ConvertTo-Json -Depth 20
    #>
    [CmdletBinding()]
    [OutputType([System.Collections.Specialized.OrderedDictionary])]
    param(
        [string]$SwitchName,
        [string]$NatName,
        [string[]]$FirewallRuleName = @(),
        [int[]]$TcpPort = @(),
        [int[]]$UdpPort = @(),
        [string]$VMName,
        [string]$ShareName,
        [string]$CredentialTarget,
        [string]$SettingsDir,
        [string]$LogDir,
        [string]$IsoPath,
        [string]$ProxyProgram,
        [string]$VhdxPath,
        [string]$Subnet,
        [string]$HostAddress,
        [string]$ShareUser,
        [string]$ShareAccountName,
        [string]$KvpItemName,
        [string]$EngineEndpoint
    )

    $errors = New-Object -TypeName System.Collections.Generic.List[object]

    # ---- platform -------------------------------------------------------------------------
    $os = $null
    $osFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Win32_OperatingSystem' -SnapshotErrors $errors -SnapshotQuery {
        $item = CimCmdlets\Get-CimInstance -ClassName 'Win32_OperatingSystem' -ErrorAction Stop
        [ordered]@{
            Caption                = [string]$item.Caption
            Version                = [string]$item.Version
            BuildNumber            = [string]$item.BuildNumber
            ProductType            = [int]$item.ProductType
            FreePhysicalMemory     = [long]$item.FreePhysicalMemory
            TotalVisibleMemorySize = [long]$item.TotalVisibleMemorySize
        }
    }
    if ($osFound.Count -gt 0) {
        $os = $osFound[0]
    }
    else {
        # Partial is fine: the reader requires these objects, so a failed query leaves empty values
        # (its reason is in 'errors') rather than a null that would make the whole snapshot invalid.
        $os = [ordered]@{ Caption = ''; Version = ''; BuildNumber = ''; ProductType = 0; FreePhysicalMemory = 0; TotalVisibleMemorySize = 0 }
    }

    $editionId = ''
    $editionFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'EditionID' -SnapshotErrors $errors -SnapshotQuery {
        [string](Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' -Name 'EditionID' -ErrorAction Stop).EditionID
    }
    if ($editionFound.Count -gt 0) {
        $editionId = $editionFound[0]
    }

    $computerSystem = $null
    $csFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Win32_ComputerSystem' -SnapshotErrors $errors -SnapshotQuery {
        $item = CimCmdlets\Get-CimInstance -ClassName 'Win32_ComputerSystem' -ErrorAction Stop
        [ordered]@{
            Manufacturer      = [string]$item.Manufacturer
            Model             = [string]$item.Model
            HypervisorPresent = [bool]$item.HypervisorPresent
        }
    }
    if ($csFound.Count -gt 0) {
        $computerSystem = $csFound[0]
    }
    else {
        $computerSystem = [ordered]@{ Manufacturer = ''; Model = ''; HypervisorPresent = $false }
    }

    $processors = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Win32_Processor' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(CimCmdlets\Get-CimInstance -ClassName 'Win32_Processor' -ErrorAction Stop)) {
            [ordered]@{
                Name                                   = ([string]$item.Name).Trim()
                NumberOfLogicalProcessors              = [int]$item.NumberOfLogicalProcessors
                VirtualizationFirmwareEnabled          = [bool]$item.VirtualizationFirmwareEnabled
                SecondLevelAddressTranslationExtensions = [bool]$item.SecondLevelAddressTranslationExtensions
            }
        }
    }

    $optionalFeatures = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-WindowsOptionalFeature' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(Dism\Get-WindowsOptionalFeature -Online -FeatureName 'Microsoft-Hyper-V*' -ErrorAction Stop)) {
            [ordered]@{ FeatureName = [string]$item.FeatureName; State = [string]$item.State }
        }
    }

    $hyperVModuleAvailable = $false
    $moduleFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-Module' -SnapshotErrors $errors -SnapshotQuery {
        @(Get-Module -ListAvailable -Name 'Hyper-V' -ErrorAction Stop).Count -gt 0
    }
    if ($moduleFound.Count -gt 0) {
        $hyperVModuleAvailable = [bool]$moduleFound[0]
    }

    $hypervisorLaunchType = $null
    $launchFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'bcdedit' -SnapshotErrors $errors -SnapshotQuery {
        $lines = @(Invoke-MobyKitNativeTool -ToolCall { bcdedit.exe /enum '{current}' 2>&1 })
        if ($LASTEXITCODE -ne 0) {
            throw ('bcdedit exited with code {0}: {1}' -f $LASTEXITCODE, (($lines | ForEach-Object -Process { [string]$_ }) -join ' '))
        }
        foreach ($line in $lines) {
            if ([string]$line -match '^\s*hypervisorlaunchtype\s+(\S+)') {
                switch ($Matches[1]) {
                    'Auto' { 'Auto' }
                    'Off' { 'Off' }
                }
            }
        }
    }
    if ($launchFound.Count -gt 0) {
        $hypervisorLaunchType = $launchFound[0]
    }

    $identity = $null
    $identityFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'WindowsIdentity' -SnapshotErrors $errors -SnapshotQuery {
        Get-MobyKitProcessIdentity
    }
    if ($identityFound.Count -gt 0) {
        $identity = $identityFound[0]
    }
    else {
        $identity = [ordered]@{ UserName = ('{0}\{1}' -f $env:USERDOMAIN, $env:USERNAME); IsAdministrator = $false; IsHyperVAdministrator = $false }
    }

    $virtualBox = $null
    $vboxFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'VirtualBox' -SnapshotErrors $errors -SnapshotQuery {
        if (Test-Path -LiteralPath 'HKLM:\SOFTWARE\Oracle\VirtualBox') {
            $installDir = (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Oracle\VirtualBox' -ErrorAction Stop).InstallDir
            if ($null -ne $installDir) {
                [ordered]@{ InstallDir = [string]$installDir }
            }
        }
    }
    if ($vboxFound.Count -gt 0) {
        $virtualBox = $vboxFound[0]
    }

    # No secret in a snapshot: only the DOCKER_* variables the spec keeps, DOCKER_HOST without user:password.
    $environment = ConvertTo-MobyKitKeptEnvironment -Variable @(Get-ChildItem -LiteralPath 'Env:' -ErrorAction SilentlyContinue | Where-Object -FilterScript { $_.Name -like 'DOCKER_*' })

    # ---- doctor: Defender's Controlled Folder Access (null when Defender is not there) -------
    # Get-MpPreference is in Defender or ConfigDefender, depending on the Windows build: unqualified.
    $defender = $null
    $defenderRead = $true
    if ($null -ne (Get-Command -Name 'Get-MpPreference' -ErrorAction SilentlyContinue)) {
        $defenderErrors = $errors.Count
        $defenderFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-MpPreference' -SnapshotErrors $errors -SnapshotQuery {
            $preference = Get-MpPreference -ErrorAction Stop
            [ordered]@{ EnableControlledFolderAccess = [int]$preference.EnableControlledFolderAccess }
        }
        if ($defenderFound.Count -gt 0) {
            $defender = $defenderFound[0]
        }
        $defenderRead = ($errors.Count -eq $defenderErrors)
    }

    $platform = [ordered]@{
        os                    = $os
        editionId             = $editionId
        computerSystem        = $computerSystem
        processors            = $processors
        optionalFeatures      = $optionalFeatures
        hyperVModuleAvailable = $hyperVModuleAvailable
        hypervisorLaunchType  = $hypervisorLaunchType
        identity              = $identity
        powershell            = [ordered]@{
            PSVersion = $PSVersionTable.PSVersion.ToString()
            PSEdition = $(if ($PSVersionTable.ContainsKey('PSEdition')) { [string]$PSVersionTable.PSEdition } else { 'Desktop' })
        }
        virtualBox            = $virtualBox
        environment           = $environment
    }
    if ($defenderRead) {
        # Absent when the query failed (its reason is in errors); null when Defender is not there.
        $platform.defender = $defender
    }

    # ---- services -------------------------------------------------------------------------
    $services = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-Service' -SnapshotErrors $errors -SnapshotQuery {
        $lookupErrors = $null
        $found = @(Get-Service -Name @('vmms', 'vmcompute', 'LanmanServer', 'MpsSvc', 'SharedAccess', 'Dnscache', 'winnat') -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
        Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
        foreach ($item in $found) {
            [ordered]@{ Name = [string]$item.Name; Status = [string]$item.Status; StartType = [string]$item.StartType }
        }
    }

    # ---- Hyper-V switches and networking ----------------------------------------------------
    $vmSwitches = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMSwitch' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(Hyper-V\Get-VMSwitch -ErrorAction Stop)) {
            [ordered]@{ Name = [string]$item.Name; Id = [string]$item.Id; SwitchType = [string]$item.SwitchType; Notes = [string]$item.Notes }
        }
    }

    $netAdapters = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetAdapter' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetAdapter\Get-NetAdapter -IncludeHidden -ErrorAction Stop)) {
            [ordered]@{
                Name = [string]$item.Name; InterfaceDescription = [string]$item.InterfaceDescription
                ifIndex = [int]$item.ifIndex; Status = [string]$item.Status; MacAddress = [string]$item.MacAddress
            }
        }
    }

    $netIPAddresses = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetIPAddress' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetTCPIP\Get-NetIPAddress -ErrorAction Stop)) {
            [ordered]@{
                InterfaceAlias = [string]$item.InterfaceAlias; InterfaceIndex = [int]$item.InterfaceIndex
                IPAddress = [string]$item.IPAddress; PrefixLength = [int]$item.PrefixLength
                AddressFamily = [string]$item.AddressFamily; PrefixOrigin = [string]$item.PrefixOrigin
            }
        }
    }

    $netIPInterfaces = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetIPInterface' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetTCPIP\Get-NetIPInterface -AddressFamily IPv4 -ErrorAction Stop)) {
            [ordered]@{ InterfaceAlias = [string]$item.InterfaceAlias; AddressFamily = [string]$item.AddressFamily; Dhcp = [string]$item.Dhcp }
        }
    }

    $netRoutes = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetRoute' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetTCPIP\Get-NetRoute -AddressFamily IPv4 -ErrorAction Stop)) {
            [ordered]@{ DestinationPrefix = [string]$item.DestinationPrefix; InterfaceAlias = [string]$item.InterfaceAlias; NextHop = [string]$item.NextHop }
        }
    }

    $netConnectionProfiles = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetConnectionProfile' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetConnection\Get-NetConnectionProfile -ErrorAction Stop)) {
            [ordered]@{ InterfaceAlias = [string]$item.InterfaceAlias; NetworkCategory = [string]$item.NetworkCategory }
        }
    }

    # ---- doctor: the host vNICs Hyper-V connects to each switch (matched to adapters by MAC) --
    $hostVNicErrors = $errors.Count
    $hostVNics = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMNetworkAdapter' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(Hyper-V\Get-VMNetworkAdapter -ManagementOS -ErrorAction Stop)) {
            [ordered]@{ Name = [string]$item.Name; SwitchName = [string]$item.SwitchName; MacAddress = [string]$item.MacAddress }
        }
    }
    $hostVNicsRead = ($errors.Count -eq $hostVNicErrors)

    $netAdapterBindings = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetAdapterBinding' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetAdapter\Get-NetAdapterBinding -ComponentID 'ms_server' -IncludeHidden -ErrorAction Stop)) {
            [ordered]@{ Name = [string]$item.Name; ComponentID = [string]$item.ComponentID; Enabled = [bool]$item.Enabled }
        }
    }

    $netNats = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetNat' -SnapshotErrors $errors -SnapshotQuery {
        foreach ($item in @(NetNat\Get-NetNat -ErrorAction Stop)) {
            [ordered]@{ Name = [string]$item.Name; InternalIPInterfaceAddressPrefix = [string]$item.InternalIPInterfaceAddressPrefix; Active = [bool]$item.Active }
        }
    }

    # ---- firewall, ports, processes ---------------------------------------------------------
    $firewallRules = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($ruleName in @($FirewallRuleName | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) })) {
        $found = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetFirewallRule' -SnapshotErrors $errors -SnapshotQuery {
            $rule = Get-MobyKitFirewallRuleByName -Name $ruleName
            if ($null -ne $rule) {
                Get-MobyKitFirewallRuleState -Rule $rule
            }
        }
        foreach ($item in $found) {
            $firewallRules.Add($item)
        }
    }

    $tcpListeners = @()
    if ($TcpPort.Count -gt 0) {
        $tcpListeners = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetTCPConnection' -SnapshotErrors $errors -SnapshotQuery {
            $lookupErrors = $null
            $found = @(NetTCPIP\Get-NetTCPConnection -State Listen -LocalPort $TcpPort -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
            Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
            foreach ($item in $found) {
                [ordered]@{ LocalAddress = [string]$item.LocalAddress; LocalPort = [int]$item.LocalPort; OwningProcess = [int]$item.OwningProcess }
            }
        }
    }

    $udpEndpoints = @()
    if ($UdpPort.Count -gt 0) {
        $udpEndpoints = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-NetUDPEndpoint' -SnapshotErrors $errors -SnapshotQuery {
            $lookupErrors = $null
            $found = @(NetTCPIP\Get-NetUDPEndpoint -LocalPort $UdpPort -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
            Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
            foreach ($item in $found) {
                [ordered]@{ LocalAddress = [string]$item.LocalAddress; LocalPort = [int]$item.LocalPort; OwningProcess = [int]$item.OwningProcess }
            }
        }
    }

    $excludedPortRanges = New-Object -TypeName System.Collections.Generic.List[object]
    foreach ($protocol in @('tcp', 'udp')) {
        $found = Invoke-MobyKitSnapshotQuery -SnapshotSource ('netsh excludedportrange {0}' -f $protocol) -SnapshotErrors $errors -SnapshotQuery {
            $lines = @(Invoke-MobyKitNativeTool -ToolCall { netsh.exe interface ipv4 show excludedportrange ('protocol={0}' -f $protocol) 2>&1 })
            if ($LASTEXITCODE -ne 0) {
                throw ('netsh exited with code {0}: {1}' -f $LASTEXITCODE, (($lines | ForEach-Object -Process { [string]$_ }) -join ' '))
            }
            foreach ($line in $lines) {
                if ([string]$line -match '^\s*(\d+)\s+(\d+)') {
                    [ordered]@{ Protocol = $protocol.ToUpperInvariant(); StartPort = [int]$Matches[1]; EndPort = [int]$Matches[2] }
                }
            }
        }
        foreach ($item in $found) {
            $excludedPortRanges.Add($item)
        }
    }

    $owners = @(@($tcpListeners) + @($udpEndpoints) | ForEach-Object -Process { [int]$_.OwningProcess } | Where-Object -FilterScript { $_ -gt 0 } | Sort-Object -Unique)
    $processes = @()
    if ($owners.Count -gt 0) {
        $processes = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-Process' -SnapshotErrors $errors -SnapshotQuery {
            $lookupErrors = $null
            $found = @(Get-Process -Id $owners -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
            Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
            foreach ($item in $found) {
                $processPath = $null
                try {
                    $processPath = $item.Path
                }
                catch {
                    $processPath = $null
                }
                if ([string]::IsNullOrEmpty($processPath)) {
                    $processPath = $null
                }
                else {
                    $processPath = [string]$processPath
                }
                [ordered]@{ Id = [int]$item.Id; ProcessName = [string]$item.ProcessName; Path = $processPath }
            }
        }
    }

    # No disk path given: the VM's disk goes to the host's default folder, as New-VM's would
    # (MobyLinux.ps1's Get-Vhd-Root); that is the path reported and checked.
    if ([string]::IsNullOrEmpty($VhdxPath) -and -not [string]::IsNullOrEmpty($VMName)) {
        $defaultDisk = @(Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMHost' -SnapshotErrors $errors -SnapshotQuery {
                $folder = [string](Hyper-V\Get-VMHost -ErrorAction Stop).VirtualHardDiskPath
                if ($folder) {
                    Join-Path -Path $folder -ChildPath ('{0}.vhdx' -f $VMName)
                }
            })
        if ($defaultDisk.Count -gt 0) {
            $VhdxPath = [string]$defaultDisk[0]
        }
    }
    # ---- VMs ----------------------------------------------------------------------------------
    # The VM of that name, and any other VM on the disk path: install must see that disk in use.
    $vms = New-Object -TypeName System.Collections.Generic.List[object]
    $vmList = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VM' -SnapshotErrors $errors -SnapshotQuery {
        Hyper-V\Get-VM -ErrorAction Stop | Where-Object -FilterScript {
            [string]::IsNullOrEmpty($VMName) -or $_.Name -eq $VMName -or (-not [string]::IsNullOrEmpty($VhdxPath) -and
                @(Hyper-V\Get-VMHardDiskDrive -VM $_ -ErrorAction SilentlyContinue | Where-Object -FilterScript { [string]$_.Path -eq $VhdxPath }).Count -gt 0)
        }
    }
    foreach ($vm in $vmList) {
        $dvdDrives = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMDvdDrive' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(Hyper-V\Get-VMDvdDrive -VM $vm -ErrorAction Stop)) {
                [ordered]@{ Path = $(if ([string]::IsNullOrEmpty($item.Path)) { $null } else { [string]$item.Path }) }
            }
        }
        $hardDrives = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMHardDiskDrive' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(Hyper-V\Get-VMHardDiskDrive -VM $vm -ErrorAction Stop)) {
                [ordered]@{ Path = [string]$item.Path }
            }
        }
        $comPorts = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMComPort' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(Hyper-V\Get-VMComPort -VM $vm -ErrorAction Stop)) {
                [ordered]@{ Name = [string]$item.Name; Path = [string]$item.Path }
            }
        }
        $integrationServices = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMIntegrationService' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(Hyper-V\Get-VMIntegrationService -VM $vm -ErrorAction Stop)) {
                [ordered]@{
                    Name = [string]$item.Name; Id = [string]$item.Id; Enabled = [bool]$item.Enabled
                    PrimaryStatusDescription = [string]$item.PrimaryStatusDescription
                }
            }
        }
        $networkAdapters = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-VMNetworkAdapter' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(Hyper-V\Get-VMNetworkAdapter -VM $vm -ErrorAction Stop)) {
                [ordered]@{
                    Name        = [string]$item.Name
                    SwitchName  = $(if ([string]::IsNullOrEmpty($item.SwitchName)) { $null } else { [string]$item.SwitchName })
                    MacAddress  = [string]$item.MacAddress
                    IPAddresses = @($item.IPAddresses | ForEach-Object -Process { [string]$_ })
                }
            }
        }
        $kvpItems = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Msvm_KvpExchangeComponentSettingData' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(Get-MobyKitKvpHostItem -VMId $vm.Id)) {
                [ordered]@{ Name = [string]$item.Name; Data = (ConvertTo-MobyKitRedactedKvpData -Data $item.Data); Source = [int]$item.Source }
            }
        }
        $vmEntry = [ordered]@{
                Name                 = [string]$vm.Name
                Id                   = [string]$vm.Id
                State                = [string]$vm.State
                Generation           = [int]$vm.Generation
                MemoryStartup        = [long]$vm.MemoryStartup
                ProcessorCount       = [int]$vm.ProcessorCount
                DvdDrives            = $dvdDrives
                HardDrives           = $hardDrives
                ComPorts             = $comPorts
                IntegrationServices  = $integrationServices
                NetworkAdapters      = $networkAdapters
                KvpHostExchangeItems = $kvpItems
                Notes                = [string]$vm.Notes
            }
        # ---- doctor: checkpoints and firmware (optional keys) ----
        $checkpointState = Get-MobyKitVMCheckpointState -VM $vm -SnapshotErrors $errors
        foreach ($key in @($checkpointState.Keys)) {
            $vmEntry[$key] = $checkpointState[$key]
        }
        $vms.Add($vmEntry)
    }

    # ---- doctor: what the SMB server speaks -----------------------------------------------------
    $smbServerConfiguration = $null
    $smbFound = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-SmbServerConfiguration' -SnapshotErrors $errors -SnapshotQuery {
        $item = SmbShare\Get-SmbServerConfiguration -ErrorAction Stop
        [ordered]@{
            EnableSMB2Protocol      = [bool]$item.EnableSMB2Protocol
            EncryptData             = [bool]$item.EncryptData
            RejectUnencryptedAccess = [bool]$item.RejectUnencryptedAccess
        }
    }
    if ($smbFound.Count -gt 0) {
        $smbServerConfiguration = $smbFound[0]
    }

    # ---- shares and credentials ---------------------------------------------------------------
    $smbShares = New-Object -TypeName System.Collections.Generic.List[object]
    $shareList = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-SmbShare' -SnapshotErrors $errors -SnapshotQuery {
        if ([string]::IsNullOrEmpty($ShareName)) {
            SmbShare\Get-SmbShare -ErrorAction Stop
        }
        else {
            Get-MobyKitSmbShareByName -Name $ShareName
        }
    }
    foreach ($share in @($shareList | Where-Object -FilterScript { $null -ne $_ })) {
        $access = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-SmbShareAccess' -SnapshotErrors $errors -SnapshotQuery {
            foreach ($item in @(SmbShare\Get-SmbShareAccess -Name $share.Name -ErrorAction Stop)) {
                [ordered]@{ AccountName = [string]$item.AccountName; AccessControlType = [string]$item.AccessControlType; AccessRight = [string]$item.AccessRight }
            }
        }
        $smbShares.Add([ordered]@{
                Name        = [string]$share.Name
                Path        = [string]$share.Path
                CachingMode = [string]$share.CachingMode
                Access      = $access
                Description = [string]$share.Description
            })
    }

    $credentials = @()
    if (-not [string]::IsNullOrEmpty($CredentialTarget)) {
        $credentials = Invoke-MobyKitSnapshotQuery -SnapshotSource 'CredEnumerate' -SnapshotErrors $errors -SnapshotQuery {
            Initialize-MobyKitNativeCredential
            foreach ($item in @([MobyKit.NativeCredential]::Find($CredentialTarget))) {
                # A credential may have no user name or comment (null): the reader wants strings.
                [ordered]@{ TargetName = [string]$item.TargetName; UserName = [string]$item.UserName; Type = [string]$item.Type; Comment = [string]$item.Comment }
            }
        }
    }

    # ---- mobykit's local share account (--share-account local): looked up only when asked --------
    $localAccounts = $null
    if (-not [string]::IsNullOrEmpty($ShareAccountName)) {
        $accountErrors = $errors.Count
        $localAccounts = Invoke-MobyKitSnapshotQuery -SnapshotSource 'Get-LocalUser' -SnapshotErrors $errors -SnapshotQuery {
            Import-MobyKitLocalAccountModule
            $lookupErrors = $null
            $found = @(Microsoft.PowerShell.LocalAccounts\Get-LocalUser -Name $ShareAccountName -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
            Assert-MobyKitOnlyNotFound -ErrorList $lookupErrors
            foreach ($item in $found) {
                [ordered]@{ Name = [string]$item.Name; SID = [string]$item.SID; Enabled = [bool]$item.Enabled; Description = [string]$item.Description }
            }
        }
        if ($errors.Count -ne $accountErrors) {
            $localAccounts = $null
        }
    }

    # ---- files ----------------------------------------------------------------------------------
    # The folders' defaults are cmd-style (%APPDATA%\Docker), which PowerShell never expands and
    # -LiteralPath takes literally: they are checked, and reported, expanded.
    $SettingsDir = [System.Environment]::ExpandEnvironmentVariables([string]$SettingsDir)
    $LogDir = [System.Environment]::ExpandEnvironmentVariables([string]$LogDir)
    $files = [ordered]@{
        settingsDir     = [ordered]@{ Path = $SettingsDir; Exists = $false }
        logDir          = [ordered]@{ Path = $LogDir; Exists = $false; LatestLog = $null }
        bootIso         = [ordered]@{ Path = [string]$IsoPath; Exists = $false }
        vhdx            = [ordered]@{ Path = [string]$VhdxPath; Exists = $false; Attributes = @() }
        toolboxMachines = @()
    }
    if (-not [string]::IsNullOrEmpty($ProxyProgram)) {
        $files.proxyProgram = [ordered]@{ Path = $ProxyProgram; Exists = $false }
    }
    $null = Invoke-MobyKitSnapshotQuery -SnapshotSource 'files' -SnapshotErrors $errors -SnapshotQuery {
        if (-not [string]::IsNullOrEmpty($SettingsDir)) {
            $files.settingsDir.Exists = Test-Path -LiteralPath $SettingsDir -PathType Container
        }
        if (-not [string]::IsNullOrEmpty($IsoPath)) {
            $files.bootIso.Exists = Test-Path -LiteralPath $IsoPath -PathType Leaf
        }
        if (-not [string]::IsNullOrEmpty($ProxyProgram)) {
            $files.proxyProgram.Exists = Test-Path -LiteralPath $ProxyProgram -PathType Leaf
        }
        if (-not [string]::IsNullOrEmpty($VhdxPath) -and (Test-Path -LiteralPath $VhdxPath -PathType Leaf)) {
            $files.vhdx.Exists = $true
            $files.vhdx.Attributes = @(((Get-Item -LiteralPath $VhdxPath -Force -ErrorAction Stop).Attributes.ToString()) -split ',\s*')
        }
        if (-not [string]::IsNullOrEmpty($LogDir) -and (Test-Path -LiteralPath $LogDir -PathType Container)) {
            $files.logDir.Exists = $true
            $latest = @(Get-ChildItem -LiteralPath $LogDir -Force -ErrorAction Stop |
                Where-Object -FilterScript { -not $_.PSIsContainer } |
                Sort-Object -Property LastWriteTimeUtc -Descending |
                Select-Object -First 1)
            if ($latest.Count -gt 0) {
                $files.logDir.LatestLog = [ordered]@{
                    Name          = [string]$latest[0].Name
                    LastWriteTime = (ConvertTo-MobyKitIsoTime -Date $latest[0].LastWriteTime)
                    Length        = [long]$latest[0].Length
                }
            }
        }
    }
    $files.toolboxMachines = Invoke-MobyKitSnapshotQuery -SnapshotSource 'docker-machine' -SnapshotErrors $errors -SnapshotQuery {
        $storage = $env:MACHINE_STORAGE_PATH
        if ([string]::IsNullOrEmpty($storage) -and -not [string]::IsNullOrEmpty($env:USERPROFILE)) {
            $storage = Join-Path -Path $env:USERPROFILE -ChildPath '.docker\machine'
        }
        if (-not [string]::IsNullOrEmpty($storage)) {
            $machines = Join-Path -Path $storage -ChildPath 'machines'
            if (Test-Path -LiteralPath $machines -PathType Container) {
                foreach ($machine in @(Get-ChildItem -LiteralPath $machines -Force -ErrorAction Stop | Where-Object -FilterScript { $_.PSIsContainer })) {
                    $disk = Join-Path -Path $machine.FullName -ChildPath 'disk.vmdk'
                    if (Test-Path -LiteralPath $disk -PathType Leaf) {
                        [ordered]@{ Name = [string]$machine.Name; DiskPath = [string]$disk }
                    }
                }
            }
        }
    }

    # ---- doctor: the Docker API in the VM, probed read-only while the VM runs ----------------------
    $engine = $null
    if (-not [string]::IsNullOrEmpty($EngineEndpoint) -and @($vmList | Where-Object -FilterScript { [string]$_.State -eq 'Running' }).Count -gt 0) {
        $engine = Get-MobyKitEngineState -Endpoint $EngineEndpoint
    }

    # ---- doctor: the names and ports this snapshot was gathered for ---------------------------------
    $gatheredShareUser = $ShareUser
    if ([string]::IsNullOrEmpty($gatheredShareUser) -and -not [string]::IsNullOrEmpty($ShareAccountName)) {
        $gatheredShareUser = '{0}\{1}' -f $env:COMPUTERNAME, $ShareAccountName
    }
    if ([string]::IsNullOrEmpty($gatheredShareUser)) {
        $gatheredShareUser = [string]$identity.UserName
    }
    $gatheredFor = [ordered]@{
        switchName       = [string]$SwitchName
        natName          = [string]$NatName
        subnet           = [string]$Subnet
        hostAddress      = [string]$HostAddress
        # The built-in File and Printer Sharing rule is read for doctor, but is not one of mobykit's names.
        firewallRules    = @($FirewallRuleName | Where-Object -FilterScript { -not [string]::IsNullOrEmpty($_) -and $_ -ne 'FPS-SMB-In-TCP' } | ForEach-Object -Process { [string]$_ })
        tcpPorts         = @($TcpPort | ForEach-Object -Process { [int]$_ })
        udpPorts         = @($UdpPort | ForEach-Object -Process { [int]$_ })
        vmName           = [string]$VMName
        kvpItem          = [string]$KvpItemName
        shareName        = [string]$ShareName
        shareUser        = $gatheredShareUser
        credentialTarget = [string]$CredentialTarget
    }

    $snapshot = [ordered]@{
        kind                  = 'mobykit.host-snapshot'
        version               = 1
        capturedAt            = (ConvertTo-MobyKitIsoTime -Date (Get-Date))
        computerName          = [string]$env:COMPUTERNAME
        platform              = $platform
        services              = $services
        vmSwitches            = $vmSwitches
        netAdapters           = $netAdapters
        netIPAddresses        = $netIPAddresses
        netIPInterfaces       = $netIPInterfaces
        netRoutes             = $netRoutes
        netConnectionProfiles = $netConnectionProfiles
        netAdapterBindings    = $netAdapterBindings
        netNats               = $netNats
        firewallRules         = $firewallRules.ToArray()
        tcpListeners          = $tcpListeners
        udpEndpoints          = $udpEndpoints
        excludedPortRanges    = $excludedPortRanges.ToArray()
        processes             = $processes
        vms                   = $vms.ToArray()
        smbShares             = $smbShares.ToArray()
        credentials           = $credentials
        files                 = $files
        errors                = $errors.ToArray()
    }
    # The optional sections doctor reads: left out when their query failed (errors says why).
    if ($hostVNicsRead) {
        $snapshot.Insert(@($snapshot.Keys).IndexOf('netAdapterBindings'), 'hostVNics', $hostVNics)
    }
    if ($null -ne $smbServerConfiguration) {
        $snapshot.Insert(@($snapshot.Keys).IndexOf('smbShares'), 'smbServerConfiguration', $smbServerConfiguration)
    }
    if ($null -ne $localAccounts) {
        $snapshot.Insert(@($snapshot.Keys).IndexOf('files'), 'localAccounts', $localAccounts)
    }
    if ($null -ne $engine) {
        $snapshot.Insert(@($snapshot.Keys).IndexOf('errors'), 'engine', $engine)
    }
    $snapshot.Insert(@($snapshot.Keys).IndexOf('errors'), 'gatheredFor', $gatheredFor)
    return $snapshot
}
