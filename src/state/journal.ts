// mobykit's ownership journal: what it made, and how to know each resource again. A name is
// something a user can reuse, so a resource is mobykit's only while its identity matches: the
// switch or VM Id, the NAT's name and prefix, the rule's name and exact Group, the share's name
// and path, the credential's target and exact Comment, the disk path mobykit created on its VM.
//
// Intent comes before action: an entry is written `pending` before the cmdlet that makes the
// resource and `applied` after it; the next look at the host (this run's verify, or the next run)
// settles it as `made` or drops it. So a kill at any instant leaves a journal the next run
// resolves by looking, and nothing mobykit made is ever unrecorded.
import type { Config } from '../config/config.js';
import { MARKER, switchNameOf } from '../config/desired.js';
import { psString } from '../windows/powershell.js';
import { parseCidr } from '../net/ipv4.js';
import type { Snapshot, VM } from '../snapshot/types.js';
import { nameKey, sameName } from '../windows/names.js';
import { CREDENTIAL_QUERY } from '../resources/credential/operations.js';

export type OwnedKind = 'switch' | 'address' | 'nat' | 'firewall' | 'share' | 'credential' | 'vm' | 'disk' | 'kvp' | 'account';

/** How a resource is known again; which fields a kind uses is in describeEntry and the README table. */
export interface Identity {
  Name?: string;
  /** A switch's or VM's Id, a local account's SID; on an `address`, the Id of the switch whose vNIC holds it. */
  Id?: string;
  Prefix?: string;
  Group?: string;
  Path?: string;
  InterfaceAlias?: string;
  IPAddress?: string;
  TargetName?: string;
  VMName?: string;
  VMId?: string;
  ItemName?: string;
}

type EntryState = 'pending' | 'applied' | 'made';

export interface JournalEntry {
  kind: OwnedKind;
  id: Identity;
  /** pending: about to be made; applied: the cmdlet said done; made: seen on the host with this identity. */
  state: EntryState;
  /** Until seen: the Ids of same-named resources that existed before, and whether the disk existed. */
  before?: { ids?: string[]; diskExisted?: boolean };
  actionId: string;
  at: string;
}

export interface JournalDoc {
  version: 2;
  /** The configuration of the last install that changed something: uninstall works from it. */
  settings?: Config;
  entries: JournalEntry[];
  /** Said while loading (a carried-over journal); never stored. */
  notes?: string[];
}

/** What an action claims for mobykit (a create, or an --adopt), before it runs. */
export type Claim = Omit<JournalEntry, 'state' | 'actionId' | 'at'> & { adopted?: boolean };
/** What a removal gives up once it succeeded. */
export interface Release {
  kind: OwnedKind;
  id: Identity;
}

const JOURNAL_VERSION = 2;
export const emptyJournal = (): JournalDoc => ({ version: JOURNAL_VERSION, entries: [] });

const sameCidr = (a: string | undefined, b: string | undefined) => {
  const x = a ? parseCidr(a, false) : null;
  const y = b ? parseCidr(b, false) : null;
  return !!x && !!y && x.network === y.network && x.prefix === y.prefix;
};

/** Two entries are about the same resource. */
function sameResource(kind: OwnedKind, a: Identity, b: Identity): boolean {
  switch (kind) {
    case 'switch':
    case 'account':
    case 'vm':
      return a.Id || b.Id ? sameName(a.Id, b.Id) : sameName(a.Name, b.Name); // a claim not yet seen never evicts a known Id
    case 'nat':
    case 'firewall':
    case 'share':
      return sameName(a.Name, b.Name);
    case 'credential':
      return sameName(a.TargetName, b.TargetName);
    case 'address':
      return sameName(a.InterfaceAlias, b.InterfaceAlias) && sameName(a.IPAddress, b.IPAddress);
    case 'kvp':
      return (a.VMId && b.VMId ? sameName(a.VMId, b.VMId) : sameName(a.VMName, b.VMName)) && sameName(a.ItemName, b.ItemName);
    case 'disk':
      return sameName(a.Path, b.Path);
  }
}

