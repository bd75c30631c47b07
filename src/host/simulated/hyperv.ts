// What every Hyper-V operation needs: a working Hyper-V, and lookups of switches, VMs and files.
import type { VM, VMSwitch } from '../../snapshot/types.js';
import { vnicAliasOf } from '../../config/desired.js';
import { CmdletError, type SimState } from './state.js';
import { sameName } from '../../windows/names.js';
import { switchVnicAdapter } from '../../windows/vnic.js';

/**
 * Hyper-V cmdlets only work with the module installed, the Microsoft-Hyper-V feature enabled and
 * the Virtual Machine Management service (vmms) running; otherwise they fail with these messages.
 */
export function requireHyperV(state: SimState, cmdlet: string): void {
  const { platform, services, computerName } = state.doc;
  if (!platform.hyperVModuleAvailable) {
    throw new CmdletError(cmdlet, `The term '${cmdlet}' is not recognized as the name of a cmdlet, function, script file, or operable program.`);
  }
  const feature = platform.optionalFeatures.find((f) => sameName(f.FeatureName, 'Microsoft-Hyper-V'));
  const vmms = services.find((s) => sameName(s.Name, 'vmms'));
  if ((feature && feature.State !== 'Enabled') || vmms?.Status !== 'Running') {
    throw new CmdletError(
      cmdlet,
      `Hyper-V encountered an error trying to access an object on computer '${computerName}' because the object was not found. ` +
        'The object might have been deleted. Verify that the Virtual Machine Management service on the computer is running.',
    );
  }
}

export function switchesNamed(state: SimState, name: string): VMSwitch[] {
  return state.doc.vmSwitches.filter((s) => sameName(s.Name, name));
}

export function requireSwitch(state: SimState, cmdlet: string, name: string): VMSwitch {
  const found = switchesNamed(state, name);
  if (found.length === 0) throw new CmdletError(cmdlet, `Hyper-V was unable to find a virtual switch with name "${name}".`);
  return found[0];
}

/**
 * The host vNIC an Internal switch brought: recorded at creation. A host started from a snapshot
 * has no record, so same-named switches are matched to Windows' numbered names in the order
 * they were created: `vEthernet (X)`, `vEthernet (X) 2`, ...
 */
export function vnicAliasFor(state: SimState, sw: VMSwitch): string {
  const recorded = state.vnicOf[sw.Id];
  if (recorded) return recorded;
  // As the module finds it (Get-MobyKitSwitchVnic): the switch's management-OS adapter, by MAC;
  // a stale adapter may hold the usual name.
  const live = state.doc.hostVNics && switchesNamed(state, sw.Name).length === 1 ? switchVnicAdapter(state.doc.hostVNics, state.doc.netAdapters, sw.Name) : undefined;
  if (live) return live.Name;
  const base = vnicAliasOf(sw.Name);
  const ordinal = switchesNamed(state, sw.Name).indexOf(sw);
  const numbered = ordinal > 0 ? `${base} ${ordinal + 1}` : base;
  return state.doc.netAdapters.some((a) => sameName(a.Name, numbered)) ? numbered : base;
}

/** VM cmdlets given -Name act on every VM of that name (Hyper-V allows duplicates). */
export function requireVms(state: SimState, cmdlet: string, name: string): VM[] {
  const found = state.doc.vms.filter((v) => sameName(v.Name, name));
  if (found.length === 0) throw new CmdletError(cmdlet, `Hyper-V was unable to find a virtual machine with name "${name}".`);
  return found;
}

/**
 * The VM a module function acts on (Get-MobyKitVMByName): none, or the one of that name. Two of
 * one name are refused, as the module does, rather than acting on every namesake.
 */
export function moduleVm(state: SimState, fn: string, name: string): VM | undefined {
  const found = state.doc.vms.filter((v) => sameName(v.Name, name));
  if (found.length > 1) {
    throw new CmdletError(fn, `There are ${found.length} virtual machines named '${name}'; rename or remove the extra ones`);
  }
  return found[0];
}

/** The snapshot only knows the boot ISO's existence; any other path is assumed present. */
export function isoExists(state: SimState, path: string): boolean {
  const iso = state.doc.files.bootIso;
  return sameName(iso.Path, path) ? iso.Exists : true;
}

/** A VHDX exists when the snapshot says so or a VM already uses it. */
export function vhdxExists(state: SimState, path: string): boolean {
  const vhdx = state.doc.files.vhdx;
  if (sameName(vhdx.Path, path) && vhdx.Exists) return true;
  return state.doc.vms.some((v) => v.HardDrives.some((d) => sameName(d.Path, path)));
}

export function missingIsoError(cmdlet: string, vmName: string, path: string): CmdletError {
  return new CmdletError(cmdlet, `Failed to add device 'Virtual CD/DVD Disk'. '${vmName}': The system cannot find the file specified. (0x80070002). Path: '${path}'.`);
}
