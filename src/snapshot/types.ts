// The host snapshot of ../shared/spec/host-snapshot.md (version 1). Property names are the ones
// the Windows cmdlets and CIM classes emit; optional sections are marked with `?`.
// mobykit's own markers (Notes, Group, Description) are extra properties the cmdlets also emit.

export const SNAPSHOT_KIND = 'mobykit.host-snapshot';
export const SNAPSHOT_VERSION = 1;

interface OperatingSystem {
  Caption: string;
  Version: string;
  BuildNumber: string;
  ProductType: number;
  FreePhysicalMemory: number; // KiB
  TotalVisibleMemorySize: number; // KiB
}

interface Processor {
  Name: string;
  NumberOfLogicalProcessors: number;
  VirtualizationFirmwareEnabled: boolean;
  SecondLevelAddressTranslationExtensions: boolean;
}

type FeatureState = 'Enabled' | 'Disabled' | 'EnablePending' | 'DisablePending';

interface Platform {
  os: OperatingSystem;
  editionId: string;
  computerSystem: { Manufacturer: string; Model: string; HypervisorPresent: boolean };
  processors: Processor[];
  optionalFeatures: { FeatureName: string; State: FeatureState }[];
  hyperVModuleAvailable: boolean;
  hypervisorLaunchType: 'Auto' | 'Off' | null;
  identity: { UserName: string; IsAdministrator: boolean; IsHyperVAdministrator: boolean };
  powershell: { PSVersion: string; PSEdition: string };
  virtualBox?: { InstallDir: string } | null;
  environment?: Record<string, string>;
  /** Get-MpPreference; null when Defender is not the antivirus. */
  defender?: { EnableControlledFolderAccess: number } | null;
}

interface Service {
  Name: string;
  Status: string;
  StartType: string;
}

type SwitchType = 'Internal' | 'External' | 'Private';
export interface VMSwitch {
  Name: string;
  Id: string;
  SwitchType: SwitchType;
  Notes?: string;
}

export interface NetAdapter {
  Name: string;
  InterfaceDescription: string;
  ifIndex: number;
  Status: string;
  MacAddress: string;
}

export interface NetIPAddress {
  InterfaceAlias: string;
  InterfaceIndex: number;
  IPAddress: string;
  PrefixLength: number;
  AddressFamily: 'IPv4' | 'IPv6';
  PrefixOrigin: string;
}

export interface NetIPInterface {
  InterfaceAlias: string;
  AddressFamily: string;
  Dhcp: 'Enabled' | 'Disabled';
}
interface NetRoute {
  DestinationPrefix: string;
  InterfaceAlias: string;
  NextHop: string;
}
export interface NetConnectionProfile {
  InterfaceAlias: string;
  NetworkCategory: 'Public' | 'Private' | 'DomainAuthenticated';
}
/** Get-VMNetworkAdapter -ManagementOS: which host vNIC serves which switch (MAC without dashes). */
export interface HostVNic {
  Name: string;
  SwitchName: string;
  MacAddress: string;
}
export interface NetAdapterBinding {
  Name: string;
  ComponentID: string;
  Enabled: boolean;
}
export interface NetNat {
  Name: string;
  InternalIPInterfaceAddressPrefix: string;
  Active: boolean;
}

export interface FirewallRule {
  Name: string;
  DisplayName: string;
  Enabled: boolean;
  Direction: 'Inbound' | 'Outbound';
  Action: 'Allow' | 'Block';
  Profile: string;
  EdgeTraversalPolicy: string;
  Program: string;
  Protocol: string;
  LocalPort: string[];
  LocalAddress: string[];
  RemoteAddress: string[];
  Group?: string;
  Description?: string;
}

export interface Listener {
  LocalAddress: string;
  LocalPort: number;
  OwningProcess: number;
}
interface ExcludedPortRange {
  Protocol: 'TCP' | 'UDP';
  StartPort: number;
  EndPort: number;
}
export interface Process {
  Id: number;
  ProcessName: string;
  Path: string | null;
}

export interface IntegrationService {
  Name: string;
  Id: string;
  Enabled: boolean;
  PrimaryStatusDescription: string;
}
export interface VMNetworkAdapter {
  Name: string;
  SwitchName: string | null;
  MacAddress: string;
  IPAddresses: string[];
}
export interface KvpItem {
  Name: string;
  Data: string;
  Source: number;
}

