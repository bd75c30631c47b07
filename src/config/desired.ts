// The configuration resolved against one host: derived defaults filled in (CPUs, the current
// user), units converted, and the names Windows derives (the host vNIC) spelled out.
import type { FirewallRuleParams } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import { parseCidr } from '../net/ipv4.js';
import type { Config } from './config.js';
import { isLocalShareAccount } from './schema.js';

/** Written where Windows keeps a note on a resource (switch and VM Notes, rule Group, share Description). */
export const MARKER = 'Managed by mobykit';
export const FIREWALL_GROUP = 'mobykit';
/** The local account --share-account local makes: mobykit's by the SID its journal records. */
export const SHARE_ACCOUNT_NAME = 'mobykit-share';

export interface Desired {
  config: Config;
  switchName: string;
  vnicAlias: string;
  subnet: string;
  prefixLength: number;
  hostAddress: string;
  vmAddress: string;
  natName: string;
  firewallRules: FirewallRuleParams[];
  ports: { tcp: number[]; udp: number[] };
  vm: {
    name: string;
    generation: number;
    memoryStartupBytes: number;
    processorCount: number;
    isoPath: string;
    vhdxPath: string;
    vhdxSizeBytes: number;
    comPipe: string;
  };
  /** The cifsmount token is `/<mountPoint>;/<shareName>;username=<userName>,password=<secret>,noperm`. */
  kvp: { itemName: string; mountPoint: string; shareName: string; userName: string };
  share: { name: string; path: string; account: string; cachingMode: string };
  credential: { target: string; userName: string };
  /** --share-account local: the share, credential and token are for this local account of mobykit's. */
  shareAccount?: { name: string };
  minimumBuild: number;
}

const MB = 1024 * 1024;
const GB = 1024 * MB;

/** `DEV-PC\alice` -> `alice`: the KVP token and the credential carry the bare user name. */
function bareUserName(account: string): string {
  return account.includes('\\') ? account.slice(account.lastIndexOf('\\') + 1) : account;
}

/** Hyper-V's out-of-the-box disk folder on Windows 10/11, for when the host cannot be asked. */
export const HYPERV_DEFAULT_VHD_FOLDER = 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks';

export function defaultVhdxPath(vmName: string): string {
  return `${HYPERV_DEFAULT_VHD_FOLDER}\\${vmName}.vhdx`;
}

export function vnicAliasOf(switchName: string): string {
  return `vEthernet (${switchName})`;
}

/** The switch a vNIC alias names; Windows numbers a second adapter of one name: `vEthernet (DockerNAT) 2`. */
export function switchNameOf(vnicAlias: string): string {
  return /^vEthernet \((.*)\)(?: \d+)?$/.exec(vnicAlias)?.[1] ?? '';
}

/** What the cifsmount token says besides the password: drive letter, share and bare user name. */
function tokenFields(config: Config, account: string): Pick<Desired['kvp'], 'mountPoint' | 'shareName' | 'userName'> {
  return { mountPoint: config.share.path.charAt(0).toLowerCase(), shareName: config.share.name, userName: bareUserName(account) };
}

