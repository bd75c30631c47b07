// New-VM (with Set-VMProcessor, Add-VMDvdDrive, Set-VMComPort, Enable-VMIntegrationService),
// the Set-VM* family, and Remove-VM plus deleting its disk, as the PowerShell module does them.
import type { VM } from '../../snapshot/types.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError, newGuid, newMacBytes } from '../../host/simulated/state.js';
import { isoExists, missingIsoError, moduleVm, requireHyperV, requireSwitch, requireVms, vhdxExists } from '../../host/simulated/hyperv.js';
import { powerOff } from './model-power.js';
import { refreshStatuses, standardServices } from './model-integration.js';
import { isIntegrationService, KVP_SERVICE_ID } from '../../windows/integration.js';
import { refreshGuestAddresses } from './model-guest-ip.js';
import { sameName } from '../../windows/names.js';
import { findCom1, COM1_NAME } from '../../windows/com-port.js';

function logicalProcessors(state: SimState): number {
  return state.doc.platform.processors.reduce((n, p) => n + p.NumberOfLogicalProcessors, 0);
}

function checkProcessorCount(state: SimState, vmName: string, count: number): void {
  const max = logicalProcessors(state);
  if (max > 0 && count > max) {
    throw new CmdletError('Set-VMProcessor', `Failed to modify device 'Processor'. '${vmName}': the processor count ${count} exceeds the ${max} logical processors of this host.`);
  }
}

function runningChangeError(cmdlet: string, device: string, vm: VM): CmdletError {
  return new CmdletError(
    cmdlet,
    `Failed to modify device '${device}'. '${vm.Name}' is running: cannot change the ${device === 'Processor' ? 'processor count' : 'startup memory'} while the virtual machine is running. Turn off the virtual machine and try again.`,
  );
}

