// The KVP token the VM reads its share mount from (Msvm_VirtualSystemManagementService *KvpItems).
// The token holds the share password, so adding or modifying it needs the secret.
import { kvpOps } from '../host/simulated/kvp.js';
import { cannotUndo, undoBy, type Operations } from './operation.js';

const MANAGEMENT_SERVICE = 'Msvm_VirtualSystemManagementService';

export const kvpOperations: Operations<'kvp.add' | 'kvp.modify' | 'kvp.remove'> = {
  'kvp.add': {
    // Set-MobyKitKvpItem adds or updates: one converging function.
    psFunction: 'Set-MobyKitKvpItem', cmdlet: `${MANAGEMENT_SERVICE}.AddKvpItems`, privilege: 'hyperv-administrator', needsSecret: true,
    undo: (done) => undoBy(done, 'kvp.remove', 'remove', `remove KVP item ${done.params.ItemName}`, { VMName: done.params.VMName, ItemName: done.params.ItemName }),
    simulate: kvpOps['kvp.add'],
  },
  'kvp.modify': {
    psFunction: 'Set-MobyKitKvpItem', cmdlet: `${MANAGEMENT_SERVICE}.ModifyKvpItems`, privilege: 'hyperv-administrator', needsSecret: true,
    undo: (done) => ({ impossible: `the earlier ${done.params.ItemName} token held a password mobykit never saw` }),
    simulate: kvpOps['kvp.modify'],
  },
  'kvp.remove': {
    psFunction: 'Remove-MobyKitKvpItem', cmdlet: `${MANAGEMENT_SERVICE}.RemoveKvpItems`, privilege: 'hyperv-administrator', needsSecret: false,
    undo: cannotUndo,
    simulate: kvpOps['kvp.remove'],
  },
};
