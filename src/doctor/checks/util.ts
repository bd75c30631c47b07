// Helpers shared by the doctor checks: Windows-style comparisons and a
// per-run index of the snapshot's long lists so that no check scans them more than once.
import { notChecked, type CheckContext, type NotChecked } from '../check.js';
import type {
  FirewallRule,
  Listener,
  NetAdapter,
  NetAdapterBinding,
  NetConnectionProfile,
  NetIPAddress,
  NetIPInterface,
  Process,
  SmbShare,
  VM,
  VMSwitch,
} from '../../snapshot/types.js';
import { parseCidr, type Cidr } from '../../net/ipv4.js';
import { sameName, nameKey } from '../../windows/names.js';
import { switchVnicAdapter } from '../../windows/vnic.js';

/** `DEV-PC\alice` and `alice` name the same user when one side has no domain. */
export function sameAccount(a: string, b: string): boolean {
  if (sameName(a, b)) return true;
  const bare = (s: string) => (s.includes('\\') ? s.slice(s.lastIndexOf('\\') + 1) : s);
  if (a.includes('\\') && b.includes('\\')) return false;
  return sameName(bare(a), bare(b));
}

export function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Parses a CIDR leniently (host bits allowed), for values read from the host. */
export function looseCidr(text: string | null | undefined): Cidr | null {
  return text ? parseCidr(text, false) : null;
}

/** Index of one run's snapshot; built lazily, once per CheckContext. */
export interface SnapshotIndex {
  switchesByName: Map<string, VMSwitch[]>;
  adapterByName: Map<string, NetAdapter>;
  addressesByAlias: Map<string, NetIPAddress[]>;
  ipInterfaceByAlias: Map<string, NetIPInterface>;
  profileByAlias: Map<string, NetConnectionProfile>;
  bindingByAlias: Map<string, NetAdapterBinding>;
  rulesByName: Map<string, FirewallRule>;
  tcpByPort: Map<number, Listener[]>;
  udpByPort: Map<number, Listener[]>;
  processById: Map<number, Process>;
  vmsByName: Map<string, VM[]>;
  sharesByName: Map<string, SmbShare[]>;
  /** Sources of failed queries, lower case, e.g. `get-netnat`. */
  failed: Set<string>;
}

const INDEXES = new WeakMap<CheckContext, SnapshotIndex>();

function group<T, K extends string | number>(list: readonly T[] | undefined, key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const item of list ?? []) {
    const k = key(item);
    const arr = m.get(k);
    if (arr) arr.push(item);
    else m.set(k, [item]);
  }
  return m;
}

function first<T, K extends string | number>(list: readonly T[] | undefined, key: (t: T) => K): Map<K, T> {
  const m = new Map<K, T>();
  for (const item of list ?? []) {
    const k = key(item);
    if (!m.has(k)) m.set(k, item);
  }
  return m;
}

/** The index for this context. Contexts are treated as immutable once checks run on them. */
export function index(ctx: CheckContext): SnapshotIndex {
  let ix = INDEXES.get(ctx);
  if (ix) return ix;
  const s = ctx.snapshot;
  ix = {
    switchesByName: group(s.vmSwitches, (x) => nameKey(x.Name)),
    adapterByName: first(s.netAdapters, (x) => nameKey(x.Name)),
    addressesByAlias: group(s.netIPAddresses, (x) => nameKey(x.InterfaceAlias)),
    ipInterfaceByAlias: first(
      (s.netIPInterfaces ?? []).filter((i) => i.AddressFamily !== 'IPv6'),
      (x) => nameKey(x.InterfaceAlias),
    ),
    profileByAlias: first(s.netConnectionProfiles, (x) => nameKey(x.InterfaceAlias)),
    bindingByAlias: first(
      (s.netAdapterBindings ?? []).filter((b) => sameName(b.ComponentID, 'ms_server')),
      (x) => nameKey(x.Name),
    ),
    rulesByName: first(s.firewallRules, (x) => nameKey(x.Name)),
    tcpByPort: group(s.tcpListeners, (x) => x.LocalPort),
    udpByPort: group(s.udpEndpoints, (x) => x.LocalPort),
    processById: first(s.processes, (x) => x.Id),
    vmsByName: group(s.vms, (x) => nameKey(x.Name)),
    sharesByName: group(s.smbShares, (x) => nameKey(x.Name)),
    failed: new Set((s.errors ?? []).map((e) => nameKey(String(e.Source).trim().split(/[\s:]/)[0] ?? ''))),
  };
  INDEXES.set(ctx, ix);
  return ix;
}

