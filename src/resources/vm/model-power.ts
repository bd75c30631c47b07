// Start-VM and Stop-VM: memory taken from the host, guest addresses appearing via KVP.
import type { VM } from '../../snapshot/types.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError } from '../../host/simulated/state.js';
import { isoExists, moduleVm, requireHyperV, requireVms } from '../../host/simulated/hyperv.js';
import { refreshStatuses } from './model-integration.js';
import { refreshGuestAddresses } from './model-guest-ip.js';

const KIB = 1024;

function startFailure(vm: VM, reason: string): CmdletError {
  return new CmdletError('Start-VM', `'${vm.Name}' failed to start.\n${reason}\n'${vm.Name}' failed to start. (Virtual machine ID ${vm.Id.toUpperCase()})`);
}

function start(state: SimState, vm: VM): void {
  const os = state.doc.platform.os;
  const neededKiB = Math.ceil(vm.MemoryStartup / KIB);
  if (neededKiB > os.FreePhysicalMemory) {
    throw startFailure(
      vm,
      `Not enough memory in the system to start the virtual machine ${vm.Name} with ram size ${Math.round(vm.MemoryStartup / (KIB * KIB))} megabytes. ` +
        'Could not initialize memory: Not enough memory resources are available to complete this operation. (0x8007000E).',
    );
  }
  const iso = vm.DvdDrives.find((d) => d.Path && !isoExists(state, d.Path));
  if (iso) {
    throw startFailure(vm, `Synthetic SCSI Controller: Failed to Power on with Error 'The system cannot find the file specified.' (0x80070002). '${iso.Path}'`);
  }
  os.FreePhysicalMemory -= neededKiB;
  vm.State = 'Running';
}

/** Off (Stop-VM, or -TurnOff): a running or paused VM gives its memory back. */
export function powerOff(state: SimState, vm: VM): void {
  const os = state.doc.platform.os;
  // Only a running (or paused) VM holds memory; a saved one gave it back when it was saved.
  if (vm.State === 'Running' || vm.State === 'Paused') {
    os.FreePhysicalMemory = Math.min(os.TotalVisibleMemorySize, os.FreePhysicalMemory + Math.ceil(vm.MemoryStartup / KIB));
  }
  vm.State = 'Off';
}

export const powerOps: Pick<Handlers, 'vm.start' | 'vm.stop'> = {
  // Start-VM on a running VM does nothing and reports no error.
  'vm.start'({ state }, p) {
    requireHyperV(state, 'Start-VM');
    for (const vm of requireVms(state, 'Start-VM', p.Name)) {
      if (vm.State === 'Running') continue;
      start(state, vm);
      refreshStatuses(vm);
      refreshGuestAddresses(state, vm);
    }
  },

  // Stop-MobyKitVM: a VM that is absent, Off or Saved is left as it is (a Saved VM stays Saved).
  'vm.stop'({ state }, p) {
    requireHyperV(state, 'Stop-VM');
    const vm = moduleVm(state, 'Stop-MobyKitVM', p.Name);
    if (vm && vm.State !== 'Off' && vm.State !== 'Saved') {
      powerOff(state, vm);
      refreshStatuses(vm);
      refreshGuestAddresses(state, vm);
    }
  },
};