/** A person's name for an entry's resource, for notes. */
export function describeEntry(e: { kind: OwnedKind; id: Identity }): string {
  const i = e.id;
  switch (e.kind) {
    case 'switch':
      return `switch ${i.Name}${i.Id ? ` (Id ${i.Id})` : ''}`;
    case 'vm':
      return `VM ${i.Name}${i.Id ? ` (Id ${i.Id})` : ''}`;
    case 'nat':
      return `NAT ${i.Name} (${i.Prefix ?? 'any prefix'})`;
    case 'firewall':
      return `firewall rule ${i.Name} (group ${JSON.stringify(i.Group ?? '')})`;
    case 'share':
      return `share ${i.Name}${i.Path ? ` (${i.Path})` : ''}`;
    case 'credential':
      return `credential "${i.TargetName}"`;
    case 'address':
      return `address ${i.IPAddress ?? ''} on "${i.InterfaceAlias}"`;
    case 'kvp':
      return `KVP item ${i.ItemName} on VM ${i.VMName ?? i.VMId}`;
    case 'disk':
      return `disk ${i.Path}`;
    case 'account':
      return `local account ${i.Name}${i.Id ? ` (SID ${i.Id})` : ''}`;
  }
}

/** Is this entry's resource one this snapshot looked at? (The real host gathers by configured names.) */
export interface Scope {
  vmName: string;
  ruleNames: string[];
  shareName: string;
  credentialTarget: string;
  vhdxPath: string;
  shareAccount?: string;
}

/** The Id a switch or VM entry settled on in this pass, by name (a KVP item, disk or address names its VM or switch). */
type IdOf = (kind: 'switch' | 'vm', name: string) => string | undefined;

/** The resource that carries this entry's identity now, if any: the one rule both for settling and for checking. */
function find(e: JournalEntry, s: Snapshot, idOf: IdOf): { id: Identity } | undefined {
  const vmIdOf = (name: string) => idOf('vm', name);
  const i = e.id;
  const settled = e.state === 'made';
  const notBefore = (id: string) => !(e.before?.ids ?? []).some((b) => sameName(b, id));
  switch (e.kind) {
    case 'switch': {
      const sw = settled ? s.vmSwitches.find((x) => sameName(x.Id, i.Id)) : s.vmSwitches.find((x) => sameName(x.Name, i.Name) && x.Notes === MARKER && notBefore(x.Id));
      return sw && { id: { Name: sw.Name, Id: sw.Id } };
    }
    case 'vm': {
      const vm = settled ? s.vms.find((x) => sameName(x.Id, i.Id)) : s.vms.find((x) => sameName(x.Name, i.Name) && x.Notes === MARKER && notBefore(x.Id));
      return vm && { id: { Name: vm.Name, Id: vm.Id } };
    }
    case 'nat': {
      const n = s.netNats.find((x) => sameName(x.Name, i.Name) && (i.Prefix === undefined || sameCidr(x.InternalIPInterfaceAddressPrefix, i.Prefix)));
      return n && { id: { Name: n.Name, Prefix: n.InternalIPInterfaceAddressPrefix } };
    }
    case 'firewall': {
      const r = s.firewallRules.find((x) => sameName(x.Name, i.Name) && x.Group === i.Group);
      return r && { id: { Name: r.Name, Group: r.Group } };
    }
    case 'share': {
      const sh = s.smbShares.find((x) => sameName(x.Name, i.Name) && (i.Path !== undefined ? sameName(x.Path, i.Path) : x.Description === MARKER));
      return sh && { id: { Name: sh.Name, Path: sh.Path } };
    }
    case 'credential': {
      const c = s.credentials.find((x) => sameName(x.TargetName, i.TargetName) && x.Comment === MARKER);
      return c && { id: { TargetName: c.TargetName } };
    }
    case 'address': {
      // The address is mobykit's only on the switch it was set on: a new switch of that name (yours) is another vNIC.
      const switchName = switchNameOf(i.InterfaceAlias ?? '');
      const named = s.vmSwitches.filter((x) => sameName(x.Name, switchName));
      const switchId = i.Id ?? idOf('switch', switchName) ?? (named.length === 1 ? named[0].Id : undefined);
      if (i.Id !== undefined && !named.some((x) => sameName(x.Id, i.Id))) return undefined;
      if (!switchId) return undefined;
      const a = s.netIPAddresses.find(
        (x) => sameName(x.InterfaceAlias, i.InterfaceAlias) && (i.IPAddress === undefined || x.IPAddress === i.IPAddress) && x.AddressFamily === 'IPv4',
      );
      return a && { id: { InterfaceAlias: a.InterfaceAlias, IPAddress: a.IPAddress, Id: switchId } };
    }
    case 'kvp': {
      const vmId = i.VMId ?? vmIdOf(i.VMName ?? '');
      const vm = vmId ? s.vms.find((x) => sameName(x.Id, vmId)) : undefined;
      const item = vm?.KvpHostExchangeItems.find((x) => sameName(x.Name, i.ItemName));
      return vm && item && { id: { VMName: vm.Name, VMId: vm.Id, ItemName: item.Name } };
    }
    case 'account': {
      // Known by its SID; until seen, the new account of that name with the marker (New-MobyKitShareAccount's description).
      const a = settled
        ? s.localAccounts?.find((x) => sameName(x.SID, i.Id))
        : s.localAccounts?.find((x) => sameName(x.Name, i.Name) && x.Description === MARKER && notBefore(x.SID));
      return a && { id: { Name: a.Name, Id: a.SID } };
    }
    case 'disk': {
      const vmId = i.VMId ?? (settled ? undefined : vmIdOf(i.VMName ?? ''));
      if (vmId) {
        const vm = s.vms.find((x) => sameName(x.Id, vmId));
        const path = vm?.HardDrives.find((d) => i.Path === undefined || sameName(d.Path, i.Path))?.Path;
        return vm && path ? { id: { Path: path, VMName: vm.Name, VMId: vm.Id } } : undefined;
      }
      // A disk whose VM was never made (a run killed inside vm.create) cannot be told from one put at that
      // path since (migrate-toolbox writes the user's disk there): it is never mobykit's; reconcile says so.
      return undefined;
    }
  }
}