export const vmOps: Pick<Handlers, 'vm.create' | 'vm.configure' | 'vm.rename' | 'vm.remove'> = {
  // New-VM would allow a second VM of the same name, but New-MobyKitVM looks first: a namesake
  // with these settings and disk is left alone, any other is refused.
  'vm.create'({ state }, p) {
    requireHyperV(state, 'New-VM');
    const existing = moduleVm(state, 'New-MobyKitVM', p.Name);
    if (existing) {
      const differences = [
        ...(existing.Generation !== p.Generation ? [`Generation ${existing.Generation}`] : []),
        ...(existing.MemoryStartup !== p.MemoryStartupBytes ? [`MemoryStartup ${existing.MemoryStartup}`] : []),
        ...(existing.ProcessorCount !== p.ProcessorCount ? [`ProcessorCount ${existing.ProcessorCount}`] : []),
        ...(existing.HardDrives.some((d) => d.Path === p.VhdPath) ? [] : ['no disk at VhdPath']),
      ];
      if (differences.length === 0) return;
      throw new CmdletError('New-MobyKitVM', `VM '${p.Name}' already exists with other settings (${differences.join(', ')})`);
    }
    requireSwitch(state, 'New-VM', p.SwitchName);
    if (p.AttachExistingVhd && !vhdxExists(state, p.VhdPath)) {
      throw new CmdletError('New-MobyKitVM', `There is no disk at '${p.VhdPath}' to attach`);
    }
    if (!p.AttachExistingVhd && vhdxExists(state, p.VhdPath)) {
      throw new CmdletError('New-VM', `Failed to create the virtual hard disk. The system failed to create '${p.VhdPath}': The file exists. (0x80070050).`);
    }
    checkProcessorCount(state, p.Name, p.ProcessorCount);
    if (!isoExists(state, p.IsoPath)) throw missingIsoError('Add-VMDvdDrive', p.Name, p.IsoPath);
    const Id = newGuid(state);
    const vm: VM = {
      Name: p.Name,
      Id,
      State: 'Off',
      Generation: p.Generation,
      MemoryStartup: p.MemoryStartupBytes,
      ProcessorCount: p.ProcessorCount,
      DvdDrives: [{ Path: p.IsoPath }],
      HardDrives: [{ Path: p.VhdPath }],
      ComPorts: [{ Name: COM1_NAME, Path: p.ComPipe }],
      IntegrationServices: standardServices(Id),
      NetworkAdapters: [{ Name: 'Network Adapter', SwitchName: p.SwitchName, MacAddress: newMacBytes(state).join(''), IPAddresses: [] }],
      KvpHostExchangeItems: [],
      Notes: p.Notes,
      // A new VM has no checkpoints; New-MobyKitVM turns Secure Boot off and boots the DVD (generation 2).
      Snapshots: [],
      ...(p.Generation === 2 ? { Firmware: { SecureBoot: 'Off' as const, SecureBootTemplate: 'MicrosoftWindows', FirstBootDevice: 'DvdDrive' } } : {}),
    };
    vm.IntegrationServices.find((s) => isIntegrationService(s, KVP_SERVICE_ID))!.Enabled = true;
    state.doc.vms.push(vm);
    const vhdx = state.doc.files.vhdx;
    if (sameName(vhdx.Path, p.VhdPath)) Object.assign(vhdx, { Exists: true, Attributes: ['Archive'] });
  },

  // Processor count and startup memory need the VM off; media, pipe, switch and KVP do not.
  'vm.configure'({ state }, p) {
    requireHyperV(state, 'Set-VM');
    const vms = requireVms(state, 'Set-VM', p.Name);
    if (p.SwitchName !== undefined) requireSwitch(state, 'Connect-VMNetworkAdapter', p.SwitchName);
    if (p.IsoPath !== undefined && !isoExists(state, p.IsoPath)) throw missingIsoError('Set-VMDvdDrive', p.Name, p.IsoPath);
    for (const vm of vms) {
      const off = vm.State === 'Off';
      if (p.ProcessorCount !== undefined && p.ProcessorCount !== vm.ProcessorCount) {
        if (!off) throw runningChangeError('Set-VMProcessor', 'Processor', vm);
        checkProcessorCount(state, vm.Name, p.ProcessorCount);
      }
      if (p.MemoryStartupBytes !== undefined && p.MemoryStartupBytes !== vm.MemoryStartup && !off) {
        throw runningChangeError('Set-VMMemory', 'Memory', vm);
      }
    }
    for (const vm of vms) {
      if (p.ProcessorCount !== undefined) vm.ProcessorCount = p.ProcessorCount;
      if (p.MemoryStartupBytes !== undefined) vm.MemoryStartup = p.MemoryStartupBytes;
      if (p.IsoPath !== undefined) {
        if (vm.DvdDrives.length === 0) vm.DvdDrives.push({ Path: p.IsoPath });
        else vm.DvdDrives[0].Path = p.IsoPath;
      }
      if (p.ComPipe !== undefined) {
        const com1 = findCom1(vm.ComPorts);
        if (com1) com1.Path = p.ComPipe;
        else vm.ComPorts.unshift({ Name: COM1_NAME, Path: p.ComPipe });
      }
      if (p.SwitchName !== undefined) for (const nic of vm.NetworkAdapters) nic.SwitchName = p.SwitchName;
      if (p.EnableKvp !== undefined) {
        for (const s of vm.IntegrationServices) if (isIntegrationService(s, KVP_SERVICE_ID)) s.Enabled = p.EnableKvp;
      }
      refreshStatuses(vm);
      refreshGuestAddresses(state, vm);
    }
  },

  // Rename-MobyKitVM: the VM is found by Id (Rename-VM works on a running VM and keeps its disk,
  // devices and KVP items). Already named NewName is done (a run killed after it); a VM that has
  // another name than the plan saw, or a namesake under NewName, is refused: the module acts on VMs by name.
  'vm.rename'({ state }, p) {
    requireHyperV(state, 'Rename-VM');
    const vm = state.doc.vms.find((v) => sameName(v.Id, p.Id));
    if (!vm) throw new CmdletError('Rename-MobyKitVM', `There is no VM with Id ${p.Id} (VM '${p.Name}')`);
    if (sameName(vm.Name, p.NewName)) return;
    if (!sameName(vm.Name, p.Name)) {
      throw new CmdletError('Rename-MobyKitVM', `VM ${p.Id} is named '${vm.Name}', not '${p.Name}': it was renamed since the plan was made`);
    }
    if (state.doc.vms.some((v) => v !== vm && sameName(v.Name, p.NewName))) {
      throw new CmdletError('Rename-MobyKitVM', `A virtual machine named '${p.NewName}' already exists; mobykit never gives two VMs one name`);
    }
    vm.Name = p.NewName;
  },

  // Remove-MobyKitVM: Remove-VM deletes only the configuration and needs the VM off or saved, so
  // the module turns a running VM off first (Stop-VM -TurnOff), then deletes the VHDX. No VM of
  // that name is nothing to remove (the disk is still deleted); a disk another VM uses is refused.
  'vm.remove'({ state }, p) {
    requireHyperV(state, 'Remove-VM');
    const vm = moduleVm(state, 'Remove-MobyKitVM', p.Name);
    const user = p.VhdPath ? state.doc.vms.find((v) => v !== vm && v.HardDrives.some((d) => d.Path === p.VhdPath)) : undefined;
    if (user) throw new CmdletError('Remove-MobyKitVM', `Could not check which VMs use the disk for VM '${p.Name}': the disk '${p.VhdPath}' is used by VM '${user.Name}'`);
    if (vm && vm.State !== 'Off' && vm.State !== 'Saved') powerOff(state, vm);
    state.doc.vms = state.doc.vms.filter((v) => v !== vm);
    const vhdx = state.doc.files.vhdx;
    if (p.VhdPath && sameName(vhdx.Path, p.VhdPath)) {
      vhdx.Exists = false;
      delete vhdx.Attributes;
    }
  },
};
