// New-VMSwitch -SwitchType Internal and Remove-VMSwitch, with the host vNIC Windows adds for it.
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError, newGuid, newMacBytes } from '../../host/simulated/state.js';
import { vnicAliasOf } from '../../config/desired.js';
import { requireHyperV, switchesNamed, vnicAliasFor } from '../../host/simulated/hyperv.js';
import { sameName } from '../../windows/names.js';

const VNIC_DESCRIPTION = 'Hyper-V Virtual Ethernet Adapter';

/** A second adapter with the same name is called `vEthernet (X) 2`, as Windows does. */
function freeAlias(state: SimState, base: string): string {
  const taken = (name: string) => state.doc.netAdapters.some((a) => sameName(a.Name, name));
  let alias = base;
  for (let n = 2; taken(alias); n++) alias = `${base} ${n}`;
  return alias;
}

/** `Hyper-V Virtual Ethernet Adapter`, then `#2`, `#3`... */
function nextDescription(state: SimState): string {
  let highest = 0;
  for (const a of state.doc.netAdapters) {
    const m = /^Hyper-V Virtual Ethernet Adapter(?: #(\d+))?$/.exec(a.InterfaceDescription);
    if (m) highest = Math.max(highest, m[1] ? Number(m[1]) : 1);
  }
  return highest === 0 ? VNIC_DESCRIPTION : `${VNIC_DESCRIPTION} #${highest + 1}`;
}

function addVnic(state: SimState, switchName: string): string {
  const doc = state.doc;
  const alias = freeAlias(state, vnicAliasOf(switchName));
  const ifIndex = Math.max(1, ...doc.netAdapters.map((a) => a.ifIndex)) + 1;
  const mac = newMacBytes(state);
  doc.netAdapters.push({
    Name: alias,
    InterfaceDescription: nextDescription(state),
    ifIndex,
    Status: 'Up',
    MacAddress: mac.join('-'),
  });
  // Get-VMNetworkAdapter -ManagementOS names the switch's host vNIC after the switch (MAC without dashes).
  doc.hostVNics?.push({ Name: switchName, SwitchName: switchName, MacAddress: mac.join('') });
  // A new vNIC asks DHCP (and falls back to APIPA, omitted here) on a network Windows cannot
  // identify, which it files as Public; file sharing (ms_server) is bound by default.
  doc.netIPInterfaces.push({ InterfaceAlias: alias, AddressFamily: 'IPv4', Dhcp: 'Enabled' });
  doc.netConnectionProfiles.push({ InterfaceAlias: alias, NetworkCategory: 'Public' });
  doc.netAdapterBindings.push({ Name: alias, ComponentID: 'ms_server', Enabled: true });
  return alias;
}

function removeVnic(state: SimState, alias: string): void {
  const doc = state.doc;
  const other = (a: string) => !sameName(a, alias);
  const mac = doc.netAdapters.find((a) => !other(a.Name))?.MacAddress.replace(/-/g, '');
  if (doc.hostVNics && mac) doc.hostVNics = doc.hostVNics.filter((v) => !sameName(v.MacAddress, mac));
  doc.netAdapters = doc.netAdapters.filter((a) => other(a.Name));
  doc.netIPAddresses = doc.netIPAddresses.filter((a) => other(a.InterfaceAlias));
  doc.netIPInterfaces = doc.netIPInterfaces.filter((a) => other(a.InterfaceAlias));
  doc.netRoutes = doc.netRoutes.filter((r) => other(r.InterfaceAlias));
  doc.netConnectionProfiles = doc.netConnectionProfiles.filter((p) => other(p.InterfaceAlias));
  doc.netAdapterBindings = doc.netAdapterBindings.filter((b) => other(b.Name));
}

export const switchOps: Pick<Handlers, 'switch.create' | 'switch.remove'> = {
  // New-VMSwitch would happily create a second switch of a name in use (only Ids are unique), but
  // New-MobyKitSwitch looks first: an Internal namesake with the marker is left alone, any other
  // namesake is refused.
  'switch.create'({ state }, p) {
    requireHyperV(state, 'New-VMSwitch');
    const existing = switchesNamed(state, p.Name)[0];
    if (existing) {
      if (existing.SwitchType !== 'Internal') {
        throw new CmdletError('New-MobyKitSwitch', `Virtual switch '${p.Name}' already exists as a ${existing.SwitchType} switch; mobykit needs an Internal one`);
      }
      if ((existing.Notes ?? '') !== p.Notes) {
        throw new CmdletError('New-MobyKitSwitch', `Virtual switch '${p.Name}' already exists and is not marked '${p.Notes}'; it is not mobykit's to take over`);
      }
      return;
    }
    const Id = newGuid(state);
    state.doc.vmSwitches.push({ Name: p.Name, Id, SwitchType: 'Internal', Notes: p.Notes });
    state.vnicOf[Id] = addVnic(state, p.Name);
  },

  'switch.remove'({ state }, p) {
    const cmdlet = 'Remove-VMSwitch';
    requireHyperV(state, cmdlet);
    const candidates = p.Id ? state.doc.vmSwitches.filter((s) => sameName(s.Id, p.Id)) : switchesNamed(state, p.Name);
    // Remove-MobyKitSwitch: no switch with that Id is nothing to remove.
    if (candidates.length === 0) return;
    if (candidates.length > 1) {
      throw new CmdletError(cmdlet, `More than one virtual switch is named "${p.Name}"; the switch to remove must be given by Id.`);
    }
    const sw = candidates[0];
    if (!sameName(sw.Name, p.Name)) {
      throw new CmdletError('Remove-MobyKitSwitch', `Virtual switch ${sw.Id} is now named '${sw.Name}', not '${p.Name}'; not removing it`);
    }
    removeVnic(state, vnicAliasFor(state, sw));
    delete state.vnicOf[sw.Id];
    state.doc.vmSwitches = state.doc.vmSwitches.filter((s) => s !== sw);
    // VM adapters on a removed switch are left disconnected, unless a namesake still exists.
    if (switchesNamed(state, sw.Name).length === 0) {
      for (const vm of state.doc.vms) {
        for (const nic of vm.NetworkAdapters) if (sameName(nic.SwitchName, sw.Name)) nic.SwitchName = null;
      }
    }
  },
};