export function resolveDesired(config: Config, snapshot: Snapshot): Desired {
  const logical = snapshot.platform.processors.reduce((n, p) => n + p.NumberOfLogicalProcessors, 0);
  const local = isLocalShareAccount(config.share.account ?? 'user');
  const account = local ? `${snapshot.computerName}\\${SHARE_ACCOUNT_NAME}` : (config.share.user ?? snapshot.platform.identity.UserName);
  const subnet = parseCidr(config.network.subnet)!;
  const rule = (Name: string, Protocol: 'TCP' | 'UDP'): FirewallRuleParams => ({
    Name,
    DisplayName: Name,
    Protocol,
    Program: config.firewall.program,
    Profile: config.firewall.profile,
    EdgeTraversalPolicy: config.firewall.edgeTraversal,
    Direction: 'Inbound',
    Action: 'Allow',
    Group: FIREWALL_GROUP,
    Description: `${MARKER}: lets ${Protocol} reach the Docker proxy`,
    LocalPort: ['Any'],
    LocalAddress: ['Any'],
    RemoteAddress: ['Any'],
  });
  // The VM mounts the share over SMB, which the kernel ("System") serves on TCP 445. The built-in
  // File and Printer Sharing rule is often off or scoped to other profiles: this one is mobykit's.
  const smbRule: FirewallRuleParams = {
    Name: config.firewall.smbRuleName,
    DisplayName: config.firewall.smbRuleName,
    Protocol: 'TCP',
    Program: 'System',
    Profile: 'Any',
    EdgeTraversalPolicy: 'Block',
    Direction: 'Inbound',
    Action: 'Allow',
    Group: FIREWALL_GROUP,
    Description: `${MARKER}: lets the VM mount the shared drive`,
    LocalPort: ['445'],
    LocalAddress: [config.network.hostAddress],
    RemoteAddress: [config.network.subnet],
  };
  return {
    config,
    switchName: config.switch.name,
    vnicAlias: vnicAliasOf(config.switch.name),
    subnet: config.network.subnet,
    prefixLength: subnet.prefix,
    hostAddress: config.network.hostAddress,
    vmAddress: config.network.vmAddress,
    natName: config.nat.name,
    firewallRules: [rule(config.firewall.tcpRuleName, 'TCP'), rule(config.firewall.udpRuleName, 'UDP'), smbRule],
    ports: { tcp: config.ports.tcp, udp: config.ports.udp },
    vm: {
      name: config.vm.name,
      generation: config.vm.generation,
      memoryStartupBytes: config.vm.memoryStartupMB * MB,
      processorCount: config.vm.processorCount ?? Math.max(1, Math.min(2, logical || 1)),
      isoPath: config.vm.isoPath,
      // Unset: the disk folder the host reports (the gather resolves Get-VMHost's VirtualHardDiskPath).
      vhdxPath: config.vm.vhdxPath ?? (snapshot.files?.vhdx?.Path || defaultVhdxPath(config.vm.name)),
      vhdxSizeBytes: config.vm.vhdxSizeGB * GB,
      comPipe: config.vm.comPipe,
    },
    kvp: { itemName: config.kvp.itemName, ...tokenFields(config, account) },
    share: { name: config.share.name, path: config.share.path, account, cachingMode: config.share.cachingMode },
    credential: { target: config.credential.target, userName: bareUserName(account) },
    ...(local ? { shareAccount: { name: SHARE_ACCOUNT_NAME } } : {}),
    minimumBuild: config.doctor.minimumBuild,
  };
}

/** The token without its secret, as a snapshot shows it. */
export function redactedCifsToken(k: Desired['kvp']): string {
  return cifsToken(k, '***');
}

/**
 * Hyper-V's KVP limit for a value, in UTF-16 including the terminating NUL: 2048 bytes
 * (HV_KVP_EXCHANGE_MAX_VALUE_SIZE), so 1023 characters.
 */
const KVP_VALUE_MAX_CHARS = 2048 / 2 - 1;

/** How many characters the password may have for the token to fit a KVP value. */
function kvpPasswordRoom(k: Pick<Desired['kvp'], 'mountPoint' | 'shareName' | 'userName'>): number {
  return KVP_VALUE_MAX_CHARS - cifsToken(k, '').length;
}

/**
 * Why the password cannot go into the cifsmount token, or undefined when it fits. Checked before
 * any change, so a long password fails at once rather than at kvp.add after ten changes.
 * JavaScript lengths count UTF-16 units, as Hyper-V's KVP limit does.
 */
export function passwordProblem(k: Pick<Desired['kvp'], 'mountPoint' | 'shareName' | 'userName'>, password: string): string | undefined {
  const room = kvpPasswordRoom(k);
  if (password.length <= room) return undefined;
  return (
    `The share password is ${password.length} characters long; the ${k.shareName} mount token has room for ${Math.max(room, 0)} ` +
    `(Hyper-V holds a KVP value of at most ${KVP_VALUE_MAX_CHARS} UTF-16 characters). Use a shorter password or another account (--share-user).`
  );
}

export function cifsToken(k: Pick<Desired['kvp'], 'mountPoint' | 'shareName' | 'userName'>, password: string): string {
  return `/${k.mountPoint};/${k.shareName};username=${k.userName},password=${password},noperm`;
}