function inScope(e: JournalEntry, scope: Scope): boolean {
  const i = e.id;
  switch (e.kind) {
    case 'vm':
    case 'kvp':
      return sameName(i.Name ?? i.VMName, scope.vmName);
    case 'disk':
      return i.VMName ? sameName(i.VMName, scope.vmName) : sameName(i.Path, scope.vhdxPath);
    case 'firewall':
      return scope.ruleNames.some((n) => sameName(n, i.Name));
    case 'share':
      return sameName(i.Name, scope.shareName);
    case 'credential':
      return sameName(i.TargetName, scope.credentialTarget);
    // Looked at only with --share-account local (by name): a renamed account is not seen, and stays recorded.
    case 'account':
      return scope.shareAccount !== undefined && sameName(i.Name, scope.shareAccount);
    default:
      return true;
  }
}

/** The snapshot queries each kind is seen through (their Source when they fail). */
const SOURCES: Record<OwnedKind, string[]> = {
  switch: ['Get-VMSwitch'],
  vm: ['Get-VM'],
  disk: ['Get-VM', 'Get-VMHardDiskDrive', 'files'],
  kvp: ['Get-VM', 'Msvm_KvpExchangeComponentSettingData'],
  nat: ['Get-NetNat'],
  firewall: ['Get-NetFirewallRule'],
  share: ['Get-SmbShare'],
  credential: [CREDENTIAL_QUERY],
  address: ['Get-NetIPAddress', 'Get-VMSwitch'],
  account: ['Get-LocalUser'],
};
const KNOWN_SOURCES = new Set(Object.values(SOURCES).flat());
const UNRELATED =
  /^(Get-(Process|Service|Module|NetAdapter|NetAdapterBinding|NetConnectionProfile|NetIPInterface|NetRoute|NetTCPConnection|NetUDPEndpoint|WindowsOptionalFeature|VMComPort|VMDvdDrive|VMIntegrationService|VMNetworkAdapter)|EditionID|VirtualBox|Win32_.*|WindowsIdentity|bcdedit|docker-machine)$/;
/** A failed query hides this kind if it is one of its queries, or one mobykit does not know (then nothing is forgotten). */
const blinds = (source: string, kind: OwnedKind) => SOURCES[kind].includes(source) || (!KNOWN_SOURCES.has(source) && !UNRELATED.test(source));

