// New-NetNat / Remove-NetNat (WinNAT).
//
// New-NetNat answers "The parameter is incorrect." (Windows error 87) for every prefix WinNAT
// cannot take. The rule modelled here, kept simple:
//   - the prefix must be a network address (host bits zero);
//   - it must not overlap another NAT's internal prefix;
//   - a host supports one NAT only, on every edition (Server 2016 too: an HNS NAT counts);
//   - every host IPv4 address whose subnet overlaps the prefix must sit on ONE interface, that
//     interface must be the host vNIC of an Internal switch, and the address's subnet must lie
//     inside the prefix. So the vNIC's own 10.0.75.1/24 is fine for 10.0.75.0/24, while a
//     physical adapter's address in (or around) the prefix is the "overlapping external and
//     internal prefixes" case WinNAT refuses. Link-local 169.254/16 addresses are ignored.
import { parseCidr, overlaps, parseIPv4, subnetOf, type Cidr } from '../../net/ipv4.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError } from '../../host/simulated/state.js';
import { vnicAliasFor } from '../../host/simulated/hyperv.js';
import { nameKey, sameName } from '../../windows/names.js';

const INCORRECT = 'The parameter is incorrect.';
const LINK_LOCAL = parseCidr('169.254.0.0/16')!;

function internalVnics(state: SimState): string[] {
  return state.doc.vmSwitches.filter((s) => s.SwitchType === 'Internal').map((s) => vnicAliasFor(state, s));
}

function hostAddressesConflict(state: SimState, prefix: Cidr): boolean {
  const vnics = internalVnics(state);
  const touching = state.doc.netIPAddresses.flatMap((a) => {
    const ip = a.AddressFamily === 'IPv4' ? parseIPv4(a.IPAddress) : null;
    if (ip === null) return [];
    const subnet = subnetOf(ip, a.PrefixLength);
    return overlaps(subnet, LINK_LOCAL) || !overlaps(subnet, prefix) ? [] : [{ alias: a.InterfaceAlias, subnet }];
  });
  const interfaces = new Set(touching.map((t) => nameKey(t.alias)));
  return interfaces.size > 1 || touching.some((t) => t.subnet.prefix < prefix.prefix || !vnics.some((v) => sameName(v, t.alias)));
}

export const natOps: Pick<Handlers, 'nat.create' | 'nat.remove'> = {
  'nat.create'({ state }, p) {
    const cmdlet = 'New-NetNat';
    const doc = state.doc;
    const winnat = doc.services.find((s) => sameName(s.Name, 'winnat'));
    if (winnat?.StartType === 'Disabled') {
      throw new CmdletError(cmdlet, 'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.');
    }
    // New-MobyKitNat: a NAT of that name for that prefix is left alone, for another one refused.
    const namesake = doc.netNats.find((n) => sameName(n.Name, p.Name));
    if (namesake) {
      if (namesake.InternalIPInterfaceAddressPrefix === p.InternalIPInterfaceAddressPrefix) return;
      throw new CmdletError('New-MobyKitNat', `NAT '${p.Name}' already exists for ${namesake.InternalIPInterfaceAddressPrefix}, not ${p.InternalIPInterfaceAddressPrefix}`);
    }
    const prefix = parseCidr(p.InternalIPInterfaceAddressPrefix, true);
    if (!prefix) throw new CmdletError(cmdlet, INCORRECT);
    if (doc.netNats.length > 0) throw new CmdletError(cmdlet, INCORRECT);
    const natOverlap = doc.netNats.some((n) => {
      const other = parseCidr(n.InternalIPInterfaceAddressPrefix, false);
      return other !== null && overlaps(other, prefix);
    });
    if (natOverlap || hostAddressesConflict(state, prefix)) throw new CmdletError(cmdlet, INCORRECT);
    doc.netNats.push({ Name: p.Name, InternalIPInterfaceAddressPrefix: p.InternalIPInterfaceAddressPrefix, Active: true });
  },

  'nat.remove'({ state }, p) {
    const doc = state.doc;
    // Remove-MobyKitNat: no NAT of that name is nothing to remove.
    doc.netNats = doc.netNats.filter((n) => !sameName(n.Name, p.Name));
  },
};
