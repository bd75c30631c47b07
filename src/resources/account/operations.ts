// mobykit's local share account (--share-account local): made by New-LocalUser, known by its SID,
// given a new password on the host whenever the token or credential must be written again.
import { accountOps } from './model.js';
import { cannotUndo, undoBy, type Operations } from '../operation.js';
import { sameName } from '../../windows/names.js';

export const accountOperations: Operations<'account.create' | 'account.set' | 'account.remove'> = {
  'account.create': {
    psFunction: 'New-MobyKitShareAccount',
    cmdlet: 'New-LocalUser',
    privilege: 'administrator',
    needsSecret: false,
    // The account made is the one of that name and marker that was not there before.
    undo(done, before, now) {
      const p = done.params;
      if ((before.localAccounts ?? []).some((a) => sameName(a.Name, p.Name))) return { impossible: `local account ${p.Name} was there before` };
      const made = (now.localAccounts ?? []).find((a) => sameName(a.Name, p.Name) && a.Description === p.Description);
      return made
        ? undoBy(done, 'account.remove', 'remove', `remove local account ${made.Name} (${made.SID})`, { Sid: made.SID })
        : { impossible: `local account ${p.Name} is not there to remove` };
    },
    simulate: accountOps['account.create'],
  },
  'account.set': {
    psFunction: 'Set-MobyKitShareAccount',
    cmdlet: 'Set-LocalUser',
    privilege: 'administrator',
    needsSecret: false,
    undo: (done) => ({ impossible: `the earlier password of ${done.params.UserName} was never known to anyone; its new one is in the ${done.params.ItemName} token` }),
    simulate: accountOps['account.set'],
  },
  'account.remove': {
    psFunction: 'Remove-MobyKitShareAccount',
    cmdlet: 'Remove-LocalUser',
    privilege: 'administrator',
    needsSecret: false,
    undo: cannotUndo, // a SID never comes back
    simulate: accountOps['account.remove'],
  },
};