/** Kinds settle in this order: a KVP item or disk is known by its VM's Id. */
const SETTLE_ORDER: OwnedKind[] = ['switch', 'vm', 'address', 'nat', 'firewall', 'share', 'credential', 'kvp', 'disk', 'account'];

export class Journal {
  private doc: JournalDoc;
  constructor(doc: JournalDoc = emptyJournal()) {
    const { notes: _notes, ...stored } = doc;
    this.doc = structuredClone(stored);
  }

  get entries(): readonly JournalEntry[] {
    return this.doc.entries;
  }
  get settings(): Config | undefined {
    return this.doc.settings;
  }
  /** As stored: a journal that owns nothing keeps no settings either, so uninstall leaves no trace. */
  toDoc(): JournalDoc {
    const doc = structuredClone(this.doc);
    if (!doc.entries.length) delete doc.settings;
    return doc;
  }

  setSettings(config: Config): void {
    this.doc.settings = structuredClone(config);
  }

  /** Owned now: a settled entry whose identity this resource carries. */
  private owns(kind: OwnedKind, match: (i: Identity) => boolean): boolean {
    return this.doc.entries.some((e) => e.kind === kind && e.state === 'made' && match(e.id));
  }
  ownsSwitch(sw: { Id: string }) {
    return this.owns('switch', (i) => sameName(i.Id, sw.Id));
  }
  ownsVM(vm: { Id: string }) {
    return this.owns('vm', (i) => sameName(i.Id, vm.Id));
  }
  ownsNat(n: { Name: string; InternalIPInterfaceAddressPrefix: string }) {
    return this.owns('nat', (i) => sameName(i.Name, n.Name) && sameCidr(i.Prefix, n.InternalIPInterfaceAddressPrefix));
  }
  ownsRule(r: { Name: string; Group?: string }) {
    return this.owns('firewall', (i) => sameName(i.Name, r.Name) && i.Group === r.Group);
  }
  ownsShare(sh: { Name: string; Path: string }) {
    return this.owns('share', (i) => sameName(i.Name, sh.Name) && sameName(i.Path, sh.Path));
  }
  ownsCredential(c: { TargetName: string; Comment?: string }) {
    return c.Comment === MARKER && this.owns('credential', (i) => sameName(i.TargetName, c.TargetName));
  }
  ownsAccount(a: { SID: string }) {
    return this.owns('account', (i) => sameName(i.Id, a.SID));
  }
  ownsKvp(vm: VM, item: string) {
    return this.owns('kvp', (i) => sameName(i.VMId, vm.Id) && sameName(i.ItemName, item));
  }
  /** The disk mobykit created for this VM, if it still is this VM's disk. */
  diskOf(vm: VM): string | undefined {
    const e = this.doc.entries.find((x) => x.kind === 'disk' && x.state === 'made' && sameName(x.id.VMId, vm.Id) && vm.HardDrives.some((d) => sameName(d.Path, x.id.Path)));
    return e?.id.Path;
  }
  /** A disk mobykit created whose VM was never made. */
  settled(kind: OwnedKind): JournalEntry[] {
    return this.doc.entries.filter((e) => e.kind === kind && e.state === 'made');
  }

  /** Before the cmdlet: the intent, so a kill leaves a trace. Adoptions are known already and settle at once. */
  claim(claims: Claim[], actionId: string, at = new Date().toISOString()): void {
    for (const { adopted, ...c } of claims) {
      this.forget(c.kind, c.id);
      this.doc.entries.push({ ...structuredClone(c), state: adopted ? 'made' : 'pending', actionId, at });
    }
  }

  /** After the cmdlet said done: the claims wait to be seen. */
  confirm(actionId: string): void {
    for (const e of this.doc.entries) if (e.actionId === actionId && e.state === 'pending') e.state = 'applied';
  }

  /** After a removal succeeded: the resource and what lived on it. */
  release(releases: Release[]): void {
    for (const r of releases) {
      this.forget(r.kind, r.id);
      if (r.kind === 'vm' && r.id.Id) this.doc.entries = this.doc.entries.filter((e) => !((e.kind === 'kvp' || e.kind === 'disk') && sameName(e.id.VMId, r.id.Id)));
      if (r.kind === 'switch' && r.id.Name) this.doc.entries = this.doc.entries.filter((e) => !(e.kind === 'address' && sameName(e.id.InterfaceAlias, `vEthernet (${r.id.Name})`)));
    }
  }

