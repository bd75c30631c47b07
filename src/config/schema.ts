// One table of every setting: its default (the Docker for Windows value), its flag, its
// MOBYKIT_* variable and its validation. The CLI options, `config show` and `init` all read it.
import { broadcast, contains, parseCidr, parseIPv4 } from '../net/ipv4.js';
import { sameName } from '../windows/names.js';

export type Value = string | number | number[];

export interface Setting {
  key: string; // dotted path in the config file, e.g. "network.subnet"
  flag: string; // CLI flag without dashes
  env: string; // MOBYKIT_* variable
  type: 'string' | 'integer' | 'ports';
  default: Value | null; // null: derived from the host (see `derived`)
  derived?: string; // what a null default means
  description: string;
  /** An error message naming what would be valid, or null when the value is fine. */
  validate(value: Value, all: Record<string, Value | null>): string | null;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

function windowsName(max: number, forbidden?: RegExp, forbiddenText?: string) {
  return (v: Value): string | null => {
    const s = String(v);
    if (s.trim() === '') return 'must not be empty';
    if (CONTROL.test(s)) return 'must not contain control characters (newline, tab, ...)';
    if (s.length > max) return `is ${s.length} characters long; Windows allows at most ${max}`;
    if (s !== s.trim()) return 'must not start or end with spaces';
    if (forbidden && forbidden.test(s)) return `must not contain any of ${forbiddenText}`;
    return null;
  };
}

const ABSOLUTE = /^(?:[A-Za-z]:\\|\\\\[^\\]+\\[^\\]+)/;
const PATH_CHARS = /[<>"|?*\u0000-\u001f]/;

function windowsPath(opts: { envVars?: boolean; pipe?: boolean } = {}) {
  return (v: Value): string | null => {
    const s = String(v);
    if (PATH_CHARS.test(s.replace(/^\\\\[.?]\\/, ''))) return 'must not contain control characters or any of < > " | ? *';
    if (opts.pipe) return /^\\\\\.\\pipe\\[^\\]+$/.test(s) ? null : 'must be a named pipe path like \\\\.\\pipe\\name';
    if (opts.envVars && /^%[A-Za-z_]+%(\\|$)/.test(s)) return null;
    if (!ABSOLUTE.test(s)) return `must be an absolute Windows path like C:\\folder${opts.envVars ? ' or %APPDATA%\\folder' : ''}`;
    if (s.length > 260) return `is ${s.length} characters long; Windows paths are limited to 260`;
    return null;
  };
}

function integer(min: number, max: number) {
  return (v: Value): string | null => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `must be a whole number from ${min} to ${max}`);
}

/** Hyper-V assigns memory in 2 MB units: New-VM/Set-VM refuse anything else as "not properly aligned". */
function memoryMB(min: number, max: number) {
  const range = integer(min, max);
  return (v: Value): string | null =>
    range(v) ?? ((v as number) % 2 === 0 ? null : `is not a multiple of 2 MB, which Hyper-V requires; use ${(v as number) - 1} or ${(v as number) + 1}`);
}

function oneOf(...choices: string[]) {
  return (v: Value): string | null => (choices.some((c) => sameName(c, String(v))) ? null : `must be one of ${choices.join(', ')}`);
}

/** share.account is `local` (any case): mobykit makes and uses its own local account. */
export function isLocalShareAccount(value: string): boolean {
  return sameName(value, 'local');
}

function ports(v: Value): string | null {
  if (!Array.isArray(v) || v.length === 0) return 'must be a list of ports, e.g. 53,2375';
  const bad = v.find((p) => !Number.isInteger(p) || p < 1 || p > 65535);
  return bad === undefined ? null : `holds ${bad}; ports are whole numbers from 1 to 65535`;
}

function subnet(v: Value): string | null {
  const s = String(v);
  const loose = parseCidr(s, false);
  if (!loose) return 'must be an IPv4 subnet in CIDR form, e.g. 10.0.75.0/24';
  if (loose.prefix < 8 || loose.prefix > 30) return `has prefix /${loose.prefix}; the prefix must be from /8 to /30`;
  if (!parseCidr(s, true)) return 'has host bits set; give the network address, e.g. 10.0.75.0/24';
  return null;
}

function addressInSubnet(v: Value, all: Record<string, Value | null>): string | null {
  const ip = parseIPv4(String(v));
  if (ip === null) return 'must be an IPv4 address, e.g. 10.0.75.1';
  const net = parseCidr(String(all['network.subnet']));
  if (!net) return null; // the subnet's own error is reported
  if (!contains(net, ip)) return `is outside the subnet ${all['network.subnet']}`;
  if (ip === net.network) return `is the network address of ${all['network.subnet']}; use a host address`;
  if (ip === broadcast(net)) return `is the broadcast address of ${all['network.subnet']}; use a host address`;
  return null;
}

// Share names: 80 characters, none of " / \ [ ] : | < > + = ; , * ?
const SHARE_FORBIDDEN = /["/\\[\]:|<>+=;,*?]/;
// VM, switch and NAT names: Hyper-V takes 100 characters; \ / : * ? " < > | break paths and WMI.
const HYPERV_FORBIDDEN = /[\\/:*?"<>|]/;
const HYPERV_FORBIDDEN_TEXT = '\\ / : * ? " < > |';
// Firewall rule names: Get-/Set-/Remove-NetFirewallRule -Name takes wildcards, so a rule named
// Docker* would match every Docker rule; | separates names in the firewall's own store.
const RULE_FORBIDDEN = /[|*?[\]]/;
const RULE_FORBIDDEN_TEXT = '| * ? [ ] (wildcard characters would match other rules)';

export const SETTINGS: Setting[] = [
  {
    key: 'switch.name',
    flag: 'switch-name',
    env: 'MOBYKIT_SWITCH_NAME',
    type: 'string',
    default: 'DockerNAT',
    description: 'Internal Hyper-V switch; its host vNIC is "vEthernet (<name>)"',
    validate: windowsName(100, HYPERV_FORBIDDEN, HYPERV_FORBIDDEN_TEXT),
  },
  {
    key: 'network.subnet',
    flag: 'subnet',
    env: 'MOBYKIT_SUBNET',
    type: 'string',
    default: '10.0.75.0/24',
    description: 'Subnet of the switch, the NAT and the VM',
    validate: subnet,
  },
  {
    key: 'network.hostAddress',
    flag: 'host-address',
    env: 'MOBYKIT_HOST_ADDRESS',
    type: 'string',
    default: '10.0.75.1',
    description: "Host vNIC's address inside the subnet",
    validate: addressInSubnet,
  },
  {
    key: 'network.vmAddress',
    flag: 'vm-address',
    env: 'MOBYKIT_VM_ADDRESS',
    type: 'string',
    default: '10.0.75.2',
    description: 'Address the VM is expected at',
    validate: (v, all) => addressInSubnet(v, all) ?? (String(v) === String(all['network.hostAddress']) ? 'is the host address; the VM needs its own' : null),
  },
  {
    key: 'nat.name',
    flag: 'nat-name',
    env: 'MOBYKIT_NAT_NAME',
    type: 'string',
    default: 'DockerNAT',
    description: 'NetNat for the subnet',
    validate: windowsName(100, HYPERV_FORBIDDEN, HYPERV_FORBIDDEN_TEXT),
  },
  {
    key: 'firewall.tcpRuleName',
    flag: 'firewall-tcp-rule',
    env: 'MOBYKIT_FIREWALL_TCP_RULE',
    type: 'string',
    default: 'DockerTcp',
    description: 'Inbound TCP rule for the proxy program',
    validate: windowsName(255, RULE_FORBIDDEN, RULE_FORBIDDEN_TEXT),
  },
  {
    key: 'firewall.udpRuleName',
    flag: 'firewall-udp-rule',
    env: 'MOBYKIT_FIREWALL_UDP_RULE',
    type: 'string',
    default: 'DockerUdp',
    description: 'Inbound UDP rule for the proxy program',
    validate: windowsName(255, RULE_FORBIDDEN, RULE_FORBIDDEN_TEXT),
  },
  {
    key: 'firewall.smbRuleName',
    flag: 'firewall-smb-rule',
    env: 'MOBYKIT_FIREWALL_SMB_RULE',
    type: 'string',
    default: 'DockerSmbMount',
    description: 'Inbound rule letting the VM reach the share (TCP 445 to the host address)',
    validate: windowsName(255, RULE_FORBIDDEN, RULE_FORBIDDEN_TEXT),
  },
  {
    key: 'firewall.program',
    flag: 'proxy-program',
    env: 'MOBYKIT_PROXY_PROGRAM',
    type: 'string',
    default: 'C:\\Program Files\\Docker\\Docker\\Resources\\com.docker.proxy.exe',
    description: 'Program the firewall rules allow',
    validate: windowsPath(),
  },
  {
    key: 'firewall.profile',
    flag: 'firewall-profile',
    env: 'MOBYKIT_FIREWALL_PROFILE',
    type: 'string',
    default: 'Any',
    description: 'Firewall profile of the rules',
    validate: oneOf('Any', 'Domain', 'Private', 'Public'),
  },
  {
    key: 'firewall.edgeTraversal',
    flag: 'edge-traversal',
    env: 'MOBYKIT_EDGE_TRAVERSAL',
    type: 'string',
    default: 'DeferToUser',
    description: 'Edge traversal policy of the rules',
    validate: oneOf('Block', 'Allow', 'DeferToUser', 'DeferToApp'),
  },
  {
    key: 'ports.tcp',
    flag: 'tcp-ports',
    env: 'MOBYKIT_TCP_PORTS',
    type: 'ports',
    default: [53, 2375],
    description: 'TCP ports the proxy must be able to listen on',
    validate: ports,
  },
  {
    key: 'ports.udp',
    flag: 'udp-ports',
    env: 'MOBYKIT_UDP_PORTS',
    type: 'ports',
    default: [53, 67],
    description: 'UDP ports the proxy must be able to listen on',
    validate: ports,
  },
  {
    key: 'vm.name',
    flag: 'vm-name',
    env: 'MOBYKIT_VM_NAME',
    type: 'string',
    default: 'MobyLinuxVM',
    description: 'Hyper-V VM',
    validate: windowsName(100, HYPERV_FORBIDDEN, HYPERV_FORBIDDEN_TEXT),
  },
  { key: 'vm.generation', flag: 'vm-generation', env: 'MOBYKIT_VM_GENERATION', type: 'integer', default: 2, description: 'VM generation', validate: integer(1, 2) },
  {
    key: 'vm.memoryStartupMB',
    flag: 'vm-memory',
    env: 'MOBYKIT_VM_MEMORY',
    type: 'integer',
    default: 2048,
    description: 'Startup memory in MB (a multiple of 2)',
    validate: memoryMB(512, 1048576),
  },
  {
    key: 'vm.processorCount',
    flag: 'vm-cpus',
    env: 'MOBYKIT_VM_CPUS',
    type: 'integer',
    default: null,
    derived: 'min(2, logical processors of the host)',
    description: 'Virtual processors',
    validate: integer(1, 240),
  },
  {
    key: 'vm.isoPath',
    flag: 'iso',
    env: 'MOBYKIT_ISO',
    type: 'string',
    default: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso',
    description: 'ISO the VM boots from',
    validate: windowsPath(),
  },
  {
    key: 'vm.vhdxPath',
    flag: 'vhdx',
    env: 'MOBYKIT_VHDX',
    type: 'string',
    default: null,
    derived: "<vm.name>.vhdx in the host's default disk folder (Get-VMHost's VirtualHardDiskPath), as MobyLinux.ps1 did",
    description: "VM's data disk (dynamic VHDX)",
    validate: windowsPath(),
  },
  { key: 'vm.vhdxSizeGB', flag: 'vhdx-size', env: 'MOBYKIT_VHDX_SIZE', type: 'integer', default: 60, description: 'Maximum size of the VHDX in GB', validate: integer(1, 65536) },
  {
    key: 'vm.comPipe',
    flag: 'com-pipe',
    env: 'MOBYKIT_COM_PIPE',
    type: 'string',
    default: '\\\\.\\pipe\\dockerMobyLinuxVM-com1',
    description: 'Named pipe on COM1',
    validate: windowsPath({ pipe: true }),
  },
  {
    key: 'kvp.itemName',
    flag: 'kvp-item',
    env: 'MOBYKIT_KVP_ITEM',
    type: 'string',
    default: 'cifsmount',
    description: 'KVP host item that carries the mount token',
    validate: windowsName(255),
  },
  {
    key: 'share.name',
    flag: 'share-name',
    env: 'MOBYKIT_SHARE_NAME',
    type: 'string',
    default: 'C',
    description: 'SMB share of the drive',
    validate: windowsName(80, SHARE_FORBIDDEN, '" / \\ [ ] : | < > + = ; , * ?'),
  },
  { key: 'share.path', flag: 'share-path', env: 'MOBYKIT_SHARE_PATH', type: 'string', default: 'C:\\', description: 'Folder the share exposes', validate: windowsPath() },
  {
    key: 'share.user',
    flag: 'share-user',
    env: 'MOBYKIT_SHARE_USER',
    type: 'string',
    default: null,
    derived: 'the current user',
    description: 'Account granted Full access (DOMAIN\\user)',
    validate: windowsName(104, /["/[\]:|<>+=;,*?@]/, '" / [ ] : | < > + = ; , * ? @'),
  },
  {
    key: 'share.account',
    flag: 'share-account',
    env: 'MOBYKIT_SHARE_ACCOUNT',
    type: 'string',
    default: 'user',
    description: "Whose account mounts the share: user (share.user, else the current user) or local (mobykit's own local account mobykit-share, its password made on the host)",
    validate: (v, all) =>
      oneOf('user', 'local')(v) ??
      (isLocalShareAccount(String(v)) && all['share.user'] != null
        ? "cannot be combined with share.user (--share-user): local makes and uses mobykit's own account, share.user names an existing one; give one of them"
        : null),
  },
  {
    key: 'share.cachingMode',
    flag: 'share-caching',
    env: 'MOBYKIT_SHARE_CACHING',
    type: 'string',
    default: 'None',
    description: 'Offline caching of the share',
    validate: oneOf('None', 'Manual', 'Documents', 'Programs', 'BranchCache'),
  },
  {
    key: 'credential.target',
    flag: 'credential-target',
    env: 'MOBYKIT_CREDENTIAL_TARGET',
    type: 'string',
    default: 'Docker Host Filesystem Access',
    description: 'Credential Manager entry for the share',
    validate: windowsName(337),
  },
  {
    key: 'paths.settingsDir',
    flag: 'settings-dir',
    env: 'MOBYKIT_SETTINGS_DIR',
    type: 'string',
    default: '%APPDATA%\\Docker',
    description: 'Settings directory',
    validate: windowsPath({ envVars: true }),
  },
  {
    key: 'paths.logDir',
    flag: 'log-dir',
    env: 'MOBYKIT_LOG_DIR',
    type: 'string',
    default: '%LOCALAPPDATA%\\Docker',
    description: 'Log directory',
    validate: windowsPath({ envVars: true }),
  },
  {
    key: 'doctor.minimumBuild',
    flag: 'minimum-build',
    env: 'MOBYKIT_MINIMUM_BUILD',
    type: 'integer',
    default: 14393,
    description: 'Oldest Windows build doctor accepts',
    validate: integer(0, 1000000),
  },
];

export const SETTING_BY_KEY = new Map(SETTINGS.map((s) => [s.key, s]));
