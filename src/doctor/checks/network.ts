// The internal switch, its host vNIC "vEthernet (<switch>)" and whether the subnet is free.
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext, Problem } from '../check.js';
import { MARKER } from '../../config/desired.js';
import { broadcast, formatCidr, formatIPv4, mask, overlaps, parseCidr, parseIPv4, subnetOf, type Cidr } from '../../net/ipv4.js';
import {
  desiredSwitches, hyperVUsable, ieq, index, lc, looseCidr, primarySwitch, queryFailed, vnicAdapter,
} from './util.js';

function newSwitchFix(ctx: CheckContext): string {
  const d = ctx.desired;
  return `New-VMSwitch -Name ${psString(d.switchName)} -SwitchType Internal -Notes ${psString(MARKER)}; ` +
    `New-NetIPAddress -InterfaceAlias ${psString(d.vnicAlias)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`;
}

/** The switch exists once and is Internal: the vNIC checks make sense. */
function switchReady(ctx: CheckContext): boolean {
  const list = desiredSwitches(ctx);
  return list.length > 0 && primarySwitch(ctx, MARKER)?.SwitchType === 'Internal';
}

const switchMissing: Check = {
  id: 'switch.missing',
  title: 'Internal switch exists',
  severity: 'error',
  why: 'The VM talks to Windows over an internal Hyper-V switch; without it the VM has no network and Docker cannot reach it.',
  fixedByInstall: true,
  run(ctx) {
    if (!hyperVUsable(ctx) || queryFailed(ctx, 'Get-VMSwitch')) return [];
    if (desiredSwitches(ctx).length > 0) return [];
    const names = (ctx.snapshot.vmSwitches ?? []).map((s) => `${s.Name} (${s.SwitchType})`);
    return [{
      evidence: `No switch named ${ctx.desired.switchName}${names.length ? `; switches present: ${names.join(', ')}` : '; there are no switches'}`,
      fix: newSwitchFix(ctx),
    }];
  },
};

const switchType: Check = {
  id: 'switch.type',
  title: 'Switch is Internal',
  severity: 'error',
  why: 'Only an Internal switch gives Windows its own adapter on the VM\'s network; an External or Private switch does not fit the NAT and the shared drive.',
  fixedByInstall: false,
  run(ctx) {
    const list = desiredSwitches(ctx);
    if (list.length === 0 || list.some((s) => s.SwitchType === 'Internal')) return [];
    const s = list[0];
    return [{
      evidence: `Switch ${s.Name} is ${s.SwitchType}, expected Internal`,
      fix: `Set-VMSwitch -Name ${psString(s.Name)} -SwitchType Internal`,
    }];
  },
};

const switchDuplicate: Check = {
  id: 'switch.duplicate',
  title: 'Switch name is unique',
  severity: 'error',
  why: 'Two switches with the same name make every -SwitchName ambiguous; Hyper-V cmdlets then act on both or fail.',
  fixedByInstall: false,
  run(ctx) {
    const list = desiredSwitches(ctx);
    if (list.length < 2) return [];
    const keep = primarySwitch(ctx, MARKER)!;
    const extra = list.filter((s) => s !== keep);
    return [{
      evidence: `${list.length} switches are named ${ctx.desired.switchName}: ${list.map((s) => `${s.Id} (${s.SwitchType}${s.Notes?.includes(MARKER) ? ', mobykit' : ''})`).join(', ')}`,
      fix: extra.map((s) => `Get-VMSwitch -Id ${psString(s.Id)} | Remove-VMSwitch -Force`).join('; '),
    }];
  },
};

