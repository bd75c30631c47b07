import assert from 'node:assert/strict';
import { CHECKS, runChecks } from '../../src/doctor/catalog.js';
import type { CheckContext } from '../../src/doctor/check.js';
import type { Finding, Severity } from '../../src/doctor/finding.js';
import type { Snapshot, VM } from '../../src/snapshot/types.js';
import { MARKER } from '../../src/config/desired.js';
import { ctxOf, PROXY } from './fixtures.js';

type Mut = (s: Snapshot) => void;

function findings(id: string, ctx: CheckContext): Finding[] {
  return runChecks(ctx, { only: (c) => c.id === id });
}

const vm = (s: Snapshot): VM => s.vms[0];
const addr = (InterfaceAlias: string, IPAddress: string, PrefixLength: number, InterfaceIndex = 40) => ({
  InterfaceAlias,
  InterfaceIndex,
  IPAddress,
  PrefixLength,
  AddressFamily: 'IPv4' as const,
  PrefixOrigin: 'Manual',
});

/** The switch's live vNIC is "vEthernet (DockerNAT) 2" (its MAC is in hostVNics); a dead adapter holds the plain name. */
function liveIsNumberTwo(s: Snapshot): void {
  s.netAdapters[1].Name = 'vEthernet (DockerNAT) 2';
  s.netAdapters.push({
    Name: 'vEthernet (DockerNAT)',
    InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter',
    ifIndex: 9,
    Status: 'Not Present',
    MacAddress: '00-15-5D-0A-0B-0C',
  });
  for (const list of [s.netIPAddresses, s.netIPInterfaces, s.netConnectionProfiles]) {
    for (const x of list as { InterfaceAlias: string }[]) if (x.InterfaceAlias === 'vEthernet (DockerNAT)') x.InterfaceAlias = 'vEthernet (DockerNAT) 2';
  }
  for (const b of s.netAdapterBindings) if (b.Name === 'vEthernet (DockerNAT)') b.Name = 'vEthernet (DockerNAT) 2';
}

interface Trigger {
  id: string;
  name: string;
  mutate: Mut;
  flags?: Record<string, unknown>;
  severity: Severity;
  /** Strings every finding's evidence + fix must contain between them. */
  has: string[];
  count?: number;
}

interface NearMiss {
  id: string;
  name: string;
  mutate: Mut;
  flags?: Record<string, unknown>;
}

