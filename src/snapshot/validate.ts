// Reads and checks a host snapshot (../../shared/spec/host-snapshot.md, version 1).
// The spec is a public contract: a document that is not valid against it is rejected with the
// path of the first offending value, the value seen and what was expected. Unknown extra
// properties are allowed and left in place; optional sections (`?` in the spec) may be absent.

import { readFileSync } from 'node:fs';
import { decodeText } from '../text-file.js';
import { UsageError } from '../errors.js';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION, type Snapshot } from './types.js';
import { sameName } from '../windows/names.js';

/** A document that is not a valid host snapshot. `path` is where, e.g. `$.vms[0].MemoryStartup`. */
export class SnapshotError extends UsageError {
  constructor(
    readonly path: string,
    message: string,
    readonly file?: string,
  ) {
    super(file === undefined ? message : `${file}: ${message}`);
    this.name = 'SnapshotError';
  }
}

// ---------------------------------------------------------------------------------------------
// A tiny schema DSL. A check looks at one value at one path and throws on the first mismatch.

type Check = (value: unknown, path: string) => void;

/** A property that may be absent (it is checked when present). */
interface Optional {
  optional: Check;
}
type Shape = Record<string, Check | Optional>;

function fail(path: string, expected: string, value: unknown, hint?: string): never {
  throw new SnapshotError(path, `${path}: expected ${expected}, got ${describe(value)}${hint ? ` (${hint})` : ''}`);
}

const MISSING = Symbol('missing');

function describe(value: unknown): string {
  if (value === MISSING) return 'nothing (the property is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `the string ${JSON.stringify(shown)}`;
  }
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

const str: Check = (v, p) => {
  if (typeof v !== 'string') fail(p, 'a string', v);
};
const bool: Check = (v, p) => {
  if (typeof v !== 'boolean') fail(p, 'a boolean (true or false)', v);
};
const int: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(p, 'a whole number >= 0', v);
};
const port: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535) fail(p, 'a port number 0-65535', v);
};
const iso8601: Check = (v, p) => {
  const ok = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));
  if (!ok) fail(p, 'an ISO-8601 date and time such as "2026-11-22T10:00:00Z"', v);
};

function literal(expected: string | number, hint?: string): Check {
  return (v, p) => {
    if (v !== expected) fail(p, JSON.stringify(expected), v, hint);
  };
}

/** One of the enum names the cmdlet emits (case-sensitive, as ConvertTo-Json writes them). */
function oneOf(...names: string[]): Check {
  return (v, p) => {
    if (typeof v !== 'string' || !names.includes(v)) fail(p, `one of ${names.map((n) => JSON.stringify(n)).join(' | ')}`, v);
  };
}

function nullable(check: Check): Check {
  return (v, p) => {
    if (v !== null) check(v, p);
  };
}

function optional(check: Check): Optional {
  return { optional: check };
}

function arrayOf(item: Check): Check {
  return (v, p) => {
    if (!Array.isArray(v)) fail(p, 'an array (a list may be empty: [])', v);
    v.forEach((element, i) => item(element, `${p}[${i}]`));
  };
}

function object(shape: Shape): Check {
  return (v, p) => {
    if (!isPlainObject(v)) fail(p, 'an object', v);
    for (const [key, rule] of Object.entries(shape)) {
      const present = Object.prototype.hasOwnProperty.call(v, key);
      if (typeof rule === 'function') rule(present ? v[key] : MISSING, childPath(p, key));
      else if (present) rule.optional(v[key], childPath(p, key));
    }
  };
}

/** An object whose every property value passes `check` (names are free). */
function mapOf(check: Check): Check {
  return (v, p) => {
    if (!isPlainObject(v)) fail(p, 'an object', v);
    for (const [key, value] of Object.entries(v)) check(value, childPath(p, key));
  };
}

/** Adds a rule to a check that already passed its type test. */
function refine(check: Check, rule: (v: never, p: string) => void): Check {
  return (v, p) => {
    check(v, p);
    rule(v as never, p);
  };
}

// ---------------------------------------------------------------------------------------------
// "No secrets, ever": a password= value inside a KVP item's Data is always ***.

const PASSWORD_VALUE = /(password=)([^,;]*)/gi;