const vnicMissing: Check = {
  id: 'vnic.missing',
  title: 'Host vNIC exists',
  severity: 'error',
  why: 'Windows reaches the VM through the switch\'s host adapter "vEthernet (<switch>)"; it carries the host address the VM mounts the shared drive from.',
  fixedByInstall: false,
  run(ctx) {
    if (!switchReady(ctx) || queryFailed(ctx, 'Get-NetAdapter')) return [];
    if (vnicAdapter(ctx)) return [];
    const d = ctx.desired;
    // A second switch of the same name gets "vEthernet (X) 2"; once the first is gone, only that one is left.
    const numbered = new RegExp(`^${d.vnicAlias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\d+$`, 'i');
    const renamed = (ctx.snapshot.netAdapters ?? []).find((a) => numbered.test(a.Name));
    if (renamed) {
      return [{
        evidence: `No adapter named ${d.vnicAlias}, but there is ${renamed.Name}`,
        fix: `Rename-NetAdapter -Name ${psString(renamed.Name)} -NewName ${psString(d.vnicAlias)}`,
      }];
    }
    return [{
      evidence: `No adapter named ${d.vnicAlias}`,
      fix: `Add-VMNetworkAdapter -ManagementOS -Name ${psString(d.switchName)} -SwitchName ${psString(d.switchName)}; ` +
        `New-NetIPAddress -InterfaceAlias ${psString(d.vnicAlias)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
    }];
  },
};

function ipv4Of(ctx: CheckContext, alias: string) {
  return (index(ctx).addressesByAlias.get(lc(alias)) ?? []).filter((a) => a.AddressFamily === 'IPv4');
}

const vnicAddress: Check = {
  id: 'vnic.address',
  title: 'Host vNIC has the host address',
  severity: 'error',
  why: 'The VM expects Windows at the host address (the NAT gateway and the SMB server for shared drives); without it the VM has no route out and cannot mount drives.',
  fixedByInstall: true,
  run(ctx) {
    if (!switchReady(ctx) || !vnicAdapter(ctx) || queryFailed(ctx, 'Get-NetIPAddress')) return [];
    const d = ctx.desired;
    const want = parseIPv4(d.hostAddress);
    const addrs = ipv4Of(ctx, d.vnicAlias);
    const same = addrs.find((a) => parseIPv4(a.IPAddress) === want);
    if (same && same.PrefixLength === d.prefixLength) return [];
    const alias = psString(d.vnicAlias);
    if (same) {
      return [{
        evidence: `${d.vnicAlias} has ${same.IPAddress}/${same.PrefixLength}, expected ${d.hostAddress}/${d.prefixLength}`,
        fix: `Set-NetIPAddress -InterfaceAlias ${alias} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
      }];
    }
    const removals = addrs
      .filter((a) => !/^169\.254\./.test(a.IPAddress))
      .map((a) => `Remove-NetIPAddress -InterfaceAlias ${alias} -IPAddress ${psString(a.IPAddress)} -Confirm:$false; `)
      .join('');
    const seen = addrs.length ? addrs.map((a) => `${a.IPAddress}/${a.PrefixLength}`).join(', ') : 'no IPv4 address';
    return [{
      evidence: `${d.vnicAlias} has ${seen}, expected ${d.hostAddress}/${d.prefixLength}`,
      fix: `${removals}New-NetIPAddress -InterfaceAlias ${alias} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
    }];
  },
};

const vnicAddressConflict: Check = {
  id: 'vnic.address-conflict',
  title: 'Host address is not used by another adapter',
  severity: 'error',
  why: 'When another adapter already holds the host address, Windows cannot give it to the vNIC and traffic for the VM goes the wrong way.',
  fixedByInstall: false,
  run(ctx) {
    const d = ctx.desired;
    const want = parseIPv4(d.hostAddress);
    const holders = (ctx.snapshot.netIPAddresses ?? []).filter(
      (a) => a.AddressFamily === 'IPv4' && !ieq(a.InterfaceAlias, d.vnicAlias) && parseIPv4(a.IPAddress) === want,
    );
    if (holders.length === 0) return [];
    const move = moveCommand(ctx, occupied(ctx));
    return holders.map((a) => ({
      evidence: `${d.hostAddress} is also on ${a.InterfaceAlias} (ifIndex ${a.InterfaceIndex}, ${a.PrefixOrigin})`,
      fix: `Remove-NetIPAddress -InterfaceAlias ${psString(a.InterfaceAlias)} -IPAddress ${psString(a.IPAddress)} -Confirm:$false` +
        ` (or move mobykit to a free subnet: ${move})`,
    }));
  },
};

const vnicDhcp: Check = {
  id: 'vnic.dhcp',
  title: 'Host vNIC has a static address',
  severity: 'warning',
  why: 'Nothing hands out DHCP leases on an internal switch, so a vNIC left on DHCP ends up with a useless 169.254.x.x address.',
  fixedByInstall: true,
  run(ctx) {
    if (!switchReady(ctx) || !vnicAdapter(ctx)) return [];
    const d = ctx.desired;
    const ipif = index(ctx).ipInterfaceByAlias.get(lc(d.vnicAlias));
    if (!ipif || ipif.Dhcp !== 'Enabled') return [];
    return [{
      evidence: `${d.vnicAlias} has Dhcp Enabled`,
      fix: `Set-NetIPInterface -InterfaceAlias ${psString(d.vnicAlias)} -AddressFamily IPv4 -Dhcp Disabled; ` +
        `New-NetIPAddress -InterfaceAlias ${psString(d.vnicAlias)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
    }];
  },
};

const vnicFileSharing: Check = {
  id: 'vnic.file-sharing',
  title: 'File and Printer Sharing is bound to the vNIC',
  severity: 'error',
  why: 'With "File and Printer Sharing for Microsoft Networks" (ms_server) unbound from the vNIC, the VM cannot reach the shared drive over SMB.',
  fixedByInstall: false,
  run(ctx) {
    if (!switchReady(ctx) || !vnicAdapter(ctx)) return [];
    const d = ctx.desired;
    const b = index(ctx).bindingByAlias.get(lc(d.vnicAlias));
    if (!b || b.Enabled) return [];
    return [{
      evidence: `${d.vnicAlias}: ms_server binding is disabled`,
      fix: `Enable-NetAdapterBinding -Name ${psString(d.vnicAlias)} -ComponentID ms_server`,
    }];
  },
};