/** Whether one of these queries failed while gathering: its section is empty for that reason, not because nothing is there. */
function queryFailed(ctx: CheckContext, ...sources: string[]): boolean {
  const f = index(ctx).failed;
  return sources.some((s) => f.has(nameKey(s)));
}

/** "Not checked" when one of these queries failed while gathering, naming it and its message. */
export function unreadable(ctx: CheckContext, ...sources: string[]): NotChecked | undefined {
  if (!queryFailed(ctx, ...sources)) return undefined;
  const wanted = new Set(sources.map(nameKey));
  const e = (ctx.snapshot.errors ?? []).find((x) => wanted.has(nameKey(String(x.Source).trim().split(/[\s:]/)[0] ?? '')));
  return notChecked(`${e?.Source ?? sources[0]} failed while gathering: ${e?.Message ?? 'no message'}`);
}

/** "Not checked" for an optional section the snapshot does not have (gathered by an older mobykit). */
export function absent(section: string): NotChecked {
  return notChecked(`the snapshot has no ${section} (it was gathered by an older mobykit, or by hand)`);
}

// ---- shared facts several checks depend on (to stay quiet when the root cause is reported) ----

export function isHomeEdition(ctx: CheckContext): boolean {
  return /^(core|home)/i.test(ctx.snapshot.platform.editionId ?? '');
}

/** The switches named as desired (any case). */
export function desiredSwitches(ctx: CheckContext): VMSwitch[] {
  return index(ctx).switchesByName.get(nameKey(ctx.desired.switchName)) ?? [];
}

/** The one switch the other checks look at: mobykit's marked one, else an Internal one, else the first. */
export function primarySwitch(ctx: CheckContext, marker: string): VMSwitch | undefined {
  const list = desiredSwitches(ctx);
  return list.find((s) => s.Notes?.includes(marker)) ?? list.find((s) => s.SwitchType === 'Internal') ?? list[0];
}

export function vmsNamed(ctx: CheckContext): VM[] {
  return index(ctx).vmsByName.get(nameKey(ctx.desired.vm.name)) ?? [];
}

/** The VM the other checks look at: the marked one, else a running one, else the first. */
export function primaryVm(ctx: CheckContext, marker: string): VM | undefined {
  const list = vmsNamed(ctx);
  return list.find((v) => v.Notes?.includes(marker)) ?? list.find((v) => v.State === 'Running') ?? list[0];
}

/**
 * The switch's live host vNIC, found by identity: the management-OS adapter Hyper-V connects to
 * the switch (hostVNics), matched to its net adapter by MAC address. Its name is usually
 * "vEthernet (<switch>)" but may be "vEthernet (<switch>) 2" when a stale adapter holds the
 * first. Only a snapshot without hostVNics (an older one) falls back to the name.
 */
export function vnicAdapter(ctx: CheckContext): NetAdapter | undefined {
  const ix = index(ctx);
  if (!ctx.snapshot.hostVNics) return ix.adapterByName.get(nameKey(ctx.desired.vnicAlias));
  return switchVnicAdapter(ctx.snapshot.hostVNics, ctx.snapshot.netAdapters ?? [], ctx.desired.switchName);
}

/** The name to address the live vNIC by in fixes and lookups: its real name, else the usual one. */
export function vnicName(ctx: CheckContext): string {
  return vnicAdapter(ctx)?.Name ?? ctx.desired.vnicAlias;
}