const kvpData: Check = refine(str, (data: string, p) => {
  for (const m of data.matchAll(PASSWORD_VALUE)) {
    // Never echo the secret itself.
    if (m[2] !== '***') {
      throw new SnapshotError(p, `${p}: expected ${m[1]}*** (a snapshot never holds a password), got ${m[1]}<a ${m[2].length}-character value, not shown>`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The spec, as a table. Property names are the ones the cmdlets and CIM classes emit.

const path = str;
const ipv4or6 = oneOf('IPv4', 'IPv6');
const fileEntry = { Path: path, Exists: bool };

const platform = object({
  os: object({
    Caption: str,
    Version: str,
    BuildNumber: str,
    ProductType: int,
    FreePhysicalMemory: int,
    TotalVisibleMemorySize: int,
  }),
  editionId: str,
  computerSystem: object({ Manufacturer: str, Model: str, HypervisorPresent: bool }),
  processors: arrayOf(
    object({
      Name: str,
      NumberOfLogicalProcessors: int,
      VirtualizationFirmwareEnabled: bool,
      SecondLevelAddressTranslationExtensions: bool,
    }),
  ),
  optionalFeatures: arrayOf(
    object({
      FeatureName: str,
      State: oneOf('Enabled', 'Disabled', 'EnablePending', 'DisablePending'),
    }),
  ),
  hyperVModuleAvailable: bool,
  hypervisorLaunchType: nullable(oneOf('Auto', 'Off')),
  identity: object({ UserName: str, IsAdministrator: bool, IsHyperVAdministrator: bool }),
  powershell: object({ PSVersion: str, PSEdition: str }),
  virtualBox: optional(nullable(object({ InstallDir: path }))),
  environment: optional(mapOf(str)),
  defender: optional(nullable(object({ EnableControlledFolderAccess: int }))),
});

const listener = object({ LocalAddress: str, LocalPort: port, OwningProcess: int });

const vm = object({
  Name: str,
  Id: str,
  State: str, // Off | Running | Saved | Paused | Starting | Stopping | ... : any name Get-VM emits
  Generation: int,
  MemoryStartup: int,
  ProcessorCount: int,
  DvdDrives: arrayOf(object({ Path: nullable(path) })),
  HardDrives: arrayOf(object({ Path: path })),
  ComPorts: arrayOf(object({ Name: str, Path: str })),
  IntegrationServices: arrayOf(object({ Name: str, Id: str, Enabled: bool, PrimaryStatusDescription: str })),
  NetworkAdapters: arrayOf(object({ Name: str, SwitchName: nullable(str), MacAddress: str, IPAddresses: arrayOf(str) })),
  KvpHostExchangeItems: arrayOf(object({ Name: str, Data: kvpData, Source: int })),
  Notes: optional(str),
  CheckpointType: optional(oneOf('Disabled', 'Production', 'ProductionOnly', 'Standard')),
  AutomaticCheckpointsEnabled: optional(bool),
  Snapshots: optional(arrayOf(object({ Name: str, CreationTime: str }))),
  Firmware: optional(
    object({
      SecureBoot: oneOf('On', 'Off'),
      SecureBootTemplate: optional(nullable(str)),
      FirstBootDevice: optional(nullable(str)),
    }),
  ),
});

const snapshot = object({
  kind: literal(SNAPSHOT_KIND, 'this is not a mobykit host snapshot'),
  version: literal(SNAPSHOT_VERSION, `this mobykit reads host snapshot version ${SNAPSHOT_VERSION}`),
  capturedAt: iso8601,
  computerName: str,
  platform,
  services: arrayOf(object({ Name: str, Status: str, StartType: str })),
  vmSwitches: arrayOf(object({ Name: str, Id: str, SwitchType: oneOf('Internal', 'External', 'Private'), Notes: optional(str) })),
  netAdapters: arrayOf(object({ Name: str, InterfaceDescription: str, ifIndex: int, Status: str, MacAddress: str })),
  netIPAddresses: arrayOf(
    object({
      InterfaceAlias: str,
      InterfaceIndex: int,
      IPAddress: str,
      PrefixLength: int,
      AddressFamily: ipv4or6,
      PrefixOrigin: str,
    }),
  ),
  netIPInterfaces: arrayOf(object({ InterfaceAlias: str, AddressFamily: ipv4or6, Dhcp: oneOf('Enabled', 'Disabled') })),
  netRoutes: arrayOf(object({ DestinationPrefix: str, InterfaceAlias: str, NextHop: str })),
  netConnectionProfiles: arrayOf(
    object({
      InterfaceAlias: str,
      NetworkCategory: oneOf('Public', 'Private', 'DomainAuthenticated'),
    }),
  ),
  hostVNics: optional(arrayOf(object({ Name: str, SwitchName: str, MacAddress: str }))),
  netAdapterBindings: arrayOf(object({ Name: str, ComponentID: str, Enabled: bool })),
  netNats: arrayOf(object({ Name: str, InternalIPInterfaceAddressPrefix: str, Active: bool })),
  firewallRules: arrayOf(
    object({
      Name: str,
      DisplayName: str,
      Enabled: bool,
      Direction: oneOf('Inbound', 'Outbound'),
      Action: oneOf('Allow', 'Block'),
      Profile: str,
      EdgeTraversalPolicy: str,
      Program: str,
      Protocol: str,
      LocalPort: arrayOf(str),
      LocalAddress: arrayOf(str),
      RemoteAddress: arrayOf(str),
      Group: optional(str),
      Description: optional(str),
    }),
  ),
  tcpListeners: arrayOf(listener),
  udpEndpoints: arrayOf(listener),
  excludedPortRanges: optional(arrayOf(object({ Protocol: oneOf('TCP', 'UDP'), StartPort: port, EndPort: port }))),
  processes: arrayOf(object({ Id: int, ProcessName: str, Path: nullable(path) })),
  vms: arrayOf(vm),
  smbServerConfiguration: optional(object({ EnableSMB2Protocol: bool, EncryptData: bool, RejectUnencryptedAccess: bool })),
  smbShares: arrayOf(
    object({
      Name: str,
      Path: path,
      CachingMode: str,
      Access: arrayOf(
        object({
          AccountName: str,
          AccessControlType: oneOf('Allow', 'Deny'),
          AccessRight: oneOf('Full', 'Change', 'Read', 'Custom'),
        }),
      ),
      Description: optional(str),
    }),
  ),
  credentials: arrayOf(object({ TargetName: str, UserName: str, Type: str, Comment: optional(str) })),
  files: object({
    settingsDir: object(fileEntry),
    logDir: object({
      ...fileEntry,
      LatestLog: optional(nullable(object({ Name: str, LastWriteTime: str, Length: int }))),
    }),
    bootIso: object(fileEntry),
    proxyProgram: optional(object(fileEntry)),
    vhdx: object({ ...fileEntry, Attributes: optional(arrayOf(str)) }),
    toolboxMachines: arrayOf(object({ Name: str, DiskPath: path })),
  }),
  engine: optional(object({ Endpoint: str, Reachable: bool, ServerVersion: optional(nullable(str)), Error: optional(nullable(str)) })),
  gatheredFor: optional(
    object({
      switchName: str,
      natName: str,
      subnet: str,
      hostAddress: str,
      firewallRules: arrayOf(str),
      tcpPorts: arrayOf(port),
      udpPorts: arrayOf(port),
      vmName: str,
      kvpItem: str,
      shareName: str,
      shareUser: str,
      credentialTarget: str,
    }),
  ),
  errors: arrayOf(object({ Source: str, Message: str })),
});

// ---------------------------------------------------------------------------------------------

/** Checks a parsed JSON document against the spec; returns the same document, typed, with only the DOCKER_* variables the spec keeps. */
export function parseSnapshot(doc: unknown): Snapshot {
  snapshot(doc, '$');
  const s = doc as Snapshot;
  if (s.platform.environment) s.platform.environment = keptEnvironment(s.platform.environment);
  return s;
}

// ---------------------------------------------------------------------------------------------
// "No secrets, ever": of the DOCKER_* variables only these enter a snapshot, whether gathered or
// read; DOCKER_HOST without a user:password part. Others (tokens, registry auth) are dropped.

const KEPT_DOCKER_VARIABLES = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_MACHINE_NAME', 'DOCKER_CONTEXT'];

/** `tcp://user:secret@host:2376` -> `tcp://host:2376`. */
function withoutUserInfo(endpoint: string): string {
  return endpoint.replace(/^([A-Za-z][\w+.-]*:\/\/)[^/@]*@/, '$1');
}

function keptEnvironment(env: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const known = KEPT_DOCKER_VARIABLES.find((k) => sameName(k, name));
    if (!known) continue;
    kept[name] = known === 'DOCKER_HOST' ? withoutUserInfo(value) : value;
  }
  return kept;
}

/** Reads a snapshot file (UTF-8 with or without BOM, or UTF-16 as PowerShell 5.1's `>` writes: see decodeText). */
export function readSnapshotFile(file: string): Snapshot {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new SnapshotError('$', `cannot read the host snapshot: ${(err as Error).message}`, file);
  }
  const text = decodeText(bytes);

  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const truncated = text.trim() === '' || /end of (JSON )?input|Unterminated/i.test((err as Error).message);
    const why =
      text.trim() === ''
        ? 'the file is empty'
        : truncated
          ? `the JSON ends early: the file looks truncated (${(err as Error).message})`
          : `not valid JSON: ${(err as Error).message}`;
    throw new SnapshotError('$', `not a host snapshot: ${why}`, file);
  }
  try {
    return parseSnapshot(doc);
  } catch (err) {
    if (err instanceof SnapshotError) throw new SnapshotError(err.path, err.message, file);
    throw err;
  }
}

/** A KVP item's Data with every `password=...` value (up to `,` or `;`) written as `***`. */
export function redactKvpData(data: string): string {
  return data.replace(PASSWORD_VALUE, '$1***');
}

/** A deep copy with every `password=...` inside a VM's KVP item Data written as `password=***`. */
export function redactSnapshot(s: Snapshot): Snapshot {
  const copy = structuredClone(s);
  for (const vm of copy.vms) {
    for (const item of vm.KvpHostExchangeItems) item.Data = redactKvpData(item.Data);
  }
  return copy;
}