const vnicCategory: Check = {
  id: 'vnic.network-category',
  title: 'vNIC network is Private',
  severity: 'error',
  why: 'On a Public network the built-in File and Printer Sharing firewall rule does not apply, so the VM is blocked from the shared drive.',
  fixedByInstall: true, // the switch step sets the vNIC address again, which makes the network Private
  run(ctx) {
    if (!switchReady(ctx) || !vnicAdapter(ctx)) return [];
    const d = ctx.desired;
    const p = index(ctx).profileByAlias.get(lc(d.vnicAlias));
    if (!p || p.NetworkCategory !== 'Public') return [];
    return [{
      evidence: `${d.vnicAlias} is on a Public network`,
      fix: `Set-NetConnectionProfile -InterfaceAlias ${psString(d.vnicAlias)} -NetworkCategory Private`,
    }];
  },
};

/** Routes every host has, which say nothing about a conflict. */
function ignorableRoute(c: Cidr): boolean {
  if (c.prefix === 0) return true; // default route
  const first = c.network >>> 24;
  if (first === 127) return true; // loopback
  if (first >= 224) return true; // multicast and broadcast
  return false;
}

interface Occupied { alias: string; cidr: Cidr; what: string }

/** Every IPv4 prefix in use on an interface other than the vNIC: addresses and routes. */
function occupied(ctx: CheckContext): Occupied[] {
  const vnic = lc(ctx.desired.vnicAlias);
  const out: Occupied[] = [];
  for (const a of ctx.snapshot.netIPAddresses ?? []) {
    if (a.AddressFamily !== 'IPv4' || lc(a.InterfaceAlias) === vnic) continue;
    const ip = parseIPv4(a.IPAddress);
    if (ip === null || (ip >>> 24) === 127) continue;
    out.push({ alias: a.InterfaceAlias, cidr: subnetOf(ip, a.PrefixLength), what: `address ${a.IPAddress}/${a.PrefixLength}` });
  }
  for (const r of ctx.snapshot.netRoutes ?? []) {
    if (lc(r.InterfaceAlias) === vnic) continue;
    const c = looseCidr(r.DestinationPrefix);
    if (!c || ignorableRoute(c)) continue;
    out.push({ alias: r.InterfaceAlias, cidr: c, what: `route ${r.DestinationPrefix}` });
  }
  return out;
}

/** A subnet of the same size that nothing uses, to suggest. */
export function suggestFreeSubnet(ctx: CheckContext, taken: Occupied[]): string | null {
  const want = parseCidr(ctx.desired.subnet);
  if (!want) return null;
  const size = 2 ** (32 - want.prefix);
  const used = taken.map((t) => t.cidr);
  for (const nat of ctx.snapshot.netNats ?? []) {
    const c = looseCidr(nat.InternalIPInterfaceAddressPrefix);
    if (c) used.push(c);
  }
  const bases = [want.network, parseIPv4('10.0.0.0')!, parseIPv4('172.16.0.0')!, parseIPv4('192.168.0.0')!];
  for (const base of bases) {
    for (let i = 1; i <= 512; i++) {
      const network = (((base + i * size) >>> 0) & mask(want.prefix)) >>> 0;
      const c = { network, prefix: want.prefix };
      if (broadcast(c) < network) break;
      if (!used.some((u) => overlaps(u, c))) return formatCidr(c);
    }
  }
  return null;
}

/** `mobykit install --subnet ... --host-address ... --vm-address ...` for a free subnet. */
function moveCommand(ctx: CheckContext, taken: Occupied[]): string {
  const free = suggestFreeSubnet(ctx, taken);
  if (!free) return 'mobykit install --subnet <free subnet> --host-address <its .1> --vm-address <its .2>';
  const c = parseCidr(free)!;
  return `mobykit install --subnet ${free} --host-address ${formatIPv4(c.network + 1)} --vm-address ${formatIPv4(c.network + 2)}`;
}

const subnetOverlap: Check = {
  id: 'subnet.overlap',
  title: 'Subnet is not used elsewhere',
  severity: 'error',
  why: 'When the VM subnet overlaps another network (often a VPN or a second virtual switch), Windows sends the VM\'s traffic out the wrong interface.',
  fixedByInstall: false,
  run(ctx) {
    const want = parseCidr(ctx.desired.subnet);
    if (!want) return [];
    const taken = occupied(ctx);
    const hits = new Map<string, Occupied>();
    for (const t of taken) {
      if (!overlaps(t.cidr, want)) continue;
      const key = `${lc(t.alias)}|${formatCidr(t.cidr)}`;
      if (!hits.has(key)) hits.set(key, t);
    }
    if (hits.size === 0) return [];
    const suggestion = moveCommand(ctx, taken);
    const problems: Problem[] = [];
    for (const t of hits.values()) {
      problems.push({
        evidence: `${ctx.desired.subnet} overlaps ${formatCidr(t.cidr)} on ${t.alias} (${t.what})`,
        fix: `Disconnect ${t.alias} (e.g. the VPN) while using the VM, or move mobykit to a free subnet: ${suggestion}`,
      });
    }
    return problems;
  },
};

export const NETWORK_CHECKS: Check[] = [
  switchMissing, switchType, switchDuplicate, vnicMissing, vnicAddress, vnicAddressConflict, vnicDhcp,
  vnicFileSharing, vnicCategory, subnetOverlap,
];
