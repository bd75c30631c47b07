// The switch's host vNIC "vEthernet (<switch>)": present, current, holding the host address,
// Private; and whether the subnet is free (no other interface's address or route overlaps it).
import { psString } from '../../windows/powershell.js';
import { type Check, type CheckContext, type Problem } from '../../doctor/check.js';
import type { NetIPAddress } from '../../snapshot/types.js';
import { broadcast, formatCidr, formatIPv4, mask, overlaps, parseCidr, parseIPv4, subnetOf, type Cidr } from '../../net/ipv4.js';
import { macKey } from '../../windows/vnic.js';
import { absent, index, looseCidr, unreadable, vnicAdapter, vnicName } from '../../doctor/checks/util.js';
import { sameName, nameKey } from '../../windows/names.js';

/** The vNIC checks look at the live vNIC of an Internal switch. */
const VNIC = ['switch.missing', 'switch.type', 'vnic.missing'];

const vnicMissing: Check = {
  id: 'vnic.missing',
  title: 'Host vNIC exists',
  severity: 'error',
  why: 'Windows reaches the VM through the switch\'s host adapter "vEthernet (<switch>)"; it carries the host address the VM mounts the shared drive from.',
  fixedByInstall: false,
  verifies: 'switch',
  needs: ['switch.missing', 'switch.type'],
  run(ctx) {
    const failed = unreadable(ctx, 'Get-NetAdapter', 'Get-VMNetworkAdapter');
    if (failed) return failed;
    if (vnicAdapter(ctx)) return [];
    const d = ctx.desired;
    const vnic = ctx.snapshot.hostVNics?.find((v) => sameName(v.SwitchName, d.switchName));
    const add =
      `Add-VMNetworkAdapter -ManagementOS -Name ${psString(d.switchName)} -SwitchName ${psString(d.switchName)}; ` +
      `New-NetIPAddress -InterfaceAlias ${psString(d.vnicAlias)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`;
    if (vnic) {
      // Hyper-V has a host vNIC on the switch, but no net adapter has its MAC: it is not up.
      return [
        {
          title: `The host vNIC of switch ${d.switchName} has no network adapter`,
          evidence: `Get-VMNetworkAdapter -ManagementOS shows ${vnic.Name} on ${vnic.SwitchName} (MAC ${vnic.MacAddress}), but no adapter has that MAC`,
          fix: `Remove-VMNetworkAdapter -ManagementOS -Name ${psString(vnic.Name)}; ${add}`,
        },
      ];
    }
    return [
      {
        title: `Switch ${d.switchName} has no host vNIC`,
        evidence: ctx.snapshot.hostVNics ? `Get-VMNetworkAdapter -ManagementOS shows no adapter on ${d.switchName}` : `No adapter named ${d.vnicAlias}`,
        fix: add,
      },
    ];
  },
};

const STALE_STATUS = /^(disconnected|not present|disabled)$/i;

const vnicStale: Check = {
  id: 'vnic.stale-adapter',
  title: "No stale adapter holds the vNIC's name",
  severity: 'error',
  why: 'A "vEthernet (<switch>)" adapter left from an earlier switch keeps the name, so the live vNIC becomes "vEthernet (<switch>) 2"; tools and scripts that go by the name then set the host address on the dead adapter and the VM has no network.',
  fixedByInstall: false,
  needs: ['switch.missing', 'switch.type', 'vnic.missing'],
  run(ctx) {
    if (!ctx.snapshot.hostVNics) return unreadable(ctx, 'Get-VMNetworkAdapter') ?? absent('hostVNics section, so the live vNIC cannot be told from a stale one');
    const live = vnicAdapter(ctx)!;
    const d = ctx.desired;
    const namedLikeIt = new RegExp(`^${d.vnicAlias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+)?$`, 'i');
    const stale = (ctx.snapshot.netAdapters ?? []).filter((a) => a !== live && macKey(a.MacAddress) !== macKey(live.MacAddress) && namedLikeIt.test(a.Name));
    if (!stale.length) return [];
    const byMac = (mac: string) => `Get-NetAdapter -IncludeHidden | Where-Object { $_.MacAddress -eq ${psString(mac)} }`;
    const holder = stale.find((a) => sameName(a.Name, d.vnicAlias));
    const fix = stale.map((a, i) => `${byMac(a.MacAddress)} | Rename-NetAdapter -NewName ${psString(`${d.vnicAlias} stale ${i + 1}`)}`);
    if (holder && !sameName(live.Name, d.vnicAlias)) fix.push(`${byMac(live.MacAddress)} | Rename-NetAdapter -NewName ${psString(d.vnicAlias)}`);
    return [
      {
        title:
          holder && !sameName(live.Name, d.vnicAlias)
            ? `A stale adapter holds the name ${d.vnicAlias}; the switch's vNIC is ${live.Name}`
            : `Stale adapters named like ${d.vnicAlias} are left over`,
        evidence:
          `The switch ${d.switchName}'s vNIC is ${live.Name} (MAC ${live.MacAddress}, ${live.Status}); also present: ` +
          stale.map((a) => `${a.Name} (MAC ${a.MacAddress}, ${a.Status}${STALE_STATUS.test(a.Status) ? '' : ", not the switch's"})`).join(', '),
        fix: fix.join('; '),
      },
    ];
  },
};

