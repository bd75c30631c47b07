// A switch's host vNIC as Windows identifies it: never by its usual name "vEthernet (<switch>)",
// which an adapter left by an earlier switch can hold, but through the switch's management-OS
// adapter (Get-VMNetworkAdapter -ManagementOS) matched to its net adapter by MAC address, as the
// module's Get-MobyKitSwitchVnic does.
import type { HostVNic, NetAdapter } from '../snapshot/types.js';
import { sameName } from './names.js';

/** A MAC address in one form: `00-15-5D-01-02-03`, `00155D010203` and `00:15:5d:...` alike. */
export function macKey(mac: string | null | undefined): string {
  return (mac ?? '').replace(/[^0-9a-f]/gi, '').toUpperCase();
}

/** The net adapter of the switch's host vNIC, if it has one. */
export function switchVnicAdapter(hostVNics: HostVNic[], netAdapters: NetAdapter[], switchName: string): NetAdapter | undefined {
  const vnic = hostVNics.find((v) => sameName(v.SwitchName, switchName));
  return vnic && netAdapters.find((a) => macKey(a.MacAddress) === macKey(vnic.MacAddress));
}