export interface VM {
  Name: string;
  Id: string;
  State: string;
  Generation: number;
  MemoryStartup: number; // bytes
  ProcessorCount: number;
  DvdDrives: { Path: string | null }[];
  HardDrives: { Path: string }[];
  ComPorts: { Name: string; Path: string }[];
  IntegrationServices: IntegrationService[];
  NetworkAdapters: VMNetworkAdapter[];
  KvpHostExchangeItems: KvpItem[];
  Notes?: string;
  CheckpointType?: 'Disabled' | 'Production' | 'ProductionOnly' | 'Standard';
  AutomaticCheckpointsEnabled?: boolean;
  Snapshots?: { Name: string; CreationTime: string }[];
  /** Get-VMFirmware, generation 2 only. */
  Firmware?: { SecureBoot: 'On' | 'Off'; SecureBootTemplate?: string | null; FirstBootDevice?: string | null };
}

interface SmbServerConfiguration {
  EnableSMB2Protocol: boolean;
  EncryptData: boolean;
  RejectUnencryptedAccess: boolean;
}

/** The Docker API the VM serves, probed read-only (GET /version). */
interface Engine {
  Endpoint: string;
  Reachable: boolean;
  ServerVersion?: string | null;
  Error?: string | null;
}

/** The names and ports a snapshot was gathered for (the configuration in force). */
export interface GatheredFor {
  switchName: string;
  natName: string;
  subnet: string;
  hostAddress: string;
  firewallRules: string[];
  tcpPorts: number[];
  udpPorts: number[];
  vmName: string;
  kvpItem: string;
  shareName: string;
  shareUser: string;
  credentialTarget: string;
}

interface ShareAccess {
  AccountName: string;
  AccessControlType: 'Allow' | 'Deny';
  AccessRight: 'Full' | 'Change' | 'Read' | 'Custom';
}
export interface SmbShare {
  Name: string;
  Path: string;
  CachingMode: string;
  Access: ShareAccess[];
  Description?: string;
}
interface Credential {
  TargetName: string;
  UserName: string;
  Type: string;
  Comment?: string;
}

/** Get-LocalUser -Name <the share account> (--share-account local): an extra section, absent when not looked for. */
export interface LocalAccount {
  Name: string;
  SID: string;
  Enabled: boolean;
  Description?: string;
}

export interface FileEntry {
  Path: string;
  Exists: boolean;
}
interface Files {
  settingsDir: FileEntry;
  logDir: FileEntry & { LatestLog?: { Name: string; LastWriteTime: string; Length: number } | null };
  bootIso: FileEntry;
  /** The proxy program the firewall rules allow (an extra property: readers of the spec ignore it; absent, it was not looked for). */
  proxyProgram?: FileEntry;
  vhdx: FileEntry & { Attributes?: string[] };
  toolboxMachines: { Name: string; DiskPath: string }[];
}

interface SnapshotError {
  Source: string;
  Message: string;
}

export interface Snapshot {
  kind: typeof SNAPSHOT_KIND;
  version: typeof SNAPSHOT_VERSION;
  capturedAt: string;
  computerName: string;
  platform: Platform;
  services: Service[];
  vmSwitches: VMSwitch[];
  netAdapters: NetAdapter[];
  netIPAddresses: NetIPAddress[];
  netIPInterfaces: NetIPInterface[];
  netRoutes: NetRoute[];
  netConnectionProfiles: NetConnectionProfile[];
  hostVNics?: HostVNic[];
  netAdapterBindings: NetAdapterBinding[];
  netNats: NetNat[];
  firewallRules: FirewallRule[];
  tcpListeners: Listener[];
  udpEndpoints: Listener[];
  excludedPortRanges?: ExcludedPortRange[];
  processes: Process[];
  vms: VM[];
  smbServerConfiguration?: SmbServerConfiguration;
  smbShares: SmbShare[];
  credentials: Credential[];
  localAccounts?: LocalAccount[];
  files: Files;
  engine?: Engine;
  gatheredFor?: GatheredFor;
  errors: SnapshotError[];
}
