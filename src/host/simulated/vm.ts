// New-VM (with Set-VMProcessor, Add-VMDvdDrive, Set-VMComPort, Enable-VMIntegrationService),
// the Set-VM* family, and Remove-VM plus deleting its disk, as the PowerShell module does them.
import type { VM } from '../../snapshot/types.js';
import type { Handlers, SimState } from './state.js';
import { CmdletError, newGuid, newMacBytes, sameName } from './state.js';
import { isoExists, missingIsoError, requireHyperV, requireSwitch, requireVms, vhdxExists } from './hyperv.js';
import { KVP_SERVICE, refreshStatuses, standardServices } from './integration.js';
import { refreshGuestAddresses } from './guest-ip.js';

function logicalProcessors(state: SimState): number {
  return state.doc.platform.processors.reduce((n, p) => n + p.NumberOfLogicalProcessors, 0);
}

function checkProcessorCount(state: SimState, vmName: string, count: number): void {
  const max = logicalProcessors(state);
  if (max > 0 && count > max) {
    throw new CmdletError('Set-VMProcessor',
      `Failed to modify device 'Processor'. '${vmName}': the processor count ${count} exceeds the ${max} logical processors of this host.`);
  }
}

function runningChangeError(cmdlet: string, device: string, vm: VM): CmdletError {
  return new CmdletError(cmdlet,
    `Failed to modify device '${device}'. '${vm.Name}' is running: cannot change the ${device === 'Processor' ? 'processor count' : 'startup memory'} while the virtual machine is running. Turn off the virtual machine and try again.`);
}

export const vmOps: Pick<Handlers, 'vm.create' | 'vm.configure' | 'vm.remove'> = {
  // New-VM allows a second VM with the same name; the new one simply gets a new Id.
  'vm.create'({ state }, p) {
    requireHyperV(state, 'New-VM');
    requireSwitch(state, 'New-VM', p.SwitchName);
    if (p.AttachExistingVhd && !vhdxExists(state, p.VhdPath)) {
      throw new CmdletError('New-MobyKitVM', `There is no disk at '${p.VhdPath}' to attach`);
    }
    if (!p.AttachExistingVhd && vhdxExists(state, p.VhdPath)) {
      throw new CmdletError('New-VM',
        `Failed to create the virtual hard disk. The system failed to create '${p.VhdPath}': The file exists. (0x80070050).`);
    }
    checkProcessorCount(state, p.Name, p.ProcessorCount);
    if (!isoExists(state, p.IsoPath)) throw missingIsoError('Add-VMDvdDrive', p.Name, p.IsoPath);
    const Id = newGuid(state);
    const vm: VM = {
      Name: p.Name, Id, State: 'Off', Generation: p.Generation, MemoryStartup: p.MemoryStartupBytes,
      ProcessorCount: p.ProcessorCount,
      DvdDrives: [{ Path: p.IsoPath }],
      HardDrives: [{ Path: p.VhdPath }],
      ComPorts: [{ Name: 'COM 1', Path: p.ComPipe }],
      IntegrationServices: standardServices(Id),
      NetworkAdapters: [{ Name: 'Network Adapter', SwitchName: p.SwitchName, MacAddress: newMacBytes(state).join(''), IPAddresses: [] }],
      KvpHostExchangeItems: [],
      Notes: p.Notes,
      // A new VM has no checkpoints; New-MobyKitVM turns Secure Boot off and boots the DVD (generation 2).
      Snapshots: [],
      ...(p.Generation === 2 ? { Firmware: { SecureBoot: 'Off' as const, SecureBootTemplate: 'MicrosoftWindows', FirstBootDevice: 'DvdDrive' } } : {}),
    };
    vm.IntegrationServices.find((s) => s.Name === KVP_SERVICE)!.Enabled = true;
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
        const com1 = vm.ComPorts.find((c) => c.Name === 'COM 1');
        if (com1) com1.Path = p.ComPipe;
        else vm.ComPorts.unshift({ Name: 'COM 1', Path: p.ComPipe });
      }
      if (p.SwitchName !== undefined) for (const nic of vm.NetworkAdapters) nic.SwitchName = p.SwitchName;
      if (p.EnableKvp !== undefined) {
        for (const s of vm.IntegrationServices) if (s.Name === KVP_SERVICE) s.Enabled = p.EnableKvp;
      }
      refreshStatuses(vm);
      refreshGuestAddresses(state, vm);
    }
  },

  // Remove-VM deletes only the configuration; the module function then deletes the VHDX.
  // Msvm_VirtualSystemManagementService.DestroySystem requires the VM to be off or saved, so a
  // running VM is refused here: stop it first (Docker's MobyLinux.ps1 also stops before removing).
  'vm.remove'({ state }, p) {
    requireHyperV(state, 'Remove-VM');
    const vms = requireVms(state, 'Remove-VM', p.Name);
    const running = vms.find((v) => v.State !== 'Off' && v.State !== 'Saved');
    if (running) {
      throw new CmdletError('Remove-VM',
        `Failed to delete virtual machine '${running.Name}'. The operation cannot be performed while the object is in its current state (${running.State}).`);
    }
    state.doc.vms = state.doc.vms.filter((v) => !vms.includes(v));
    const vhdx = state.doc.files.vhdx;
    if (p.VhdPath && sameName(vhdx.Path, p.VhdPath)) {
      vhdx.Exists = false;
      delete vhdx.Attributes;
    }
  },
};
