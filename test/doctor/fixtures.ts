// A converged host: everything matches the defaults, so no check reports an error.
import { loadConfig, type ConfigInputs } from '../../src/config/config.js';
import { MARKER, resolveDesired } from '../../src/config/desired.js';
import type { CheckContext } from '../../src/doctor/check.js';
import type { Snapshot } from '../../src/snapshot/types.js';

export const PROXY = 'C:\\Program Files\\Docker\\Docker\\Resources\\com.docker.proxy.exe';
const PROXY_PID = 4120;

export function convergedSnapshot(): Snapshot {
  const rule = (Name: string, Protocol: 'TCP' | 'UDP') => ({
    Name,
    DisplayName: Name,
    Enabled: true,
    Direction: 'Inbound' as const,
    Action: 'Allow' as const,
    Profile: 'Any',
    EdgeTraversalPolicy: 'DeferToUser',
    Program: PROXY,
    Protocol,
    LocalPort: ['Any'],
    LocalAddress: ['Any'],
    RemoteAddress: ['Any'],
    Group: 'mobykit',
    Description: `${MARKER}: lets ${Protocol} reach the Docker proxy`,
  });
  return {
    kind: 'mobykit.host-snapshot',
    version: 1,
    capturedAt: '2026-11-22T10:00:00Z',
    computerName: 'DEV-PC',
    platform: {
      os: {
        Caption: 'Microsoft Windows 10 Pro',
        Version: '10.0.19045',
        BuildNumber: '19045',
        ProductType: 1,
        FreePhysicalMemory: 8123456,
        TotalVisibleMemorySize: 16642048,
      },
      editionId: 'Professional',
      computerSystem: { Manufacturer: 'Dell Inc.', Model: 'Latitude 7490', HypervisorPresent: true },
      processors: [
        {
          Name: 'Intel(R) Core(TM) i7-8650U',
          NumberOfLogicalProcessors: 8,
          VirtualizationFirmwareEnabled: true,
          SecondLevelAddressTranslationExtensions: true,
        },
      ],
      optionalFeatures: [{ FeatureName: 'Microsoft-Hyper-V', State: 'Enabled' }],
      hyperVModuleAvailable: true,
      hypervisorLaunchType: 'Auto',
      identity: { UserName: 'DEV-PC\\alice', IsAdministrator: true, IsHyperVAdministrator: false },
      powershell: { PSVersion: '5.1.19041.1', PSEdition: 'Desktop' },
      virtualBox: null,
      environment: {},
      defender: { EnableControlledFolderAccess: 0 },
    },
    services: [
      { Name: 'vmms', Status: 'Running', StartType: 'Automatic' },
      { Name: 'vmcompute', Status: 'Running', StartType: 'Manual' },
      { Name: 'LanmanServer', Status: 'Running', StartType: 'Automatic' },
      { Name: 'MpsSvc', Status: 'Running', StartType: 'Automatic' },
      { Name: 'SharedAccess', Status: 'Stopped', StartType: 'Manual' },
      { Name: 'Dnscache', Status: 'Running', StartType: 'Automatic' },
      { Name: 'winnat', Status: 'Running', StartType: 'Manual' },
    ],
    vmSwitches: [{ Name: 'DockerNAT', Id: '6f4c0000-0000-0000-0000-000000000001', SwitchType: 'Internal', Notes: MARKER }],
    netAdapters: [
      { Name: 'Ethernet', InterfaceDescription: 'Intel(R) Ethernet Connection I219-LM', ifIndex: 7, Status: 'Up', MacAddress: '54-E1-AD-00-00-01' },
      { Name: 'vEthernet (DockerNAT)', InterfaceDescription: 'Hyper-V Virtual Ethernet Adapter #2', ifIndex: 23, Status: 'Up', MacAddress: '00-15-5D-01-02-03' },
    ],
    netIPAddresses: [
      { InterfaceAlias: 'Ethernet', InterfaceIndex: 7, IPAddress: '192.168.1.20', PrefixLength: 24, AddressFamily: 'IPv4', PrefixOrigin: 'Dhcp' },
      { InterfaceAlias: 'vEthernet (DockerNAT)', InterfaceIndex: 23, IPAddress: '10.0.75.1', PrefixLength: 24, AddressFamily: 'IPv4', PrefixOrigin: 'Manual' },
      { InterfaceAlias: 'Loopback Pseudo-Interface 1', InterfaceIndex: 1, IPAddress: '127.0.0.1', PrefixLength: 8, AddressFamily: 'IPv4', PrefixOrigin: 'WellKnown' },
    ],
    netIPInterfaces: [
      { InterfaceAlias: 'Ethernet', AddressFamily: 'IPv4', Dhcp: 'Enabled' },
      { InterfaceAlias: 'vEthernet (DockerNAT)', AddressFamily: 'IPv4', Dhcp: 'Disabled' },
    ],
    netRoutes: [
      { DestinationPrefix: '0.0.0.0/0', InterfaceAlias: 'Ethernet', NextHop: '192.168.1.1' },
      { DestinationPrefix: '192.168.1.0/24', InterfaceAlias: 'Ethernet', NextHop: '0.0.0.0' },
      { DestinationPrefix: '10.0.75.0/24', InterfaceAlias: 'vEthernet (DockerNAT)', NextHop: '0.0.0.0' },
      { DestinationPrefix: '10.0.75.1/32', InterfaceAlias: 'vEthernet (DockerNAT)', NextHop: '0.0.0.0' },
      { DestinationPrefix: '224.0.0.0/4', InterfaceAlias: 'Ethernet', NextHop: '0.0.0.0' },
      { DestinationPrefix: '255.255.255.255/32', InterfaceAlias: 'Ethernet', NextHop: '0.0.0.0' },
      { DestinationPrefix: '127.0.0.0/8', InterfaceAlias: 'Loopback Pseudo-Interface 1', NextHop: '0.0.0.0' },
    ],
    netConnectionProfiles: [
      { InterfaceAlias: 'Ethernet', NetworkCategory: 'Private' },
      { InterfaceAlias: 'vEthernet (DockerNAT)', NetworkCategory: 'Private' },
    ],
    hostVNics: [{ Name: 'DockerNAT', SwitchName: 'DockerNAT', MacAddress: '00155D010203' }],
    netAdapterBindings: [
      { Name: 'Ethernet', ComponentID: 'ms_server', Enabled: true },
      { Name: 'vEthernet (DockerNAT)', ComponentID: 'ms_server', Enabled: true },
    ],
    netNats: [{ Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24', Active: true }],
    firewallRules: [
      rule('DockerTcp', 'TCP'),
      rule('DockerUdp', 'UDP'),
      {
        ...rule('DockerSmbMount', 'TCP'),
        Program: 'System',
        EdgeTraversalPolicy: 'Block',
        LocalPort: ['445'],
        LocalAddress: ['10.0.75.1'],
        RemoteAddress: ['10.0.75.0/24'],
        Description: `${MARKER}: lets the VM mount the shared drive`,
      },
    ],
    tcpListeners: [
      { LocalAddress: '0.0.0.0', LocalPort: 53, OwningProcess: PROXY_PID },
      { LocalAddress: '10.0.75.1', LocalPort: 2375, OwningProcess: PROXY_PID },
    ],
    udpEndpoints: [
      { LocalAddress: '0.0.0.0', LocalPort: 53, OwningProcess: PROXY_PID },
      { LocalAddress: '0.0.0.0', LocalPort: 67, OwningProcess: PROXY_PID },
    ],
    excludedPortRanges: [{ Protocol: 'TCP', StartPort: 50000, EndPort: 50059 }],
    processes: [{ Id: PROXY_PID, ProcessName: 'com.docker.proxy', Path: PROXY }],
    vms: [
      {
        Name: 'MobyLinuxVM',
        Id: '1b2c0000-0000-0000-0000-000000000002',
        State: 'Running',
        Generation: 2,
        MemoryStartup: 2147483648,
        ProcessorCount: 2,
        Notes: MARKER,
        DvdDrives: [{ Path: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso' }],
        HardDrives: [{ Path: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx' }],
        ComPorts: [
          { Name: 'COM 1', Path: '\\\\.\\pipe\\dockerMobyLinuxVM-com1' },
          { Name: 'COM 2', Path: '' },
        ],
        IntegrationServices: [
          { Name: 'Guest Service Interface', Id: 'Microsoft:1B2C/6C09BB55-D683-4DA0-8931-C9BF705F6480', Enabled: false, PrimaryStatusDescription: 'OK' },
          {
            Name: 'Key-Value Pair Exchange',
            Id: 'Microsoft:1B2C0000-0000-0000-0000-000000000002\\2A34B1C2-FD73-4043-8A5B-DD2159BC743F',
            Enabled: true,
            PrimaryStatusDescription: 'OK',
          },
          {
            Name: 'Time Synchronization',
            Id: 'Microsoft:1B2C0000-0000-0000-0000-000000000002\\2497F4DE-E9FA-4204-80E4-4B75C46419C0',
            Enabled: true,
            PrimaryStatusDescription: 'OK',
          },
        ],
        NetworkAdapters: [{ Name: 'Network Adapter', SwitchName: 'DockerNAT', MacAddress: '00155D010204', IPAddresses: ['10.0.75.2', 'fe80::215:5dff:fe01:204'] }],
        KvpHostExchangeItems: [{ Name: 'cifsmount', Data: '/c;/C;username=alice,password=***,noperm', Source: 0 }],
        CheckpointType: 'Disabled',
        AutomaticCheckpointsEnabled: false,
        Snapshots: [],
        Firmware: { SecureBoot: 'Off', SecureBootTemplate: 'MicrosoftUEFICertificateAuthority', FirstBootDevice: 'DvdDrive' },
      },
    ],
    smbServerConfiguration: { EnableSMB2Protocol: true, EncryptData: false, RejectUnencryptedAccess: true },
    smbShares: [
      {
        Name: 'C',
        Path: 'C:\\',
        CachingMode: 'None',
        Description: MARKER,
        Access: [{ AccountName: 'DEV-PC\\alice', AccessControlType: 'Allow', AccessRight: 'Full' }],
      },
    ],
    credentials: [{ TargetName: 'Docker Host Filesystem Access', UserName: 'alice', Type: 'Generic' }],
    files: {
      settingsDir: { Path: 'C:\\Users\\alice\\AppData\\Roaming\\Docker', Exists: true },
      logDir: {
        Path: 'C:\\Users\\alice\\AppData\\Local\\Docker',
        Exists: true,
        LatestLog: { Name: 'log.txt', LastWriteTime: '2026-11-22T09:58:00Z', Length: 52311 },
      },
      bootIso: { Path: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso', Exists: true },
      proxyProgram: { Path: 'C:\\Program Files\\Docker\\Docker\\Resources\\com.docker.proxy.exe', Exists: true },
      vhdx: { Path: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx', Exists: true, Attributes: ['Archive'] },
      toolboxMachines: [],
    },
    engine: { Endpoint: 'tcp://10.0.75.2:2375', Reachable: true, ServerVersion: '1.12.0', Error: null },
    gatheredFor: {
      switchName: 'DockerNAT',
      natName: 'DockerNAT',
      subnet: '10.0.75.0/24',
      hostAddress: '10.0.75.1',
      firewallRules: ['DockerTcp', 'DockerUdp', 'DockerSmbMount'],
      tcpPorts: [53, 2375],
      udpPorts: [53, 67],
      vmName: 'MobyLinuxVM',
      kvpItem: 'cifsmount',
      shareName: 'C',
      shareUser: 'DEV-PC\\alice',
      credentialTarget: 'Docker Host Filesystem Access',
    },
    errors: [],
  };
}

/** A context for the converged host after `mutate`, with the desired state of `inputs` (flags etc.). */
export function ctxOf(mutate?: (s: Snapshot) => void, inputs: ConfigInputs = {}): CheckContext {
  const snapshot = convergedSnapshot();
  mutate?.(snapshot);
  return { snapshot, desired: resolveDesired(loadConfig(inputs).config, snapshot) };
}
