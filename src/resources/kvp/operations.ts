// The KVP token the VM reads its share mount from (Msvm_VirtualSystemManagementService *KvpItems).
// The token holds the share password, so adding or modifying it needs the secret.
import { kvpOps } from './model.js';
import { named } from '../../plan/step.js';
import { cannotUndo, undoBy, type Operations } from '../operation.js';
import { sameName } from '../../windows/names.js';

const MANAGEMENT_SERVICE = 'Msvm_VirtualSystemManagementService';

export const kvpOperations: Operations<'kvp.add' | 'kvp.modify' | 'kvp.remove'> = {
  'kvp.add': {
    // Set-MobyKitKvpItem adds or updates: one converging function.
    psFunction: 'Set-MobyKitKvpItem',
    cmdlet: `${MANAGEMENT_SERVICE}.AddKvpItems`,
    privilege: 'hyperv-administrator',
    needsSecret: true,
    undo: (done) => undoBy(done, 'kvp.remove', 'remove', `remove KVP item ${done.params.ItemName}`, { VMName: done.params.VMName, ItemName: done.params.ItemName }),
    simulate: kvpOps['kvp.add'],
  },
  'kvp.modify': {
    psFunction: 'Set-MobyKitKvpItem',
    cmdlet: `${MANAGEMENT_SERVICE}.ModifyKvpItems`,
    privilege: 'hyperv-administrator',
    needsSecret: true,
    undo: (done) => ({ impossible: `the earlier ${done.params.ItemName} token held a password mobykit never saw` }),
    simulate: kvpOps['kvp.modify'],
  },
  'kvp.remove': {
    psFunction: 'Remove-MobyKitKvpItem',
    cmdlet: `${MANAGEMENT_SERVICE}.RemoveKvpItems`,
    privilege: 'hyperv-administrator',
    needsSecret: false,
    // A renamed token is written back from what the host showed, with the password given to this run.
    undo(done, before) {
      const p = done.params;
      const vmId = done.releases?.[0]?.id.VMId; // the VM may have been renamed by this run too
      const vm = before.vms.find((v) => sameName(v.Id, vmId)) ?? named(before.vms, p.VMName)[0];
      const item = vm?.KvpHostExchangeItems.find((i) => sameName(i.Name, p.ItemName));
      const token = item && /^\/([^;]*);\/([^;]*);username=([^,]*),password=/.exec(item.Data);
      if (!token) return cannotUndo(done);
      const restore = undoBy(done, 'kvp.add', 'create', `give VM ${p.VMName} its ${p.ItemName} token again`, {
        VMName: p.VMName,
        ItemName: p.ItemName,
        MountPoint: token[1],
        ShareName: token[2],
        UserName: token[3],
      });
      return 'action' in restore ? { ...restore, caveats: [`the ${p.ItemName} token of VM ${p.VMName} holds the password given to this run`] } : restore;
    },
    simulate: kvpOps['kvp.remove'],
  },
};