  /** Takes back entries of `earlier` for these resources (a removal Windows reported done but did not make). */
  keepFrom(earlier: JournalDoc, resources: Release[]): void {
    for (const r of resources) {
      for (const e of earlier.entries.filter((x) => x.kind === r.kind && sameResource(r.kind, x.id, r.id))) {
        if (!this.doc.entries.some((x) => x.kind === e.kind && sameResource(e.kind, x.id, e.id))) this.doc.entries.push(structuredClone(e));
      }
    }
  }

  private forget(kind: OwnedKind, id: Identity): void {
    this.doc.entries = this.doc.entries.filter((e) => !(e.kind === kind && sameResource(kind, e.id, id)));
  }

  /**
   * Settles every entry against what the host shows now: unconfirmed ones become `made` with their
   * full identity or are dropped (not made); settled ones whose resource is gone, or no longer
   * carries its identity, are dropped. Entries this snapshot could not see are kept. Returns what
   * changed, for the output.
   */
  reconcile(seen: Snapshot, scope: Scope): string[] {
    const notes: string[] = [];
    const blindTo = (e: JournalEntry) => seen.errors.filter((x) => blinds(x.Source, e.kind)).map((x) => x.Source);
    const entries = this.doc.entries;
    const result: (JournalEntry | null)[] = entries.map(() => null);
    const ids = new Map<string, string>();
    const idOf: IdOf = (kind, name) => ids.get(`${kind}:${nameKey(name)}`);
    const order = entries.map((_, i) => i).sort((a, b) => SETTLE_ORDER.indexOf(entries[a].kind) - SETTLE_ORDER.indexOf(entries[b].kind));
    for (const index of order) {
      const e = entries[index];
      const found = find(e, seen, idOf);
      if (found) {
        const settled: JournalEntry = { kind: e.kind, id: { ...e.id, ...found.id }, state: 'made', actionId: e.actionId, at: e.at };
        if ((e.kind === 'vm' || e.kind === 'switch') && settled.id.Name && settled.id.Id) ids.set(`${e.kind}:${nameKey(settled.id.Name)}`, settled.id.Id);
        if (e.state === 'pending') notes.push(`${describeEntry(settled)}: made by an interrupted or earlier run; now recorded by its identity`);
        result[index] = settled;
      } else if (blindTo(e).length) {
        result[index] = e;
        notes.push(`${describeEntry(e)} could not be checked (a query of the snapshot failed: ${blindTo(e).join(', ')}); it stays recorded`);
      } else if (!inScope(e, scope)) {
        result[index] = e;
        notes.push(`${describeEntry(e)} was not looked at (this run looks at the configured names); it stays recorded until a run with its names looks`);
      } else if (e.kind === 'disk' && !e.id.VMId && seen.files.vhdx.Exists && sameName(seen.files.vhdx.Path, e.id.Path)) {
        notes.push(
          `disk ${e.id.Path}: the run that was creating mobykit's VM on it stopped, and a disk is there now; it may be that run's or yours, ` +
            `so mobykit leaves it alone: delete it (Remove-Item -LiteralPath ${psString(e.id.Path ?? '')}) if it is not yours, or build the VM on it with mobykit install --adopt`,
        );
      } else {
        notes.push(
          e.state === 'made'
            ? `${describeEntry(e)} is gone or no longer carries mobykit's identity: forgotten (anything of that name now is not mobykit's)`
            : `${describeEntry(e)}: ${e.state === 'pending' ? 'not made (the run that meant to make it stopped first)' : 'not found after it was made'}: forgotten`,
        );
      }
    }
    this.doc.entries = result.filter((e): e is JournalEntry => e !== null);
    return notes;
  }
}

export function scopeOf(d: {
  vm: { name: string; vhdxPath: string };
  firewallRules: { Name: string }[];
  share: { name: string };
  credential: { target: string };
  shareAccount?: { name: string };
}): Scope {
  return {
    vmName: d.vm.name,
    vhdxPath: d.vm.vhdxPath,
    ruleNames: d.firewallRules.map((r) => r.Name),
    shareName: d.share.name,
    credentialTarget: d.credential.target,
    ...(d.shareAccount ? { shareAccount: d.shareAccount.name } : {}),
  };
}

