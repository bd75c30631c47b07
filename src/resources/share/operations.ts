// The SMB share and its access (New-SmbShare / Set-SmbShare / Grant- / Revoke-SmbShareAccess / Remove-SmbShare).
import { named } from '../../plan/step.js';
import { shareOps } from './model.js';
import { undoBy, type Operations } from '../operation.js';
import { sameName } from '../../windows/names.js';

export const shareOperations: Operations<'share.create' | 'share.update' | 'share.grant' | 'share.revoke' | 'share.remove'> = {
  'share.create': {
    psFunction: 'New-MobyKitShare',
    cmdlet: 'New-SmbShare',
    privilege: 'administrator',
    needsSecret: false,
    undo: (done) => undoBy(done, 'share.remove', 'remove', `stop sharing ${done.params.Name}`, { Name: done.params.Name }),
    simulate: shareOps['share.create'],
  },
  'share.update': {
    psFunction: 'Set-MobyKitShare',
    cmdlet: 'Set-SmbShare',
    privilege: 'administrator',
    needsSecret: false,
    undo(done, before) {
      const p = done.params;
      const [old] = named(before.smbShares, p.Name);
      return old
        ? undoBy(done, 'share.update', 'change', `restore caching of ${p.Name}`, { Name: p.Name, CachingMode: old.CachingMode })
        : { impossible: `share ${p.Name} was not there before` };
    },
    simulate: shareOps['share.update'],
  },
  'share.grant': {
    psFunction: 'Grant-MobyKitShareAccess',
    cmdlet: 'Grant-SmbShareAccess',
    privilege: 'administrator',
    needsSecret: false,
    undo(done, before) {
      const p = done.params;
      const [old] = named(before.smbShares, p.Name);
      const had = old?.Access.some((a) => sameName(a.AccountName, p.AccountName));
      return had
        ? { impossible: `${p.AccountName}'s earlier access to ${p.Name} cannot be restored exactly` }
        : undoBy(done, 'share.revoke', 'change', `revoke ${p.AccountName} from ${p.Name}`, { Name: p.Name, AccountName: p.AccountName });
    },
    simulate: shareOps['share.grant'],
  },
  'share.revoke': {
    psFunction: 'Revoke-MobyKitShareAccess',
    cmdlet: 'Revoke-SmbShareAccess',
    privilege: 'administrator',
    needsSecret: false,
    undo(done, before) {
      const p = done.params;
      const [old] = named(before.smbShares, p.Name);
      const full = old?.Access.some((a) => sameName(a.AccountName, p.AccountName) && a.AccessRight === 'Full' && a.AccessControlType === 'Allow');
      return full
        ? undoBy(done, 'share.grant', 'change', `grant ${p.AccountName} Full on ${p.Name} again`, { Name: p.Name, AccountName: p.AccountName })
        : { impossible: `${p.AccountName}'s earlier access to ${p.Name} cannot be restored exactly` };
    },
    simulate: shareOps['share.revoke'],
  },
  'share.remove': {
    psFunction: 'Remove-MobyKitShare',
    cmdlet: 'Remove-SmbShare',
    privilege: 'administrator',
    needsSecret: false,
    undo(done, before) {
      const [old] = named(before.smbShares, done.params.Name);
      const owner = old?.Access.find((a) => a.AccessRight === 'Full' && a.AccessControlType === 'Allow');
      return old && owner
        ? undoBy(done, 'share.create', 'create', `share ${old.Path} as ${old.Name} again`, {
            Name: old.Name,
            Path: old.Path,
            CachingMode: old.CachingMode,
            FullAccess: owner.AccountName,
            Description: old.Description ?? '',
          })
        : { impossible: `share ${done.params.Name} cannot be recreated exactly` };
    },
    simulate: shareOps['share.remove'],
  },
};
