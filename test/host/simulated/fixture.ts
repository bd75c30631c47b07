// A fresh Windows 10 Pro machine with Hyper-V enabled and nothing of mobykit's on it yet.
import type { Snapshot } from '../../../src/snapshot/types.js';

export const ISO_PATH = 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso';
export const VHDX_PATH = 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx';

export function freshWin10Pro(): Snapshot {
  return {
    kind: 'mobykit.host-snapshot',
    version: 1,
    capturedAt: '2026-11-22T10:00:00Z',
    computerName: 'DEV-PC',
    platform: {
      os: {
        Caption: 'Microsoft Windows 10 Pro', Version: '10.0.19045', BuildNumber: '19045', ProductType: 1,
        FreePhysicalMemory: 8_123_456, TotalVisibleMemorySize: 16_642_048,
      },
      editionId: 'Professional',
      computerSystem: { Manufacturer: 'Dell Inc.', Model: 'Latitude 7490', HypervisorPresent: true },
      processors: [{
        Name: 'Intel(R) Core(TM) i7-8650U', NumberOfLogicalProcessors: 8,
        VirtualizationFirmwareEnabled: true, SecondLevelAddressTranslationExtensions: true,
      }],
      optionalFeatures: [{ FeatureName: 'Microsoft-Hyper-V', State: 'Enabled' }],
      hyperVModuleAvailable: true,
      hypervisorLaunchType: 'Auto',
      identity: { UserName: 'DEV-PC\\alice', IsAdministrator: true, IsHyperVAdministrator: false },
      powershell: { PSVersion: '5.1.19041.1', PSEdition: 'Desktop' },
    },
    services: [
      { Name: 'vmms', Status: 'Running', StartType: 'Automatic' },
      { Name: 'vmcompute', Status: 'Running', StartType: 'Manual' },
      { Name: 'LanmanServer', Status: 'Running', StartType: 'Automatic' },
      { Name: 'MpsSvc', Status: 'Running', StartType: 'Automatic' },
      { Name: 'SharedAccess', Status: 'Stopped', StartType: 'Manual' },
      { Name: 'Dnscache', Status: 'Running', StartType: 'Automatic' },
      { Name: 'winnat', Status: 'Stopped', StartType: 'Manual' },
    ],
    vmSwitches: [],
    netAdapters: [{
      Name: 'Ethernet', InterfaceDescription: 'Intel(R) Ethernet Connection (4) I219-LM', ifIndex: 12,
      Status: 'Up', MacAddress: '54-E1-AD-12-34-56',
    }],
    netIPAddresses: [{
      InterfaceAlias: 'Ethernet', InterfaceIndex: 12, IPAddress: '192.168.1.23', PrefixLength: 24,
      AddressFamily: 'IPv4', PrefixOrigin: 'Dhcp',
    }],
    netIPInterfaces: [{ InterfaceAlias: 'Ethernet', AddressFamily: 'IPv4', Dhcp: 'Enabled' }],
    netRoutes: [
      { DestinationPrefix: '0.0.0.0/0', InterfaceAlias: 'Ethernet', NextHop: '192.168.1.1' },
      { DestinationPrefix: '192.168.1.0/24', InterfaceAlias: 'Ethernet', NextHop: '0.0.0.0' },
    ],
    netConnectionProfiles: [{ InterfaceAlias: 'Ethernet', NetworkCategory: 'Private' }],
    netAdapterBindings: [{ Name: 'Ethernet', ComponentID: 'ms_server', Enabled: true }],
    netNats: [],
    firewallRules: [],
    tcpListeners: [],
    udpEndpoints: [],
    processes: [],
    vms: [],
    smbShares: [],
    credentials: [],
    files: {
      settingsDir: { Path: 'C:\\Users\\alice\\AppData\\Roaming\\Docker', Exists: false },
      logDir: { Path: 'C:\\Users\\alice\\AppData\\Local\\Docker', Exists: false },
      bootIso: { Path: ISO_PATH, Exists: true },
      vhdx: { Path: VHDX_PATH, Exists: false },
      toolboxMachines: [],
    },
    errors: [],
  };
}