const KINDS: readonly OwnedKind[] = SETTLE_ORDER;
const STATES: readonly EntryState[] = ['pending', 'applied', 'made'];
const IDENTITY_FIELDS: (keyof Identity)[] = ['Name', 'Id', 'Prefix', 'Group', 'Path', 'InterfaceAlias', 'IPAddress', 'TargetName', 'VMName', 'VMId', 'ItemName'];

/** An entry of the first journal format (`{resource: "nat:DockerNAT", actionId, at}`): carried over as pending, settled by exact markers. */
function fromLegacy(resource: string, actionId: string, at: string): JournalEntry | null {
  const m = /^(switch|nat|firewall|share|credential|vm):(.+?)(?:\/(address|disk|kvp:(.+)))?$/i.exec(resource);
  if (!m) return null;
  const [, kind, name, sub, item] = m;
  const entry = (k: OwnedKind, id: Identity): JournalEntry => ({ kind: k, id, state: 'pending', actionId, at });
  const k = kind.toLowerCase();
  if (k === 'switch') return sub ? entry('address', { InterfaceAlias: `vEthernet (${name})` }) : entry('switch', { Name: name });
  if (k === 'vm') {
    if (!sub) return entry('vm', { Name: name });
    return sameName(sub, 'disk') ? entry('disk', { VMName: name }) : entry('kvp', { VMName: name, ItemName: item });
  }
  if (sub) return null;
  if (k === 'nat') return entry('nat', { Name: name });
  if (k === 'firewall') return entry('firewall', { Name: name, Group: 'mobykit' });
  if (k === 'share') return entry('share', { Name: name });
  return entry('credential', { TargetName: name });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A journal document as stored, checked: the current format, or the first one (a bare list of
 * `{resource, actionId, at}`), whose entries are carried over to be settled by looking.
 * Throws naming the first bad value.
 */
export function parseJournal(doc: unknown, where: string): JournalDoc {
  const bad = (path: string, what: string) => new Error(`mobykit's journal ${where}: ${path} ${what}; fix or delete it`);
  const list = Array.isArray(doc) ? doc : isObject(doc) ? doc.entries : undefined;
  if (!Array.isArray(list)) throw bad('$', 'is not a journal (an object with "entries")');
  const entries: JournalEntry[] = [];
  list.forEach((raw, n) => {
    const path = `$.entries[${n}]`;
    if (!isObject(raw)) throw bad(path, 'is not an object');
    const actionId = typeof raw.actionId === 'string' ? raw.actionId : '';
    const at = typeof raw.at === 'string' ? raw.at : '';
    if (typeof raw.resource === 'string' && raw.kind === undefined) {
      const legacy = fromLegacy(raw.resource, actionId, at);
      if (!legacy) throw bad(`${path}.resource`, `(${JSON.stringify(raw.resource)}) names no resource mobykit makes`);
      entries.push(legacy);
      return;
    }
    if (!KINDS.includes(raw.kind as OwnedKind)) throw bad(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
    if (!STATES.includes(raw.state as EntryState)) throw bad(`${path}.state`, `must be one of ${STATES.join(', ')}`);
    if (!isObject(raw.id)) throw bad(`${path}.id`, 'is not an object');
    const id: Identity = {};
    for (const f of IDENTITY_FIELDS) {
      const v = raw.id[f];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw bad(`${path}.id.${f}`, 'is not a string');
      id[f] = v;
    }
    const entry: JournalEntry = { kind: raw.kind as OwnedKind, id, state: raw.state as EntryState, actionId, at };
    if (isObject(raw.before)) {
      const ids = raw.before.ids;
      entry.before = {
        ...(Array.isArray(ids) && ids.every((x) => typeof x === 'string') ? { ids: ids as string[] } : {}),
        ...(typeof raw.before.diskExisted === 'boolean' ? { diskExisted: raw.before.diskExisted } : {}),
      };
    }
    entries.push(entry);
  });
  const settings = isObject(doc) && isObject(doc.settings) ? (doc.settings as unknown as Config) : undefined;
  return { version: JOURNAL_VERSION, ...(settings ? { settings } : {}), entries };
}
