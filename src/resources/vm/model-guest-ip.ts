// The addresses a running VM's adapter reports. Hyper-V learns guest IPs only through the
// Key-Value Pair Exchange service, so without it (or while off) IPAddresses stays empty.
import { formatIPv4, parseIPv4, subnetOf, broadcast } from '../../net/ipv4.js';
import type { VM, VMNetworkAdapter } from '../../snapshot/types.js';
import type { SimState } from '../../host/simulated/state.js';

import { switchesNamed, vnicAliasFor } from '../../host/simulated/hyperv.js';
import { kvpEnabled } from '../../windows/integration.js';
import { sameName } from '../../windows/names.js';

/** The EUI-64 link-local address Linux derives from the adapter's MAC. */
function linkLocalOf(mac: string): string {
  const b = mac
    .replace(/[^0-9A-Fa-f]/g, '')
    .match(/../g)!
    .map((x) => parseInt(x, 16));
  const words = [((b[0] ^ 2) << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]];
  return `fe80::${words.map((w) => w.toString(16)).join(':')}`;
}

function takenAddresses(state: SimState): Set<string> {
  const taken = new Set(state.doc.netIPAddresses.map((a) => a.IPAddress));
  for (const vm of state.doc.vms) for (const nic of vm.NetworkAdapters) for (const ip of nic.IPAddresses) taken.add(ip);
  return taken;
}

/** The host vNIC's manual address on the VM's switch, plus one (skipping used ones); else APIPA. */
function guestIPv4(state: SimState, nic: VMNetworkAdapter): string {
  const sw = nic.SwitchName ? switchesNamed(state, nic.SwitchName)[0] : undefined;
  const alias = sw ? vnicAliasFor(state, sw) : undefined;
  const hostAddr = alias && state.doc.netIPAddresses.find((a) => sameName(a.InterfaceAlias, alias) && a.AddressFamily === 'IPv4' && a.PrefixOrigin === 'Manual');
  const mac = nic.MacAddress.replace(/[^0-9A-Fa-f]/g, '');
  if (!hostAddr) return `169.254.${parseInt(mac.slice(8, 10), 16) || 1}.${parseInt(mac.slice(10, 12), 16) || 1}`;
  const host = parseIPv4(hostAddr.IPAddress)!;
  const subnet = subnetOf(host, hostAddr.PrefixLength);
  const taken = takenAddresses(state);
  for (let ip = host + 1; ip < broadcast(subnet); ip++) if (!taken.has(formatIPv4(ip))) return formatIPv4(ip);
  for (let ip = subnet.network + 1; ip < host; ip++) if (!taken.has(formatIPv4(ip))) return formatIPv4(ip);
  return formatIPv4(host + 1);
}

export function refreshGuestAddresses(state: SimState, vm: VM): void {
  for (const nic of vm.NetworkAdapters) nic.IPAddresses = [];
  if (vm.State !== 'Running' || !kvpEnabled(vm)) return;
  for (const nic of vm.NetworkAdapters) nic.IPAddresses = [guestIPv4(state, nic), linkLocalOf(nic.MacAddress)];
}
