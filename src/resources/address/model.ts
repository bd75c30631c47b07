// New-NetIPAddress / Remove-NetIPAddress on the host vNIC, with the connected route they imply.
import { formatCidr, parseIPv4, subnetOf } from '../../net/ipv4.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError, notFoundByName } from '../../host/simulated/state.js';
import { sameName } from '../../windows/names.js';
import type { NetAdapter } from '../../snapshot/types.js';
import { switchesNamed, vnicAliasFor } from '../../host/simulated/hyperv.js';

function connectedRoute(ip: string, prefix: number): string {
  return formatCidr(subnetOf(parseIPv4(ip) ?? 0, prefix));
}

/**
 * The host vNIC of the switch, found through the switch as Set-/Remove-MobyKitHostAddress do
 * (never by the usual name, which a stale adapter may hold); two switches of the name are refused.
 */
function switchVnic(state: SimState, switchName: string): NetAdapter | undefined {
  const switches = switchesNamed(state, switchName);
  if (switches.length > 1)
    throw new CmdletError('Get-VMNetworkAdapter', `${switches.length} host vNICs belong to switches named '${switchName}': which one is mobykit's cannot be told`);
  if (!switches.length) return undefined;
  const alias = vnicAliasFor(state, switches[0]);
  return state.doc.netAdapters.find((a) => sameName(a.Name, alias));
}

function setDhcpDisabled(state: SimState, alias: string): void {
  const iface = state.doc.netIPInterfaces.find((i) => sameName(i.InterfaceAlias, alias) && i.AddressFamily === 'IPv4');
  if (iface) iface.Dhcp = 'Disabled';
  else state.doc.netIPInterfaces.push({ InterfaceAlias: alias, AddressFamily: 'IPv4', Dhcp: 'Disabled' });
}

export const addressOps: Pick<Handlers, 'vnic.set-address' | 'vnic.remove-address'> = {
  'vnic.set-address'({ state }, p) {
    const cmdlet = 'New-NetIPAddress';
    const doc = state.doc;
    const adapter = switchVnic(state, p.SwitchName);
    if (!adapter) throw notFoundByName(cmdlet, 'MSFT_NetAdapter', 'InterfaceAlias', p.InterfaceAlias);
    if (parseIPv4(p.IPAddress) === null || !(p.PrefixLength >= 0 && p.PrefixLength <= 32)) {
      throw new CmdletError(cmdlet, 'The parameter is incorrect.');
    }
    // The address store is machine-wide: the same address on the same interface is reported as a
    // duplicate instance (error 87), on another interface as "The object already exists." (5010).
    const holder = doc.netIPAddresses.find((a) => a.IPAddress === p.IPAddress && !sameName(a.InterfaceAlias, adapter.Name));
    if (holder) throw new CmdletError(cmdlet, `The object already exists. (${p.IPAddress} is held by '${holder.InterfaceAlias}')`);
    // Set-MobyKitHostAddress: DHCP off, the vNIC's other IPv4 addresses (APIPA, DHCP leases) and
    // their routes removed, the address added unless already there, the network made Private.
    setDhcpDisabled(state, adapter.Name);
    const keep = (a: { InterfaceAlias: string; AddressFamily: string; IPAddress: string; PrefixLength: number }) =>
      !sameName(a.InterfaceAlias, adapter.Name) || a.AddressFamily !== 'IPv4' || (a.IPAddress === p.IPAddress && a.PrefixLength === p.PrefixLength);
    const dropped = doc.netIPAddresses.filter((a) => !keep(a));
    doc.netIPAddresses = doc.netIPAddresses.filter(keep);
    for (const a of dropped) {
      const old = connectedRoute(a.IPAddress, a.PrefixLength);
      doc.netRoutes = doc.netRoutes.filter((r) => !(r.DestinationPrefix === old && sameName(r.InterfaceAlias, adapter.Name)));
    }
    if (!doc.netIPAddresses.some((a) => a.IPAddress === p.IPAddress && sameName(a.InterfaceAlias, adapter.Name))) {
      doc.netIPAddresses.push({
        InterfaceAlias: adapter.Name,
        InterfaceIndex: adapter.ifIndex,
        IPAddress: p.IPAddress,
        PrefixLength: p.PrefixLength,
        AddressFamily: 'IPv4',
        PrefixOrigin: 'Manual',
      });
    }
    const route = connectedRoute(p.IPAddress, p.PrefixLength);
    if (!doc.netRoutes.some((r) => r.DestinationPrefix === route && sameName(r.InterfaceAlias, adapter.Name))) {
      doc.netRoutes.push({ DestinationPrefix: route, InterfaceAlias: adapter.Name, NextHop: '0.0.0.0' });
    }
    const profile = doc.netConnectionProfiles.find((c) => sameName(c.InterfaceAlias, adapter.Name));
    if (profile) profile.NetworkCategory = 'Private';
  },

  'vnic.remove-address'({ state }, p) {
    const doc = state.doc;
    const adapter = switchVnic(state, p.SwitchName);
    const target = adapter && doc.netIPAddresses.find((a) => a.IPAddress === p.IPAddress && sameName(a.InterfaceAlias, adapter.Name));
    // Remove-MobyKitHostAddress: an address the interface does not hold is nothing to remove.
    if (!target) return;
    doc.netIPAddresses = doc.netIPAddresses.filter((a) => a !== target);
    // The connected route goes with the last address of its subnet on that interface.
    const route = connectedRoute(target.IPAddress, target.PrefixLength);
    const stillUsed = doc.netIPAddresses.some(
      (a) => sameName(a.InterfaceAlias, target.InterfaceAlias) && a.AddressFamily === 'IPv4' && connectedRoute(a.IPAddress, a.PrefixLength) === route,
    );
    if (!stillUsed) {
      doc.netRoutes = doc.netRoutes.filter((r) => !(r.DestinationPrefix === route && sameName(r.InterfaceAlias, target.InterfaceAlias)));
    }
  },
};