export const TRIGGERS: Trigger[] = [
  // platform
  {
    id: 'platform.edition',
    name: 'Windows Home',
    mutate: (s) => {
      s.platform.editionId = 'Core';
      s.platform.os.Caption = 'Microsoft Windows 10 Home';
    },
    severity: 'error',
    has: ['Core', 'Windows 10 Home'],
  },
  {
    id: 'platform.build',
    name: 'build 10586 (1511: no NetNat, PowerShell 5.0)',
    mutate: (s) => {
      s.platform.os.BuildNumber = '10586';
    },
    severity: 'error',
    has: ['10586', '14393'],
  },
  {
    id: 'platform.powershell',
    name: 'PowerShell 5.0',
    mutate: (s) => {
      s.platform.powershell.PSVersion = '5.0.10586.494';
    },
    severity: 'error',
    has: ['5.0.10586.494', 'Windows Management Framework 5.1'],
  },
  {
    id: 'platform.hyperv-feature',
    name: 'Disabled',
    mutate: (s) => {
      s.platform.optionalFeatures[0].State = 'Disabled';
    },
    severity: 'error',
    has: ['Disabled', 'Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V -All'],
  },
  {
    id: 'platform.hyperv-feature',
    name: 'EnablePending means restart',
    mutate: (s) => {
      s.platform.optionalFeatures[0].State = 'EnablePending';
    },
    severity: 'error',
    has: ['EnablePending', 'Restart-Computer'],
  },
  {
    id: 'platform.hyperv-feature',
    name: 'server SKU',
    mutate: (s) => {
      s.platform.optionalFeatures[0].State = 'Disabled';
      s.platform.os.ProductType = 3;
    },
    severity: 'error',
    has: ['Install-WindowsFeature -Name Hyper-V'],
  },
  {
    id: 'platform.hyperv-module',
    name: 'module missing',
    mutate: (s) => {
      s.platform.hyperVModuleAvailable = false;
    },
    severity: 'error',
    has: ['Microsoft-Hyper-V-Management-PowerShell'],
  },
  {
    id: 'platform.virtualization-firmware',
    name: 'VT-x off',
    mutate: (s) => {
      s.platform.computerSystem.HypervisorPresent = false;
      s.platform.processors[0].VirtualizationFirmwareEnabled = false;
    },
    severity: 'error',
    has: ['i7-8650U', 'VirtualizationFirmwareEnabled is false'],
  },
  {
    id: 'platform.hypervisor-launch',
    name: 'launch type Off',
    mutate: (s) => {
      s.platform.hypervisorLaunchType = 'Off';
    },
    severity: 'error',
    has: ['hypervisorlaunchtype Off', 'bcdedit /set hypervisorlaunchtype auto'],
  },
  {
    id: 'platform.hypervisor-launch',
    name: 'Auto, enabled, but no hypervisor: restart pending',
    mutate: (s) => {
      s.platform.computerSystem.HypervisorPresent = false;
    },
    severity: 'error',
    has: ['HypervisorPresent is false', 'a restart is pending', 'Restart-Computer'],
  },
  {
    id: 'platform.nested-virtualization',
    name: 'Windows in a Hyper-V VM without extensions',
    mutate: (s) => {
      s.computerName = 'DEV-VM';
      s.platform.computerSystem = { Manufacturer: 'Microsoft Corporation', Model: 'Virtual Machine', HypervisorPresent: true };
      s.platform.processors[0].VirtualizationFirmwareEnabled = false;
    },
    severity: 'error',
    has: ['Virtual Machine', "Set-VMProcessor -VMName 'DEV-VM' -ExposeVirtualizationExtensions $true"],
  },
  {
    id: 'platform.virtualbox',
    name: 'VirtualBox installed',
    mutate: (s) => {
      s.platform.virtualBox = { InstallDir: 'C:\\Program Files\\Oracle\\VirtualBox\\' };
    },
    severity: 'warning',
    has: ['C:\\Program Files\\Oracle\\VirtualBox\\', 'migrate-toolbox'],
  },
  {
    id: 'platform.docker-host-env',
    name: 'Toolbox DOCKER_HOST',
    mutate: (s) => {
      s.platform.environment = { DOCKER_HOST: 'tcp://192.168.99.100:2376', DOCKER_TLS_VERIFY: '1' };
    },
    severity: 'warning',
    has: ['tcp://192.168.99.100:2376', "SetEnvironmentVariable('DOCKER_HOST', $null, 'User')", "'DOCKER_TLS_VERIFY'"],
  },
  {
    id: 'platform.controlled-folder-access',
    name: 'on',
    mutate: (s) => {
      s.platform.defender = { EnableControlledFolderAccess: 1 };
    },
    severity: 'warning',
    has: ['EnableControlledFolderAccess is 1', "Add-MpPreference -ControlledFolderAccessAllowedApplications 'C:\\Windows\\System32\\vmms.exe'", `'${PROXY}'`],
  },
  {
    id: 'platform.privileges',
    name: 'not elevated',
    mutate: (s) => {
      s.platform.identity.IsAdministrator = false;
    },
    severity: 'error',
    has: ['DEV-PC\\alice', "-Member 'DEV-PC\\alice'"],
  },
  {
    id: 'platform.memory',
    name: 'VM off, 1 GB free',
    mutate: (s) => {
      vm(s).State = 'Off';
      s.platform.os.FreePhysicalMemory = 1048576;
    },
    severity: 'warning',
    has: ['1024 MB free', '2048 MB', 'MobyLinuxVM'],
  },
  // services
  {
    id: 'service.vmms',
    name: 'stopped and disabled',
    mutate: (s) => {
      s.services[0] = { Name: 'vmms', Status: 'Stopped', StartType: 'Disabled' };
    },
    severity: 'error',
    has: ['vmms', 'Stopped', "Set-Service -Name 'vmms' -StartupType Automatic; Start-Service -Name 'vmms'"],
  },
  {
    id: 'service.vmms',
    name: 'missing',
    mutate: (s) => {
      s.services = s.services.filter((x) => x.Name !== 'vmms');
    },
    severity: 'error',
    has: ['not installed'],
  },
  {
    id: 'service.lanmanserver',
    name: 'stopped',
    mutate: (s) => {
      s.services[2].Status = 'Stopped';
    },
    severity: 'error',
    has: ['LanmanServer', "Start-Service -Name 'LanmanServer'"],
  },
  {
    id: 'service.firewall',
    name: 'stopped',
    mutate: (s) => {
      s.services[3].Status = 'Stopped';
    },
    severity: 'error',
    has: ['MpsSvc', "Start-Service -Name 'MpsSvc'"],
  },
  // switch / vnic / subnet
  {
    id: 'switch.missing',
    name: 'no switch',
    mutate: (s) => {
      s.vmSwitches = [{ Name: 'Default Switch', Id: 'c08c', SwitchType: 'Internal' }];
    },
    severity: 'error',
    has: ['DockerNAT', 'Default Switch', "New-VMSwitch -Name 'DockerNAT' -SwitchType Internal", "-IPAddress '10.0.75.1' -PrefixLength 24"],
  },
  {
    id: 'switch.type',
    name: 'External',
    mutate: (s) => {
      s.vmSwitches[0].SwitchType = 'External';
    },
    severity: 'error',
    has: ['External', "Set-VMSwitch -Name 'DockerNAT' -SwitchType Internal"],
  },
  {
    id: 'switch.duplicate',
    name: 'two DockerNAT',
    mutate: (s) => {
      s.vmSwitches.push({ Name: 'dockernat', Id: 'dup-id-2', SwitchType: 'Private' });
    },
    severity: 'error',
    has: ['2 switches', "Get-VMSwitch -Id 'dup-id-2' | Remove-VMSwitch -Force"],
  },
  {
    id: 'vnic.missing',
    name: "the switch's vNIC has no adapter",
    mutate: (s) => {
      s.netAdapters = s.netAdapters.filter((a) => !a.Name.startsWith('vEthernet'));
    },
    severity: 'error',
    has: ['00155D010203', "Remove-VMNetworkAdapter -ManagementOS -Name 'DockerNAT'", "Add-VMNetworkAdapter -ManagementOS -Name 'DockerNAT' -SwitchName 'DockerNAT'"],
  },
  {
    id: 'vnic.missing',
    name: 'no host vNIC on the switch',
    mutate: (s) => {
      s.hostVNics = [{ Name: 'Other', SwitchName: 'Default Switch', MacAddress: '00155D0000AA' }];
    },
    severity: 'error',
    has: ['shows no adapter on DockerNAT', "Add-VMNetworkAdapter -ManagementOS -Name 'DockerNAT'"],
  },
  {
    id: 'vnic.stale-adapter',
    name: 'a dead "vEthernet (DockerNAT)" holds the name; the live one is "... 2"',
    mutate: liveIsNumberTwo,
    severity: 'error',
    has: [
      'vEthernet (DockerNAT) 2 (MAC 00-15-5D-01-02-03',
      'vEthernet (DockerNAT) (MAC 00-15-5D-0A-0B-0C, Not Present)',
      "Where-Object { $_.MacAddress -eq '00-15-5D-0A-0B-0C' } | Rename-NetAdapter -NewName 'vEthernet (DockerNAT) stale 1'",
      "Where-Object { $_.MacAddress -eq '00-15-5D-01-02-03' } | Rename-NetAdapter -NewName 'vEthernet (DockerNAT)'",
    ],
  },
  {
    id: 'vnic.address',
    name: 'the address sits on the stale adapter, not on the live vNIC',
    mutate: (s) => {
      liveIsNumberTwo(s);
      s.netIPAddresses[1].InterfaceIndex = 9;
    },
    severity: 'error',
    has: ['vEthernet (DockerNAT) 2 has no IPv4 address', "New-NetIPAddress -InterfaceAlias 'vEthernet (DockerNAT) 2' -IPAddress '10.0.75.1'"],
  },
  {
    id: 'vnic.address',
    name: 'APIPA only',
    mutate: (s) => {
      s.netIPAddresses[1] = addr('vEthernet (DockerNAT)', '169.254.12.3', 16, 23);
    },
    severity: 'error',
    has: ['169.254.12.3/16', "New-NetIPAddress -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1' -PrefixLength 24"],
  },
  {
    id: 'vnic.address',
    name: 'wrong prefix',
    mutate: (s) => {
      s.netIPAddresses[1].PrefixLength = 16;
    },
    severity: 'error',
    has: ['10.0.75.1/16', "Set-NetIPAddress -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.1' -PrefixLength 24"],
  },
  {
    id: 'vnic.address',
    name: 'another address',
    mutate: (s) => {
      s.netIPAddresses[1].IPAddress = '10.0.75.9';
    },
    severity: 'error',
    has: ["Remove-NetIPAddress -InterfaceAlias 'vEthernet (DockerNAT)' -IPAddress '10.0.75.9' -Confirm:$false"],
  },
  {
    id: 'vnic.address-conflict',
    name: 'host IP on Ethernet 2',
    mutate: (s) => {
      s.netIPAddresses.push(addr('Ethernet 2', '10.0.75.1', 24, 12));
    },
    severity: 'error',
    has: [
      'Ethernet 2',
      'ifIndex 12',
      "Remove-NetIPAddress -InterfaceAlias 'Ethernet 2' -IPAddress '10.0.75.1'",
      '--subnet 10.0.76.0/24 --host-address 10.0.76.1 --vm-address 10.0.76.2',
    ],
  },
  {
    id: 'vnic.dhcp',
    name: 'DHCP on',
    mutate: (s) => {
      s.netIPInterfaces[1].Dhcp = 'Enabled';
    },
    severity: 'warning',
    has: ['Dhcp Enabled', "Set-NetIPInterface -InterfaceAlias 'vEthernet (DockerNAT)' -AddressFamily IPv4 -Dhcp Disabled"],
  },
  {
    id: 'vnic.file-sharing',
    name: 'ms_server off',
    mutate: (s) => {
      s.netAdapterBindings[1].Enabled = false;
    },
    severity: 'error',
    has: ['ms_server', "Enable-NetAdapterBinding -Name 'vEthernet (DockerNAT)' -ComponentID ms_server"],
  },
  {
    id: 'vnic.network-category',
    name: 'Public',
    mutate: (s) => {
      s.netConnectionProfiles[1].NetworkCategory = 'Public';
    },
    severity: 'error',
    has: ['Public', "Set-NetConnectionProfile -InterfaceAlias 'vEthernet (DockerNAT)' -NetworkCategory Private"],
  },
  {
    id: 'subnet.overlap',
    name: 'VPN route 10.0.0.0/8',
    mutate: (s) => {
      s.netRoutes.push({ DestinationPrefix: '10.0.0.0/8', InterfaceAlias: 'Cisco AnyConnect', NextHop: '0.0.0.0' });
    },
    severity: 'error',
    has: ['10.0.0.0/8', 'Cisco AnyConnect', '--subnet 172.16.1.0/24 --host-address 172.16.1.1 --vm-address 172.16.1.2'],
  },
  {
    id: 'subnet.overlap',
    name: 'address on another adapter',
    mutate: (s) => {
      s.netIPAddresses.push(addr('Ethernet 3', '10.0.3.4', 16));
    },
    severity: 'error',
    has: ['10.0.0.0/16', 'Ethernet 3', 'address 10.0.3.4/16'],
  },
  // NAT
  {
    id: 'nat.missing',
    name: 'no NAT',
    mutate: (s) => {
      s.netNats = [];
    },
    severity: 'error',
    has: ['DockerNAT', "New-NetNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0/24'"],
  },
  {
    id: 'nat.prefix',
    name: 'wrong prefix',
    mutate: (s) => {
      s.netNats[0].InternalIPInterfaceAddressPrefix = '10.0.0.0/16';
    },
    severity: 'error',
    has: [
      'NAT DockerNAT covers 10.0.0.0/16, expected 10.0.75.0/24',
      "Remove-NetNat -Name 'DockerNAT' -Confirm:$false; New-NetNat -Name 'DockerNAT' -InternalIPInterfaceAddressPrefix '10.0.75.0/24'",
    ],
  },
  {
    id: 'nat.conflict',
    name: 'a non-overlapping HNS NAT on Server 2016',
    mutate: (s) => {
      s.platform.os.ProductType = 3;
      s.platform.os.BuildNumber = '14393';
      s.netNats.push({ Name: 'H3d4f6a0b-NAT', InternalIPInterfaceAddressPrefix: '172.20.0.0/16', Active: true });
    },
    severity: 'error',
    has: ['H3d4f6a0b-NAT', 'only one NAT per host', "Remove-NetNat -Name 'H3d4f6a0b-NAT'"],
  },
  {
    id: 'nat.conflict',
    name: 'second NAT on a client SKU',
    mutate: (s) => {
      s.netNats.push({ Name: 'ContainerNAT', InternalIPInterfaceAddressPrefix: '172.20.0.0/16', Active: true });
    },
    severity: 'error',
    has: ['ContainerNAT', '172.20.0.0/16', 'only one NAT', "Remove-NetNat -Name 'ContainerNAT'"],
  },
  {
    id: 'nat.conflict',
    name: 'overlapping NAT on a server',
    mutate: (s) => {
      s.platform.os.ProductType = 3;
      s.netNats.push({ Name: 'WinNAT', InternalIPInterfaceAddressPrefix: '10.0.0.0/8', Active: true });
    },
    severity: 'error',
    has: ['WinNAT', '10.0.0.0/8', 'overlaps 10.0.75.0/24'],
  },
  // ports
  {
    id: 'port.in-use',
    name: 'UDP 53 held by svchost',
    mutate: (s) => {
      s.udpEndpoints[0].OwningProcess = 2200;
      s.processes.push({ Id: 2200, ProcessName: 'svchost', Path: 'C:\\Windows\\system32\\svchost.exe' });
    },
    severity: 'error',
    has: ['UDP 0.0.0.0:53 is held by svchost (PID 2200)', 'tasklist /svc /fi "PID eq 2200"', 'SharedAccess'],
  },
  {
    id: 'port.in-use',
    name: 'TCP 2375 held by dockerd on ::',
    mutate: (s) => {
      s.tcpListeners.push({ LocalAddress: '::', LocalPort: 2375, OwningProcess: 5150 });
      s.processes.push({ Id: 5150, ProcessName: 'dockerd', Path: 'C:\\Program Files\\Docker\\dockerd.exe' });
    },
    severity: 'error',
    has: ['TCP [::]:2375 is held by dockerd (PID 5150)', 'Another Docker'],
  },
  {
    id: 'port.in-use',
    name: 'a dockerd on 127.0.0.1:2375, where the proxy serves the API locally',
    mutate: (s) => {
      s.tcpListeners.push({ LocalAddress: '127.0.0.1', LocalPort: 2375, OwningProcess: 5151 });
      s.processes.push({ Id: 5151, ProcessName: 'dockerd', Path: 'C:\\Program Files\\Docker\\dockerd.exe' });
    },
    severity: 'error',
    has: ['TCP 127.0.0.1:2375 is held by dockerd (PID 5151)', 'Another Docker'],
  },
  {
    id: 'port.in-use',
    name: 'held on the host address by an unknown PID',
    mutate: (s) => {
      s.udpEndpoints.push({ LocalAddress: '10.0.75.1', LocalPort: 67, OwningProcess: 999 });
    },
    severity: 'error',
    has: ['UDP 10.0.75.1:67 is held by PID 999', 'Stop-Process -Id 999'],
  },
  {
    id: 'port.excluded',
    name: '2375 inside 2300-2399',
    mutate: (s) => {
      s.excludedPortRanges = [{ Protocol: 'TCP', StartPort: 2300, EndPort: 2399 }];
    },
    severity: 'error',
    has: [
      'TCP 2375 is inside the excluded range 2300-2399',
      'net stop winnat',
      'netsh int ipv4 add excludedportrange protocol=tcp startport=2375 numberofports=1',
      'netsh int ipv4 delete excludedportrange protocol=tcp startport=2300 numberofports=100',
    ],
  },
  // firewall
  {
    id: 'firewall.missing',
    name: 'no DockerUdp',
    mutate: (s) => {
      s.firewallRules = s.firewallRules.filter((r) => r.Name !== 'DockerUdp');
    },
    severity: 'error',
    has: ['DockerUdp', "New-NetFirewallRule -Name 'DockerUdp'", `-Program '${PROXY}'`, "-Group 'mobykit'"],
  },
  {
    id: 'firewall.disabled',
    name: 'disabled',
    mutate: (s) => {
      s.firewallRules[0].Enabled = false;
    },
    severity: 'error',
    has: ['DockerTcp is disabled', "Enable-NetFirewallRule -Name 'DockerTcp'"],
  },
  {
    id: 'firewall.disabled',
    name: 'blocking',
    mutate: (s) => {
      s.firewallRules[1].Action = 'Block';
    },
    severity: 'error',
    has: ['Inbound Block', "Set-NetFirewallRule -Name 'DockerUdp' -Direction Inbound -Action Allow"],
  },
  {
    id: 'firewall.program',
    name: 'old install path',
    mutate: (s) => {
      s.firewallRules[0].Program = 'D:\\Old\\Docker\\com.docker.proxy.exe';
    },
    severity: 'error',
    has: ['D:\\Old\\Docker\\com.docker.proxy.exe', `Set-NetFirewallRule -Name 'DockerTcp' -Program '${PROXY}'`],
  },
  {
    id: 'firewall.settings',
    name: 'a proxy rule narrowed to the Private profile and one port',
    mutate: (s) => {
      s.firewallRules[0].Profile = 'Private';
      s.firewallRules[0].LocalPort = ['2375'];
    },
    severity: 'warning',
    has: ['DockerTcp: Profile is "Private", expected "Any"; LocalPort is ["2375"], expected ["Any"]', "Set-NetFirewallRule -Name 'DockerTcp' -Enabled True", "-Profile 'Any'"],
  },
  {
    id: 'firewall.settings',
    name: 'the SMB rule lets edge traversal through',
    mutate: (s) => {
      s.firewallRules[2].EdgeTraversalPolicy = 'Allow';
    },
    severity: 'warning',
    has: ['DockerSmbMount: EdgeTraversalPolicy is "Allow", expected "Block"', "Set-NetFirewallRule -Name 'DockerSmbMount'", "-EdgeTraversalPolicy 'Block'"],
  },
  {
    id: 'firewall.smb',
    name: 'only the proxy rules',
    mutate: (s) => {
      s.firewallRules = s.firewallRules.filter((r) => r.Name !== 'DockerSmbMount');
    },
    severity: 'warning',
    has: [
      'TCP 445',
      "-LocalAddress '10.0.75.1' -RemoteAddress '10.0.75.0/24'",
      "-LocalPort '445'",
      "New-NetFirewallRule -Name 'DockerSmbMount'",
      "-Program 'System'",
      "-EdgeTraversalPolicy 'Block'",
      'DockerTcp',
    ],
  },
  {
    id: 'firewall.smb',
    name: "mobykit's SMB rule allows Program Any: more than needed, a warning",
    mutate: (s) => {
      s.firewallRules[2].Program = 'Any';
      s.firewallRules[2].RemoteAddress = ['10.0.75.0/255.255.255.0'];
    },
    severity: 'warning',
    has: [
      'DockerSmbMount allows Program Any (needed: System)',
      "Set-NetFirewallRule -Name 'DockerSmbMount' -Enabled True -Direction Inbound -Action Allow -Protocol TCP -Program 'System'",
    ],
    count: 1,
  },
  {
    id: 'firewall.smb',
    name: 'a managed rule blocks 445',
    mutate: (s) => {
      s.firewallRules.push({ ...s.firewallRules[0], Name: 'BlockSmb', DisplayName: 'BlockSmb', Program: 'Any', Action: 'Block', LocalPort: ['445'] });
    },
    severity: 'error',
    has: ['BlockSmb blocks TCP 445', "Disable-NetFirewallRule -Name 'BlockSmb'"],
  },
  // VM
  {
    id: 'vm.missing',
    name: 'no VM',
    mutate: (s) => {
      s.vms = [];
    },
    severity: 'error',
    has: ['MobyLinuxVM', "New-VM -Name 'MobyLinuxVM' -Generation 2 -MemoryStartupBytes 2147483648", "-SwitchName 'DockerNAT'", 'Set-VMComPort'],
  },
  {
    id: 'vm.duplicate',
    name: 'two VMs',
    mutate: (s) => {
      s.vms.push({ ...vm(s), Id: 'second-vm', State: 'Off', Notes: '' });
    },
    severity: 'error',
    has: ['2 VMs', "Get-VM -Id 'second-vm' | Remove-VM -Force"],
  },
  {
    id: 'vm.config',
    name: 'memory and CPUs',
    mutate: (s) => {
      vm(s).MemoryStartup = 1073741824;
      vm(s).ProcessorCount = 1;
    },
    severity: 'warning',
    has: ['MemoryStartup 1024 MB -> 2048 MB', 'ProcessorCount 1 -> 2', "Set-VM -Name 'MobyLinuxVM' -MemoryStartupBytes 2147483648 -ProcessorCount 2"],
  },
  {
    id: 'vm.config',
    name: 'generation',
    mutate: (s) => {
      vm(s).Generation = 1;
    },
    severity: 'error',
    has: ['Generation 1 -> 2', "Remove-VM -Name 'MobyLinuxVM' -Force"],
  },
  {
    id: 'vm.secure-boot',
    name: 'generation 2 with Secure Boot on',
    mutate: (s) => {
      vm(s).Firmware!.SecureBoot = 'On';
      vm(s).Firmware!.SecureBootTemplate = 'MicrosoftWindows';
    },
    severity: 'error',
    has: ['SecureBoot On', "Stop-VM -Name 'MobyLinuxVM' -TurnOff; Set-VMFirmware -VMName 'MobyLinuxVM' -EnableSecureBoot Off; Start-VM -Name 'MobyLinuxVM'"],
  },
  {
    id: 'vm.checkpoints',
    name: 'a checkpoint: merge it, never attach the parent',
    mutate: (s) => {
      vm(s).CheckpointType = 'Standard';
      vm(s).Snapshots = [{ Name: 'MobyLinuxVM - (11/20/2026 - 08:00:00)', CreationTime: '2026-11-20T08:00:00Z' }];
      vm(s).HardDrives = [{ Path: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM_6A1B.avhdx' }];
    },
    severity: 'error',
    has: [
      'MobyLinuxVM - (11/20/2026 - 08:00:00)',
      "Get-VMSnapshot -VMName 'MobyLinuxVM' | Remove-VMSnapshot",
      "Set-VM -Name 'MobyLinuxVM' -CheckpointType Disabled -AutomaticCheckpointsEnabled $false",
      'Never attach the parent',
    ],
  },
  {
    id: 'vm.checkpoints',
    name: 'automatic checkpoints on',
    mutate: (s) => {
      vm(s).CheckpointType = 'Production';
      vm(s).AutomaticCheckpointsEnabled = true;
    },
    severity: 'warning',
    has: ['AutomaticCheckpointsEnabled true', "Set-VM -Name 'MobyLinuxVM' -CheckpointType Disabled -AutomaticCheckpointsEnabled $false"],
  },
  {
    id: 'vm.time-sync',
    name: 'off',
    mutate: (s) => {
      vm(s).IntegrationServices[2].Enabled = false;
    },
    severity: 'warning',
    has: ['Time Synchronization is disabled', "Where-Object { $_.Id -like '*2497F4DE-E9FA-4204-80E4-4B75C46419C0' } | Enable-VMIntegrationService"],
  },
  {
    id: 'vm.state',
    name: 'Off',
    mutate: (s) => {
      vm(s).State = 'Off';
    },
    severity: 'error',
    has: ['MobyLinuxVM is Off', "Start-VM -Name 'MobyLinuxVM'"],
  },
  {
    id: 'vm.state',
    name: 'Paused',
    mutate: (s) => {
      vm(s).State = 'Paused';
    },
    severity: 'error',
    has: ["Resume-VM -Name 'MobyLinuxVM'"],
  },
  {
    id: 'vm.boot-iso',
    name: 'no DVD',
    mutate: (s) => {
      vm(s).DvdDrives = [];
    },
    severity: 'error',
    has: ['no DVD drive', "Add-VMDvdDrive -VMName 'MobyLinuxVM' -Path 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso'"],
  },
  {
    id: 'files.boot-iso',
    name: 'ISO file gone',
    mutate: (s) => {
      s.files.bootIso.Exists = false;
    },
    severity: 'error',
    has: ['mobylinux.iso does not exist', 'Install Docker for Windows', '--iso'],
  },
  {
    id: 'files.proxy-program',
    name: 'proxy program gone',
    mutate: (s) => {
      s.files.proxyProgram = { Path: 'C:\\Program Files\\Docker\\Docker\\Resources\\com.docker.proxy.exe', Exists: false };
    },
    severity: 'warning',
    has: ['com.docker.proxy.exe does not exist', 'Install Docker for Windows', '--proxy-program'],
  },
  {
    id: 'vm.disk',
    name: 'compressed VHDX',
    mutate: (s) => {
      s.files.vhdx.Attributes = ['Archive', 'Compressed'];
    },
    severity: 'error',
    has: ['Compressed', "compact.exe /U 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx'", "Stop-VM -Name 'MobyLinuxVM'"],
  },
  {
    id: 'vm.disk',
    name: 'VHDX missing',
    mutate: (s) => {
      s.files.vhdx.Exists = false;
    },
    severity: 'error',
    has: ['MobyLinuxVM.vhdx does not exist'],
  },
  {
    id: 'vm.disk',
    name: 'VHDX detached',
    mutate: (s) => {
      vm(s).HardDrives = [];
    },
    severity: 'error',
    has: ['no hard disk', "Add-VMHardDiskDrive -VMName 'MobyLinuxVM'"],
  },
  {
    id: 'vm.com-port',
    name: 'COM 1 unconnected',
    mutate: (s) => {
      vm(s).ComPorts[0].Path = '';
    },
    severity: 'warning',
    has: ['not connected', "Set-VMComPort -VMName 'MobyLinuxVM' -Number 1 -Path '\\\\.\\pipe\\dockerMobyLinuxVM-com1'"],
  },
  {
    id: 'vm.kvp-service',
    name: 'disabled',
    mutate: (s) => {
      vm(s).IntegrationServices[1].Enabled = false;
    },
    severity: 'error',
    has: ['Key-Value Pair Exchange is disabled', '2A34B1C2-FD73-4043-8A5B-DD2159BC743F', 'Enable-VMIntegrationService'],
  },
  {
    id: 'vm.kvp-service',
    name: 'lost communication',
    mutate: (s) => {
      vm(s).IntegrationServices[1].PrimaryStatusDescription = 'Lost Communication';
    },
    severity: 'error',
    has: ['Lost Communication', "Restart-VM -Name 'MobyLinuxVM' -Force"],
  },
  {
    id: 'vm.network',
    name: 'adapter not connected',
    mutate: (s) => {
      vm(s).NetworkAdapters[0].SwitchName = null;
    },
    severity: 'error',
    has: ['Network Adapter on no switch', "Connect-VMNetworkAdapter -VMName 'MobyLinuxVM' -Name 'Network Adapter' -SwitchName 'DockerNAT'"],
  },
  {
    id: 'vm.disk',
    name: 'a differencing disk without checkpoint data: merge, never attach the parent',
    mutate: (s) => {
      delete vm(s).Snapshots;
      vm(s).HardDrives = [{ Path: 'D:\\VMs\\MobyLinuxVM_6A1B.avhdx' }];
    },
    severity: 'error',
    has: ['MobyLinuxVM_6A1B.avhdx', 'Remove-VMSnapshot'],
  },
  {
    id: 'vm.address',
    name: 'APIPA in the VM',
    mutate: (s) => {
      vm(s).NetworkAdapters[0].IPAddresses = ['169.254.9.9'];
    },
    severity: 'warning',
    has: ['169.254.9.9', '10.0.75.0/24', "Restart-VM -Name 'MobyLinuxVM'"],
  },
  // KVP
  {
    id: 'kvp.cifsmount',
    name: 'no item',
    mutate: (s) => {
      vm(s).KvpHostExchangeItems = [];
    },
    severity: 'error',
    has: ['cifsmount', "Set-MobyKitKvpItem -VMName 'MobyLinuxVM' -ItemName 'cifsmount' -MountPoint 'c' -ShareName 'C' -UserName 'alice'", 'Read-Host -AsSecureString'],
  },
  {
    id: 'kvp.cifsmount-format',
    name: 'other drive and user',
    mutate: (s) => {
      vm(s).KvpHostExchangeItems[0].Data = '/d;/D;username=bob,password=***,noperm';
    },
    severity: 'error',
    has: ['mount point /d, expected /c', 'share D, expected C', 'user bob, expected alice', 'Set-MobyKitKvpItem'],
  },
  {
    id: 'kvp.cifsmount-format',
    name: 'malformed',
    mutate: (s) => {
      vm(s).KvpHostExchangeItems[0].Data = 'username=alice';
    },
    severity: 'error',
    has: ['not of the form /c;/C;username=alice,password=***,noperm'],
  },
  // engine
  {
    id: 'engine.reachable',
    name: 'the API does not answer',
    mutate: (s) => {
      s.engine = { Endpoint: 'tcp://10.0.75.2:2375', Reachable: false, Error: 'connect ECONNREFUSED 10.0.75.2:2375' };
    },
    severity: 'error',
    has: ['ECONNREFUSED', "Restart-VM -Name 'MobyLinuxVM' -Force"],
  },
  // share / credential
  {
    id: 'share.account',
    name: 'an Azure AD user',
    mutate: () => {},
    flags: { 'share-user': 'AzureAD\\AliceSmith' },
    severity: 'error',
    has: ['AzureAD\\AliceSmith', 'New-LocalUser', "mobykit install --share-user 'DEV-PC\\docker-share'"],
  },
  {
    id: 'share.local-account',
    name: '--share-account local, no account yet',
    mutate: (s) => {
      s.localAccounts = [];
    },
    flags: { 'share-account': 'local' },
    severity: 'error',
    has: ['finds no mobykit-share', 'mobykit install --share-account local'],
  },
  {
    id: 'share.local-account',
    name: "--share-account local, someone else's account of that name",
    mutate: (s) => {
      s.localAccounts = [{ Name: 'mobykit-share', SID: 'S-1-5-21-1-2-3-1010', Enabled: true, Description: '' }];
    },
    flags: { 'share-account': 'local' },
    severity: 'error',
    has: ["not mobykit's marker", 'S-1-5-21-1-2-3-1010', "Remove-LocalUser -SID 'S-1-5-21-1-2-3-1010'"],
  },
  {
    id: 'share.local-account',
    name: "--share-account local, mobykit's account disabled",
    mutate: (s) => {
      s.localAccounts = [{ Name: 'mobykit-share', SID: 'S-1-5-21-1-2-3-1009', Enabled: false, Description: 'Managed by mobykit' }];
    },
    flags: { 'share-account': 'local' },
    severity: 'error',
    has: ["Enable-LocalUser -SID 'S-1-5-21-1-2-3-1009'"],
  },
  {
    id: 'smb.protocol',
    name: 'SMB2 disabled',
    mutate: (s) => {
      s.smbServerConfiguration!.EnableSMB2Protocol = false;
    },
    severity: 'error',
    has: ['EnableSMB2Protocol is False', 'Set-SmbServerConfiguration -EnableSMB2Protocol $true -Force'],
  },
  {
    id: 'smb.protocol',
    name: 'encryption required of every client',
    mutate: (s) => {
      s.smbServerConfiguration!.EncryptData = true;
    },
    severity: 'error',
    has: ['RejectUnencryptedAccess is True', 'Set-SmbServerConfiguration -RejectUnencryptedAccess $false -Force'],
  },
  {
    id: 'share.missing',
    name: 'no share',
    mutate: (s) => {
      s.smbShares = [];
    },
    severity: 'error',
    has: ["New-SmbShare -Name 'C' -Path 'C:\\' -FullAccess 'DEV-PC\\alice' -CachingMode None"],
  },
  {
    id: 'share.path',
    name: 'D:\\',
    mutate: (s) => {
      s.smbShares[0].Path = 'D:\\';
    },
    severity: 'error',
    has: ['exposes D:\\, expected C:\\', "Remove-SmbShare -Name 'C' -Force"],
  },
  {
    id: 'share.access',
    name: 'Read only',
    mutate: (s) => {
      s.smbShares[0].Access[0].AccessRight = 'Read';
    },
    severity: 'error',
    has: ['grants DEV-PC\\alice Read, expected Full', "Grant-SmbShareAccess -Name 'C' -AccountName 'DEV-PC\\alice' -AccessRight Full -Force"],
  },
  {
    id: 'share.everyone',
    name: 'Everyone',
    mutate: (s) => {
      s.smbShares[0].Access.push({ AccountName: 'Everyone', AccessControlType: 'Allow', AccessRight: 'Read' });
    },
    severity: 'warning',
    has: ['Everyone Read', "Revoke-SmbShareAccess -Name 'C' -AccountName 'Everyone' -Force"],
  },
  {
    id: 'share.caching',
    name: 'Manual',
    mutate: (s) => {
      s.smbShares[0].CachingMode = 'Manual';
    },
    severity: 'warning',
    has: ['CachingMode Manual, expected None', "Set-SmbShare -Name 'C' -CachingMode None -Force"],
  },
  {
    id: 'credential.missing',
    name: 'none',
    mutate: (s) => {
      s.credentials = [];
    },
    severity: 'error',
    has: ["cmdkey.exe /generic:'Docker Host Filesystem Access' /user:'alice' /pass"],
  },
  {
    id: 'credential.user',
    name: 'bob',
    mutate: (s) => {
      s.credentials[0].UserName = 'bob';
    },
    severity: 'error',
    has: ['is for bob, expected alice', "cmdkey.exe /delete:'Docker Host Filesystem Access'"],
  },
  // files
  {
    id: 'files.log-dir',
    name: 'missing',
    mutate: (s) => {
      s.files.logDir.Exists = false;
    },
    severity: 'info',
    has: ["New-Item -ItemType Directory -Force -Path 'C:\\Users\\alice\\AppData\\Local\\Docker'"],
  },
  {
    id: 'files.settings-dir',
    name: 'missing',
    mutate: (s) => {
      s.files.settingsDir.Exists = false;
    },
    severity: 'info',
    has: ["-Path 'C:\\Users\\alice\\AppData\\Roaming\\Docker'"],
  },
  // A path still in cmd syntax: -Path '%APPDATA%\Docker' would create a folder literally named %APPDATA%.
  {
    id: 'files.settings-dir',
    name: 'missing, given as %APPDATA%',
    mutate: (s) => {
      s.files.settingsDir = { Path: '%APPDATA%\\Docker', Exists: false };
    },
    severity: 'info',
    has: ["New-Item -ItemType Directory -Force -Path ([Environment]::ExpandEnvironmentVariables('%APPDATA%\\Docker'))"],
  },
  {
    id: 'toolbox.migration',
    name: 'Toolbox disk, no VHDX yet',
    mutate: (s) => {
      s.files.vhdx.Exists = false;
      s.files.toolboxMachines = [{ Name: 'default', DiskPath: 'C:\\Users\\alice\\.docker\\machine\\machines\\default\\disk.vmdk' }];
    },
    severity: 'info',
    has: ['default', 'disk.vmdk', 'mobykit migrate-toolbox'],
  },
  {
    id: 'snapshot.scope',
    name: 'gathered for another switch',
    mutate: () => {},
    flags: { 'switch-name': 'MobyNet' },
    severity: 'warning',
    has: ['switchName DockerNAT (gathered) vs MobyNet (asked)'],
  },
  {
    id: 'snapshot.errors',
    name: 'access denied',
    mutate: (s) => {
      s.errors = [{ Source: 'Get-NetNat', Message: 'Access is denied.' }];
    },
    severity: 'warning',
    has: ['Get-NetNat: Access is denied.', 'Run as administrator'],
  },
];

export const NEAR_MISSES: NearMiss[] = [
  {
    id: 'platform.edition',
    name: 'Education',
    mutate: (s) => {
      s.platform.editionId = 'Education';
    },
  },
  {
    id: 'platform.build',
    name: 'exactly the minimum',
    mutate: (s) => {
      s.platform.os.BuildNumber = '14393';
    },
  },
  {
    id: 'platform.powershell',
    name: 'PowerShell 7 Core',
    mutate: (s) => {
      s.platform.powershell = { PSVersion: '7.4.6', PSEdition: 'Core' };
    },
  },
  {
    id: 'platform.powershell',
    name: 'exactly 5.1',
    mutate: (s) => {
      s.platform.powershell.PSVersion = '5.1.14393.0';
    },
  },
  {
    id: 'platform.build',
    name: 'custom minimum met',
    mutate: (s) => {
      s.platform.os.BuildNumber = '19045';
    },
    flags: { 'minimum-build': 19041 },
  },
  {
    id: 'platform.hyperv-feature',
    name: 'feature name in other case',
    mutate: (s) => {
      s.platform.optionalFeatures[0].FeatureName = 'microsoft-hyper-v';
    },
  },
  {
    id: 'platform.hyperv-feature',
    name: 'Home edition (edition check says it)',
    mutate: (s) => {
      s.platform.editionId = 'Core';
      s.platform.optionalFeatures = [];
    },
  },
  {
    id: 'platform.hyperv-module',
    name: 'Hyper-V itself disabled',
    mutate: (s) => {
      s.platform.hyperVModuleAvailable = false;
      s.platform.optionalFeatures[0].State = 'Disabled';
    },
  },
  {
    id: 'platform.virtualization-firmware',
    name: 'hypervisor running hides the flag',
    mutate: (s) => {
      s.platform.processors[0].VirtualizationFirmwareEnabled = false;
    },
  },
  {
    id: 'platform.virtualization-firmware',
    name: 'nested VM (nested check explains)',
    mutate: (s) => {
      s.platform.computerSystem = { Manufacturer: 'Microsoft Corporation', Model: 'Virtual Machine', HypervisorPresent: false };
      s.platform.processors[0].VirtualizationFirmwareEnabled = false;
    },
  },
  {
    id: 'platform.hypervisor-launch',
    name: 'unknown launch type',
    mutate: (s) => {
      s.platform.hypervisorLaunchType = null;
    },
  },
  {
    id: 'platform.hypervisor-launch',
    name: 'no hypervisor because VT-x is off (the firmware check names it)',
    mutate: (s) => {
      s.platform.computerSystem.HypervisorPresent = false;
      s.platform.processors[0].VirtualizationFirmwareEnabled = false;
    },
  },
  {
    id: 'platform.nested-virtualization',
    name: 'VM with extensions exposed',
    mutate: (s) => {
      s.platform.computerSystem = { Manufacturer: 'Microsoft Corporation', Model: 'Virtual Machine', HypervisorPresent: true };
    },
  },
  {
    id: 'platform.nested-virtualization',
    name: 'physical PC with VT-x off',
    mutate: (s) => {
      s.platform.computerSystem.HypervisorPresent = false;
      s.platform.processors[0].VirtualizationFirmwareEnabled = false;
    },
  },
  {
    id: 'platform.virtualbox',
    name: 'no VirtualBox',
    mutate: (s) => {
      s.platform.virtualBox = null;
    },
  },
  {
    id: 'platform.docker-host-env',
    name: 'points at this proxy',
    mutate: (s) => {
      s.platform.environment = { DOCKER_HOST: 'tcp://localhost:2375' };
    },
  },
  {
    id: 'platform.docker-host-env',
    name: 'the named pipe',
    mutate: (s) => {
      s.platform.environment = { DOCKER_HOST: 'npipe:////./pipe/docker_engine' };
    },
  },
  {
    id: 'platform.controlled-folder-access',
    name: 'audit mode',
    mutate: (s) => {
      s.platform.defender = { EnableControlledFolderAccess: 2 };
    },
  },
  {
    id: 'platform.controlled-folder-access',
    name: 'Defender is not the antivirus',
    mutate: (s) => {
      s.platform.defender = null;
    },
  },
  {
    id: 'platform.privileges',
    name: 'Hyper-V Administrators only',
    mutate: (s) => {
      s.platform.identity.IsAdministrator = false;
      s.platform.identity.IsHyperVAdministrator = true;
    },
  },
  {
    id: 'platform.memory',
    name: 'little memory but VM already running',
    mutate: (s) => {
      s.platform.os.FreePhysicalMemory = 102400;
    },
  },
  {
    id: 'platform.memory',
    name: 'VM off, exactly enough',
    mutate: (s) => {
      vm(s).State = 'Off';
      s.platform.os.FreePhysicalMemory = 2097152;
    },
  },
  {
    id: 'service.vmms',
    name: 'name in other case',
    mutate: (s) => {
      s.services[0].Name = 'VMMS';
    },
  },
  {
    id: 'service.vmms',
    name: 'Hyper-V disabled (platform says it)',
    mutate: (s) => {
      s.services = s.services.filter((x) => x.Name !== 'vmms');
      s.platform.optionalFeatures[0].State = 'Disabled';
    },
  },
  {
    id: 'service.lanmanserver',
    name: 'name in lower case',
    mutate: (s) => {
      s.services[2].Name = 'lanmanserver';
    },
  },
  {
    id: 'service.firewall',
    name: 'Get-Service failed',
    mutate: (s) => {
      s.services = [];
      s.errors = [{ Source: 'Get-Service', Message: 'Access is denied.' }];
    },
  },
  {
    id: 'switch.missing',
    name: 'name in other case',
    mutate: (s) => {
      s.vmSwitches[0].Name = 'dockernat';
    },
  },
  {
    id: 'switch.missing',
    name: 'Get-VMSwitch failed',
    mutate: (s) => {
      s.vmSwitches = [];
      s.errors = [{ Source: 'Get-VMSwitch', Message: 'You do not have the required permission to complete this task.' }];
    },
  },
  {
    id: 'switch.missing',
    name: 'Hyper-V not enabled',
    mutate: (s) => {
      s.vmSwitches = [];
      s.platform.optionalFeatures[0].State = 'Disabled';
    },
  },
  {
    id: 'switch.type',
    name: 'an External switch with another name',
    mutate: (s) => {
      s.vmSwitches.push({ Name: 'External', Id: 'x', SwitchType: 'External' });
    },
  },
  {
    id: 'switch.duplicate',
    name: 'two switches, different names',
    mutate: (s) => {
      s.vmSwitches.push({ Name: 'DockerNAT2', Id: 'x', SwitchType: 'Internal' });
    },
  },
  {
    id: 'vnic.missing',
    name: 'alias in other case',
    mutate: (s) => {
      s.netAdapters[1].Name = 'vethernet (dockernat)';
    },
  },
  {
    id: 'vnic.missing',
    name: 'the live vNIC is "vEthernet (DockerNAT) 2", found by its MAC',
    mutate: (s) => {
      s.netAdapters[1].Name = 'vEthernet (DockerNAT) 2';
    },
  },
  {
    id: 'vnic.stale-adapter',
    name: "other switches' vNICs",
    mutate: (s) => {
      s.netAdapters.push({
        Name: 'vEthernet (Default Switch)',
        InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter',
        ifIndex: 30,
        Status: 'Up',
        MacAddress: '00-15-5D-99-99-99',
      });
    },
  },
  {
    id: 'vnic.stale-adapter',
    name: 'the live vNIC alone, under a numbered name',
    mutate: (s) => {
      s.netAdapters[1].Name = 'vEthernet (DockerNAT) 2';
    },
  },
  {
    id: 'vnic.missing',
    name: 'switch missing (switch.missing says it)',
    mutate: (s) => {
      s.vmSwitches = [];
      s.netAdapters = [];
    },
  },
  {
    id: 'vnic.address',
    name: 'alias in other case, extra IPv6',
    mutate: (s) => {
      s.netIPAddresses[1].InterfaceAlias = 'VETHERNET (DOCKERNAT)';
      s.netIPAddresses.push({ ...addr('vEthernet (DockerNAT)', 'fe80::1', 64, 23), AddressFamily: 'IPv6' });
    },
  },
  {
    id: 'vnic.address-conflict',
    name: 'another address in the subnet',
    mutate: (s) => {
      s.netIPAddresses.push(addr('Ethernet 2', '10.0.75.10', 24, 12));
    },
  },
  {
    id: 'vnic.dhcp',
    name: 'IPv6 interface has DHCP',
    mutate: (s) => {
      s.netIPInterfaces.push({ InterfaceAlias: 'vEthernet (DockerNAT)', AddressFamily: 'IPv6', Dhcp: 'Enabled' });
    },
  },
  {
    id: 'vnic.file-sharing',
    name: 'other adapter unbound',
    mutate: (s) => {
      s.netAdapterBindings[0].Enabled = false;
    },
  },
  {
    id: 'vnic.network-category',
    name: 'DomainAuthenticated',
    mutate: (s) => {
      s.netConnectionProfiles[1].NetworkCategory = 'DomainAuthenticated';
    },
  },
  {
    id: 'subnet.overlap',
    name: 'a 10.0.0.0/8 route on the vNIC itself',
    mutate: (s) => {
      s.netRoutes.push({ DestinationPrefix: '10.0.0.0/8', InterfaceAlias: 'vEthernet (DockerNAT)', NextHop: '0.0.0.0' });
    },
  },
  {
    id: 'subnet.overlap',
    name: 'adjacent subnet 10.0.76.0/24',
    mutate: (s) => {
      s.netIPAddresses.push(addr('Ethernet 2', '10.0.76.5', 24));
      s.netRoutes.push({ DestinationPrefix: '10.0.74.0/24', InterfaceAlias: 'VPN', NextHop: '0.0.0.0' });
    },
  },
  {
    id: 'subnet.overlap',
    name: 'default and multicast routes',
    mutate: (s) => {
      s.netRoutes.push({ DestinationPrefix: '0.0.0.0/0', InterfaceAlias: 'VPN', NextHop: '10.8.0.1' });
    },
  },
  {
    id: 'nat.missing',
    name: 'name in other case',
    mutate: (s) => {
      s.netNats[0].Name = 'dockernat';
    },
  },
  {
    id: 'nat.missing',
    name: 'Get-NetNat failed',
    mutate: (s) => {
      s.netNats = [];
      s.errors = [{ Source: 'Get-NetNat', Message: 'Access is denied.' }];
    },
  },
  {
    id: 'nat.prefix',
    name: 'same prefix written with host bits',
    mutate: (s) => {
      s.netNats[0].InternalIPInterfaceAddressPrefix = '10.0.75.1/24';
    },
  },
  {
    id: 'nat.conflict',
    name: 'only its own NAT, name in other case, on a server',
    mutate: (s) => {
      s.platform.os.ProductType = 3;
      s.netNats[0].Name = 'dockernat';
    },
  },
  { id: 'port.in-use', name: 'port 53 held by the proxy itself (converged)', mutate: () => {} },
  {
    id: 'port.in-use',
    name: 'proxy known by name only',
    mutate: (s) => {
      s.processes[0].Path = null;
    },
  },
  {
    id: 'port.in-use',
    name: 'loopback-only listener and other ports',
    mutate: (s) => {
      s.tcpListeners.push({ LocalAddress: '127.0.0.1', LocalPort: 53, OwningProcess: 77 }, { LocalAddress: '0.0.0.0', LocalPort: 8080, OwningProcess: 78 });
    },
  },
  {
    id: 'port.excluded',
    name: 'UDP range over a TCP port',
    mutate: (s) => {
      s.excludedPortRanges = [
        { Protocol: 'UDP', StartPort: 2300, EndPort: 2399 },
        { Protocol: 'TCP', StartPort: 2376, EndPort: 2475 },
      ];
    },
  },
  {
    id: 'firewall.missing',
    name: 'name in other case',
    mutate: (s) => {
      s.firewallRules[1].Name = 'dockerudp';
    },
  },
  {
    id: 'firewall.missing',
    name: 'Get-NetFirewallRule failed',
    mutate: (s) => {
      s.firewallRules = [];
      s.errors = [{ Source: 'Get-NetFirewallRule', Message: 'Access is denied.' }];
    },
  },
  {
    id: 'firewall.disabled',
    name: 'an unrelated rule disabled',
    mutate: (s) => {
      s.firewallRules.push({ ...s.firewallRules[0], Name: 'Other', Enabled: false });
    },
  },
  {
    id: 'firewall.program',
    name: 'the SMB rule allows Any (firewall.smb weighs it)',
    mutate: (s) => {
      s.firewallRules[2].Program = 'Any';
    },
  },
  {
    id: 'firewall.settings',
    name: "keywords in other case, and the SMB rule's filters (firewall.smb weighs them)",
    mutate: (s) => {
      Object.assign(s.firewallRules[0], { Protocol: 'tcp', Profile: 'any', LocalPort: ['any'] });
      s.firewallRules[2].LocalPort = ['Any'];
    },
  },
  {
    id: 'firewall.program',
    name: 'same path, other case and %ProgramFiles%',
    mutate: (s) => {
      s.firewallRules[0].Program = '%ProgramFiles%\\DOCKER\\Docker\\Resources\\com.docker.proxy.EXE';
    },
  },
  {
    id: 'firewall.smb',
    name: 'no mobykit rule, but the built-in SMB-In rule is on for the Private vNIC',
    mutate: (s) => {
      s.firewallRules = s.firewallRules.filter((r) => r.Name !== 'DockerSmbMount');
      s.firewallRules.push({
        ...s.firewallRules[0],
        Name: 'FPS-SMB-In-TCP',
        DisplayName: 'File and Printer Sharing (SMB-In)',
        Program: 'System',
        Profile: 'Private, Public',
        LocalPort: ['445'],
        LocalAddress: ['Any'],
        RemoteAddress: ['LocalSubnet'],
        Group: '@FirewallAPI.dll,-28502',
        Description: '',
      });
    },
  },
  {
    id: 'firewall.smb',
    name: 'the SMB rule as Windows reports it: addresses in mask notation',
    mutate: (s) => {
      s.firewallRules[2].LocalAddress = ['10.0.75.1/255.255.255.255'];
      s.firewallRules[2].RemoteAddress = ['10.0.75.0/255.255.255.0'];
    },
  },
  {
    id: 'vm.missing',
    name: 'name in other case',
    mutate: (s) => {
      vm(s).Name = 'mobylinuxvm';
    },
  },
  {
    id: 'vm.missing',
    name: 'Hyper-V module missing',
    mutate: (s) => {
      s.vms = [];
      s.platform.hyperVModuleAvailable = false;
    },
  },
  {
    id: 'vm.duplicate',
    name: 'another VM',
    mutate: (s) => {
      s.vms.push({ ...vm(s), Name: 'Ubuntu', Id: 'u' });
    },
  },
  {
    id: 'vm.config',
    name: 'configured values',
    mutate: (s) => {
      vm(s).MemoryStartup = 4294967296;
      vm(s).ProcessorCount = 4;
    },
    flags: { 'vm-memory': 4096, 'vm-cpus': 4 },
  },
  {
    id: 'vm.state',
    name: 'VM missing (vm.missing says it)',
    mutate: (s) => {
      s.vms = [];
    },
  },
  {
    id: 'vm.secure-boot',
    name: 'Secure Boot off',
    mutate: (s) => {
      vm(s).Firmware!.SecureBoot = 'Off';
    },
  },
  {
    id: 'vm.secure-boot',
    name: 'generation 1 (no UEFI)',
    mutate: (s) => {
      vm(s).Generation = 1;
      delete vm(s).Firmware;
    },
  },
  {
    id: 'vm.checkpoints',
    name: 'disabled, on a Windows without automatic checkpoints',
    mutate: (s) => {
      delete vm(s).AutomaticCheckpointsEnabled;
    },
  },
  {
    id: 'vm.time-sync',
    name: 'localized name, matched by Id',
    mutate: (s) => {
      vm(s).IntegrationServices[2].Name = 'Zeitsynchronisierung';
    },
  },
  {
    id: 'engine.reachable',
    name: 'VM off (vm.state says it)',
    mutate: (s) => {
      vm(s).State = 'Off';
      s.engine = { Endpoint: 'tcp://10.0.75.2:2375', Reachable: false, Error: 'timeout' };
    },
  },
  {
    id: 'share.local-account',
    name: "mobykit's account, enabled",
    mutate: (s) => {
      s.localAccounts = [{ Name: 'mobykit-share', SID: 'S-1-5-21-1-2-3-1009', Enabled: true, Description: 'Managed by mobykit' }];
    },
    flags: { 'share-account': 'local' },
  },
  {
    id: 'share.local-account',
    name: "the desktop user's share (no --share-account local): not looked at",
    mutate: (s) => {
      s.localAccounts = [{ Name: 'mobykit-share', SID: 'S-1-5-21-1-2-3-1010', Enabled: false, Description: '' }];
    },
  },
  { id: 'share.account', name: 'a local account whose name contains azuread', mutate: () => {}, flags: { 'share-user': 'DEV-PC\\azuread' } },
  {
    id: 'smb.protocol',
    name: 'encryption on but unencrypted clients allowed',
    mutate: (s) => {
      s.smbServerConfiguration = { EnableSMB2Protocol: true, EncryptData: true, RejectUnencryptedAccess: false };
    },
  },
  {
    id: 'snapshot.scope',
    name: 'names in other case',
    mutate: (s) => {
      s.gatheredFor!.switchName = 'dockernat';
      s.gatheredFor!.shareUser = 'dev-pc\\ALICE';
    },
  },
  {
    id: 'files.boot-iso',
    name: 'ISO path in other case',
    mutate: (s) => {
      s.files.bootIso.Path = 'c:\\program files\\docker\\docker\\resources\\MOBYLINUX.ISO';
    },
  },
  {
    id: 'files.proxy-program',
    name: "a proxy program of one's own, there",
    mutate: (s) => {
      s.files.proxyProgram = { Path: 'D:\\tools\\proxy.exe', Exists: true };
    },
    flags: { 'proxy-program': 'd:\\TOOLS\\proxy.exe' },
  },
  {
    id: 'vm.boot-iso',
    name: 'path in other case',
    mutate: (s) => {
      vm(s).DvdDrives[0].Path = 'c:\\program files\\docker\\docker\\resources\\MOBYLINUX.ISO';
    },
  },
  {
    id: 'vm.disk',
    name: 'harmless attributes',
    mutate: (s) => {
      s.files.vhdx.Attributes = ['Archive', 'NotContentIndexed'];
    },
  },
  {
    id: 'vm.com-port',
    name: 'pipe in other case',
    mutate: (s) => {
      vm(s).ComPorts[0].Path = '\\\\.\\PIPE\\dockermobylinuxvm-com1';
    },
  },
  {
    id: 'vm.kvp-service',
    name: 'localized name, matched by Id',
    mutate: (s) => {
      vm(s).IntegrationServices[1].Name = 'Austausch von Schlüsselwertepaaren';
    },
  },
  {
    id: 'vm.kvp-service',
    name: 'VM off: no status expected',
    mutate: (s) => {
      vm(s).State = 'Off';
      vm(s).IntegrationServices[1].PrimaryStatusDescription = 'No Contact';
    },
  },
  {
    id: 'vm.network',
    name: 'switch name in other case',
    mutate: (s) => {
      vm(s).NetworkAdapters[0].SwitchName = 'dockernat';
    },
  },
  {
    id: 'vm.address',
    name: 'VM off',
    mutate: (s) => {
      vm(s).State = 'Off';
      vm(s).NetworkAdapters[0].IPAddresses = [];
    },
  },
  {
    id: 'vm.address',
    name: 'another address in the subnet',
    mutate: (s) => {
      vm(s).NetworkAdapters[0].IPAddresses = ['10.0.75.77'];
    },
  },
  {
    id: 'kvp.cifsmount',
    name: 'VM missing',
    mutate: (s) => {
      s.vms = [];
    },
  },
  {
    id: 'kvp.cifsmount-format',
    name: 'user and share in other case',
    mutate: (s) => {
      vm(s).KvpHostExchangeItems[0].Data = '/c;/c;username=ALICE,password=***,noperm';
    },
  },
  {
    id: 'share.missing',
    name: 'name in other case',
    mutate: (s) => {
      s.smbShares[0].Name = 'c';
    },
  },
  {
    id: 'share.path',
    name: 'C: without the backslash, lower case',
    mutate: (s) => {
      s.smbShares[0].Path = 'c:';
    },
  },
  {
    id: 'share.access',
    name: 'account in other case',
    mutate: (s) => {
      s.smbShares[0].Access[0].AccountName = 'dev-pc\\ALICE';
    },
  },
  {
    id: 'share.everyone',
    name: 'Everyone denied',
    mutate: (s) => {
      s.smbShares[0].Access.push({ AccountName: 'Everyone', AccessControlType: 'Deny', AccessRight: 'Full' });
    },
  },
  {
    id: 'share.caching',
    name: 'mode in other case',
    mutate: (s) => {
      s.smbShares[0].CachingMode = 'none';
    },
  },
  {
    id: 'credential.missing',
    name: 'target in other case',
    mutate: (s) => {
      s.credentials[0].TargetName = 'docker host filesystem access';
    },
  },
  {
    id: 'credential.user',
    name: 'full account name',
    mutate: (s) => {
      s.credentials[0].UserName = 'DEV-PC\\alice';
    },
  },
  { id: 'files.log-dir', name: 'exists', mutate: () => {} },
  { id: 'files.settings-dir', name: 'exists', mutate: () => {} },
  {
    id: 'toolbox.migration',
    name: 'VHDX already exists',
    mutate: (s) => {
      s.files.toolboxMachines = [{ Name: 'default', DiskPath: 'C:\\Users\\alice\\.docker\\machine\\machines\\default\\disk.vmdk' }];
    },
  },
  { id: 'snapshot.errors', name: 'no errors', mutate: () => {} },
];

describe('doctor checks', () => {
  describe('trigger', () => {
    for (const t of TRIGGERS) {
      it(`${t.id}: ${t.name}`, () => {
        const ctx = ctxOf(t.mutate, t.flags ? { flags: t.flags } : {});
        const got = findings(t.id, ctx);
        assert.ok(got.length >= 1, `${t.id} did not trigger`);
        if (t.count !== undefined) assert.equal(got.length, t.count);
        const f = got.find((x) => x.severity === t.severity) ?? got[0];
        assert.equal(f.id, t.id);
        assert.equal(f.severity, t.severity);
        assert.ok(f.title && f.why && f.evidence && f.fix, 'title, why, evidence and fix are filled in');
        // Plain words: the title states the problem found, not what the check expects.
        for (const x of got) assert.notEqual(x.title, CHECKS.find((c) => c.id === t.id)!.title, `${t.id}: the title states the problem`);
        const text = got.map((x) => `${x.evidence}\n${x.fix}`).join('\n');
        for (const s of t.has) assert.ok(text.includes(s), `expected ${JSON.stringify(s)} in:\n${text}`);
      });
    }
  });

  describe('near miss', () => {
    for (const n of NEAR_MISSES) {
      it(`${n.id}: ${n.name}`, () => {
        const got = findings(n.id, ctxOf(n.mutate, n.flags ? { flags: n.flags } : {}));
        assert.deepEqual(
          got.map((f) => `${f.evidence} | ${f.fix}`),
          [],
        );
      });
    }
  });

  it('every check has a trigger and a near miss', () => {
    for (const c of CHECKS) {
      assert.ok(
        TRIGGERS.some((t) => t.id === c.id),
        `no trigger for ${c.id}`,
      );
      assert.ok(
        NEAR_MISSES.some((t) => t.id === c.id),
        `no near miss for ${c.id}`,
      );
    }
  });

  it('stays quiet about what depends on a missing VM', () => {
    const ids = runChecks(
      ctxOf((s) => {
        s.vms = [];
      }),
    ).map((f) => f.id);
    assert.ok(ids.includes('vm.missing'));
    for (const id of ids) assert.ok(!/^(vm\.(state|config|boot-iso|disk|com-port|kvp-service|network|address)|kvp\.)/.test(id), id);
  });

  it('stays quiet about the vNIC when the switch is missing', () => {
    const ids = runChecks(
      ctxOf((s) => {
        s.vmSwitches = [];
        s.netAdapters = s.netAdapters.slice(0, 1);
      }),
    ).map((f) => f.id);
    assert.ok(ids.includes('switch.missing'));
    assert.ok(!ids.some((id) => id.startsWith('vnic.') || id === 'vm.network'), ids.join(','));
  });

  it('doubles single quotes in names it puts in PowerShell', () => {
    const ctx = ctxOf(
      (s) => {
        s.netNats = [];
        s.vmSwitches = [];
      },
      { flags: { 'nat-name': "O'Brien NAT", 'switch-name': "Bob's switch" } },
    );
    const fixes = runChecks(ctx)
      .map((f) => f.fix)
      .join('\n');
    assert.ok(fixes.includes("New-NetNat -Name 'O''Brien NAT'"), fixes);
    assert.ok(fixes.includes("New-VMSwitch -Name 'Bob''s switch'"), fixes);
    assert.ok(fixes.includes("-InterfaceAlias 'vEthernet (Bob''s switch)'"), fixes);
  });

  it('marks what install fixes and what it does not', () => {
    const by = new Map(CHECKS.map((c) => [c.id, c.fixedByInstall]));
    for (const id of ['switch.missing', 'nat.missing', 'nat.prefix', 'firewall.missing', 'vm.missing', 'vm.state', 'kvp.cifsmount', 'share.missing', 'credential.missing']) {
      assert.equal(by.get(id), true, id);
    }
    for (const id of ['platform.edition', 'platform.hyperv-feature', 'port.in-use', 'port.excluded', 'nat.conflict', 'subnet.overlap', 'snapshot.errors']) {
      assert.equal(by.get(id), false, id);
    }
  });

  it('the marked switch/VM is kept when names are duplicated', () => {
    const ctx = ctxOf((s) => {
      s.vms.unshift({ ...s.vms[0], Id: 'stray', State: 'Off', Notes: '' });
      s.vmSwitches.unshift({ Name: 'DockerNAT', Id: 'stray-switch', SwitchType: 'Internal' });
    });
    const f = runChecks(ctx);
    assert.ok(f.find((x) => x.id === 'vm.duplicate')!.fix.includes("'stray'"));
    assert.ok(f.find((x) => x.id === 'switch.duplicate')!.fix.includes("'stray-switch'"));
    assert.ok(!f.some((x) => x.id === 'vm.state'), 'the running, marked VM is the one checked');
    void MARKER;
  });
});