/** The IPv4 addresses of the live vNIC, by its interface index (its identity on this boot). */
function vnicIPv4(ctx: CheckContext) {
  const live = vnicAdapter(ctx)!;
  return (ctx.snapshot.netIPAddresses ?? []).filter((a) => a.AddressFamily === 'IPv4' && a.InterfaceIndex === live.ifIndex);
}

const vnicAddress: Check = {
  id: 'vnic.address',
  title: 'Host vNIC has the host address',
  severity: 'error',
  why: 'The VM expects Windows at the host address (the NAT gateway and the SMB server for shared drives); without it the VM has no route out and cannot mount drives.',
  fixedByInstall: true,
  verifies: 'switch',
  needs: VNIC,
  run(ctx) {
    const failed = unreadable(ctx, 'Get-NetIPAddress');
    if (failed) return failed;
    const d = ctx.desired;
    const name = vnicName(ctx);
    const want = parseIPv4(d.hostAddress);
    const addrs = vnicIPv4(ctx);
    const same = addrs.find((a) => parseIPv4(a.IPAddress) === want);
    if (same && same.PrefixLength === d.prefixLength) return [];
    const alias = psString(name);
    if (same) {
      return [
        {
          title: `The vNIC ${name} has ${d.hostAddress} with the wrong prefix length`,
          evidence: `${name} has ${same.IPAddress}/${same.PrefixLength}, expected ${d.hostAddress}/${d.prefixLength}`,
          fix: `Set-NetIPAddress -InterfaceAlias ${alias} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
        },
      ];
    }
    const removals = addrs
      .filter((a) => !/^169\.254\./.test(a.IPAddress))
      .map((a) => `Remove-NetIPAddress -InterfaceAlias ${alias} -IPAddress ${psString(a.IPAddress)} -Confirm:$false; `)
      .join('');
    const seen = addrs.length ? addrs.map((a) => `${a.IPAddress}/${a.PrefixLength}`).join(', ') : 'no IPv4 address';
    return [
      {
        title: `The vNIC ${name} does not have the host address ${d.hostAddress}`,
        evidence: `${name} has ${seen}, expected ${d.hostAddress}/${d.prefixLength}`,
        fix: `${removals}New-NetIPAddress -InterfaceAlias ${alias} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
      },
    ];
  },
};

/** The host address held by another adapter: doctor reports it, install stops on it (../switch/step.ts). */
export function addressTaken(ctx: CheckContext, holder: NetIPAddress): Problem {
  const d = ctx.desired;
  return {
    title: `The host address ${d.hostAddress} is taken by ${holder.InterfaceAlias}`,
    evidence: `${d.hostAddress} is also on ${holder.InterfaceAlias} (ifIndex ${holder.InterfaceIndex}, ${holder.PrefixOrigin})`,
    fix:
      `Remove-NetIPAddress -InterfaceAlias ${psString(holder.InterfaceAlias)} -IPAddress ${psString(holder.IPAddress)} -Confirm:$false` +
      ` (or move mobykit to a free subnet: ${moveCommand(ctx, occupied(ctx))})`,
  };
}

export const vnicAddressConflict: Check & { blocker: true } = {
  id: 'vnic.address-conflict',
  title: 'Host address is not used by another adapter',
  severity: 'error',
  why: 'When another adapter already holds the host address, Windows cannot give it to the vNIC and traffic for the VM goes the wrong way.',
  fixedByInstall: false,
  blocker: true,
  run(ctx) {
    const d = ctx.desired;
    const want = parseIPv4(d.hostAddress);
    const live = vnicAdapter(ctx);
    const holders = (ctx.snapshot.netIPAddresses ?? []).filter(
      (a) => a.AddressFamily === 'IPv4' && parseIPv4(a.IPAddress) === want && (live ? a.InterfaceIndex !== live.ifIndex : !sameName(a.InterfaceAlias, d.vnicAlias)),
    );
    return holders.map((a) => addressTaken(ctx, a));
  },
};

const vnicDhcp: Check = {
  id: 'vnic.dhcp',
  title: 'Host vNIC has a static address',
  severity: 'warning',
  why: 'Nothing hands out DHCP leases on an internal switch, so a vNIC left on DHCP ends up with a useless 169.254.x.x address.',
  fixedByInstall: true,
  verifies: 'switch',
  needs: VNIC,
  run(ctx) {
    const d = ctx.desired;
    const name = vnicName(ctx);
    const ipif = index(ctx).ipInterfaceByAlias.get(nameKey(name));
    if (!ipif || ipif.Dhcp !== 'Enabled') return [];
    return [
      {
        title: `The vNIC ${name} is on DHCP`,
        evidence: `${name} has Dhcp Enabled`,
        fix:
          `Set-NetIPInterface -InterfaceAlias ${psString(name)} -AddressFamily IPv4 -Dhcp Disabled; ` +
          `New-NetIPAddress -InterfaceAlias ${psString(name)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
      },
    ];
  },
};

const vnicFileSharing: Check = {
  id: 'vnic.file-sharing',
  title: 'File and Printer Sharing is bound to the vNIC',
  severity: 'error',
  why: 'With "File and Printer Sharing for Microsoft Networks" (ms_server) unbound from the vNIC, the VM cannot reach the shared drive over SMB.',
  fixedByInstall: false,
  needs: VNIC,
  run(ctx) {
    const name = vnicName(ctx);
    const b = index(ctx).bindingByAlias.get(nameKey(name));
    if (!b || b.Enabled) return [];
    return [
      {
        title: `File and Printer Sharing is unbound from the vNIC ${name}`,
        evidence: `${name}: ms_server binding is disabled`,
        fix: `Enable-NetAdapterBinding -Name ${psString(name)} -ComponentID ms_server`,
      },
    ];
  },
};

const vnicCategory: Check = {
  id: 'vnic.network-category',
  title: 'vNIC network is Private',
  severity: 'error',
  why: 'On a Public network the built-in File and Printer Sharing firewall rule does not apply, so the VM is blocked from the shared drive.',
  fixedByInstall: true, // the switch step sets the vNIC address again, which makes the network Private
  verifies: 'switch',
  needs: VNIC,
  run(ctx) {
    const name = vnicName(ctx);
    const p = index(ctx).profileByAlias.get(nameKey(name));
    if (!p || p.NetworkCategory !== 'Public') return [];
    return [
      {
        title: `The vNIC ${name} is on a Public network`,
        evidence: `${name} is on a Public network`,
        fix: `Set-NetConnectionProfile -InterfaceAlias ${psString(name)} -NetworkCategory Private`,
      },
    ];
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

interface Occupied {
  alias: string;
  cidr: Cidr;
  what: string;
}

/** Every IPv4 prefix in use on an interface other than the vNIC: addresses and routes. */
function occupied(ctx: CheckContext): Occupied[] {
  const vnic = nameKey(vnicName(ctx));
  const out: Occupied[] = [];
  for (const a of ctx.snapshot.netIPAddresses ?? []) {
    if (a.AddressFamily !== 'IPv4' || nameKey(a.InterfaceAlias) === vnic) continue;
    const ip = parseIPv4(a.IPAddress);
    if (ip === null || ip >>> 24 === 127) continue;
    out.push({ alias: a.InterfaceAlias, cidr: subnetOf(ip, a.PrefixLength), what: `address ${a.IPAddress}/${a.PrefixLength}` });
  }
  for (const r of ctx.snapshot.netRoutes ?? []) {
    if (nameKey(r.InterfaceAlias) === vnic) continue;
    const c = looseCidr(r.DestinationPrefix);
    if (!c || ignorableRoute(c)) continue;
    out.push({ alias: r.InterfaceAlias, cidr: c, what: `route ${r.DestinationPrefix}` });
  }
  return out;
}

/** A subnet of the same size that nothing uses, to suggest. */
function suggestFreeSubnet(ctx: CheckContext, taken: Occupied[]): string | null {
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
  why: "When the VM subnet overlaps another network (often a VPN or a second virtual switch), Windows sends the VM's traffic out the wrong interface.",
  fixedByInstall: false,
  run(ctx) {
    const want = parseCidr(ctx.desired.subnet);
    if (!want) return [];
    const taken = occupied(ctx);
    const hits = new Map<string, Occupied>();
    for (const t of taken) {
      if (!overlaps(t.cidr, want)) continue;
      const key = `${nameKey(t.alias)}|${formatCidr(t.cidr)}`;
      if (!hits.has(key)) hits.set(key, t);
    }
    if (hits.size === 0) return [];
    const suggestion = moveCommand(ctx, taken);
    const problems: Problem[] = [];
    for (const t of hits.values()) {
      problems.push({
        title: `The subnet ${ctx.desired.subnet} is also used by ${t.alias}`,
        evidence: `${ctx.desired.subnet} overlaps ${formatCidr(t.cidr)} on ${t.alias} (${t.what})`,
        fix: `Disconnect ${t.alias} (e.g. the VPN) while using the VM, or move mobykit to a free subnet: ${suggestion}`,
      });
    }
    return problems;
  },
};

export const ADDRESS_CHECKS: Check[] = [vnicMissing, vnicStale, vnicAddress, vnicAddressConflict, vnicDhcp, vnicFileSharing, vnicCategory, subnetOverlap];
