// The VM (New-VM / Set-VM / Start-VM / Stop-VM / Remove-VM) and its disk.
import type { OpParams } from '../../plan/action.js';
import { named } from '../../plan/step.js';
import { kvpEnabled } from '../../windows/integration.js';
import { vmOps } from './model.js';
import { powerOps } from './model-power.js';
import { cannotUndo, undoBy, type Operations } from '../operation.js';
import { findCom1 } from '../../windows/com-port.js';

export const vmOperations: Operations<'vm.create' | 'vm.configure' | 'vm.start' | 'vm.stop' | 'vm.rename' | 'vm.remove'> = {
  'vm.create': {
    psFunction: 'New-MobyKitVM',
    cmdlet: 'New-VM',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    // A disk that was there before (AttachExistingVhd) is the user's: the undo keeps it.
    undo(done) {
      const p = done.params;
      return undoBy(done, 'vm.remove', 'remove', p.AttachExistingVhd ? `remove VM ${p.Name}, keeping its disk` : `remove VM ${p.Name} and its new disk`, {
        Name: p.Name,
        VhdPath: p.AttachExistingVhd ? '' : p.VhdPath,
      });
    },
    simulate: vmOps['vm.create'],
  },
  'vm.configure': {
    psFunction: 'Set-MobyKitVM',
    cmdlet: 'Set-VM',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    // Each property the change set is put back from what it overwrote; what the module cannot take back is said.
    undo(done, before) {
      const c = done.params;
      const [old] = named(before.vms, c.Name);
      if (!old) return { impossible: `VM ${c.Name} was not there before` };
      const params: OpParams['vm.configure'] = { Name: old.Name };
      const caveats: string[] = [];
      if (c.MemoryStartupBytes !== undefined) params.MemoryStartupBytes = old.MemoryStartup;
      if (c.ProcessorCount !== undefined) params.ProcessorCount = old.ProcessorCount;
      if (c.IsoPath !== undefined) {
        if (old.DvdDrives[0]?.Path) params.IsoPath = old.DvdDrives[0].Path;
        else
          caveats.push(
            `VM ${c.Name} keeps the DVD drive with ${c.IsoPath} that mobykit ${old.DvdDrives.length ? 'inserted' : 'added'} (Remove-VMDvdDrive or Set-VMDvdDrive -Path $null to take it out)`,
          );
      }
      const com1 = findCom1(old.ComPorts);
      if (c.ComPipe !== undefined) {
        if (com1?.Path) params.ComPipe = com1.Path;
        else caveats.push(`VM ${c.Name} keeps COM1 on ${c.ComPipe} (Set-VMComPort -VMName <vm> -Number 1 -Path '' disconnects it)`);
      }
      if (c.SwitchName !== undefined) {
        if (old.NetworkAdapters[0]?.SwitchName) params.SwitchName = old.NetworkAdapters[0].SwitchName;
        else caveats.push(`VM ${c.Name} keeps ${old.NetworkAdapters.length ? 'its network adapter connected' : 'the network adapter mobykit added'} on switch ${c.SwitchName}`);
      }
      if (c.EnableKvp !== undefined) params.EnableKvp = kvpEnabled(old);
      if (Object.keys(params).length === 1) return { impossible: caveats.join('; ') || `VM ${c.Name}'s settings cannot be restored` };
      const restore = undoBy(done, 'vm.configure', 'change', `restore VM ${c.Name}'s settings`, params);
      return 'action' in restore ? { ...restore, caveats } : restore;
    },
    simulate: vmOps['vm.configure'],
  },
  'vm.start': {
    psFunction: 'Start-MobyKitVM',
    cmdlet: 'Start-VM',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    undo: (done) => undoBy(done, 'vm.stop', 'change', `stop VM ${done.params.Name}`, { Name: done.params.Name, TimeoutSeconds: 60 }),
    simulate: powerOps['vm.start'],
  },
  'vm.stop': {
    psFunction: 'Stop-MobyKitVM',
    cmdlet: 'Stop-VM',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    undo: (done) => undoBy(done, 'vm.start', 'change', `start VM ${done.params.Name}`, { Name: done.params.Name }),
    simulate: powerOps['vm.stop'],
  },
  'vm.rename': {
    psFunction: 'Rename-MobyKitVM',
    cmdlet: 'Rename-VM',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    undo: (done) =>
      undoBy(done, 'vm.rename', 'change', `name VM ${done.params.NewName} ${done.params.Name} again`, { Name: done.params.NewName, Id: done.params.Id, NewName: done.params.Name }),
    simulate: vmOps['vm.rename'],
  },
  'vm.remove': {
    psFunction: 'Remove-MobyKitVM',
    cmdlet: 'Remove-VM',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    undo: cannotUndo,
    simulate: vmOps['vm.remove'],
  },
};
