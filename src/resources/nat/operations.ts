// The WinNAT network (New-NetNat / Remove-NetNat).
import { named } from '../../plan/step.js';
import { natOps } from './model.js';
import { undoBy, type Operations } from '../operation.js';

export const natOperations: Operations<'nat.create' | 'nat.remove'> = {
  'nat.create': {
    psFunction: 'New-MobyKitNat',
    cmdlet: 'New-NetNat',
    privilege: 'administrator',
    needsSecret: false,
    undo: (done) => undoBy(done, 'nat.remove', 'remove', `remove NAT ${done.params.Name}`, { Name: done.params.Name }),
    simulate: natOps['nat.create'],
  },
  'nat.remove': {
    psFunction: 'Remove-MobyKitNat',
    cmdlet: 'Remove-NetNat',
    privilege: 'administrator',
    needsSecret: false,
    undo(done, before) {
      const [old] = named(before.netNats, done.params.Name);
      return old
        ? undoBy(done, 'nat.create', 'create', `recreate NAT ${old.Name}`, { Name: old.Name, InternalIPInterfaceAddressPrefix: old.InternalIPInterfaceAddressPrefix })
        : { impossible: `NAT ${done.params.Name} was not there before` };
    },
    simulate: natOps['nat.remove'],
  },
};
