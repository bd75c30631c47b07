// The Credential Manager entry Docker reads the share password from (CredWrite / CredDelete).
import { credentialOps } from './model.js';

import { cannotUndo, undoBy, type Operations } from '../operation.js';
import { sameName } from '../../windows/names.js';

/**
 * The query a snapshot names (`errors[].Source`) when Credential Manager could not be read:
 * Get-MobyKitHostSnapshot enumerates the credentials with CredEnumerate.
 */
export const CREDENTIAL_QUERY = 'CredEnumerate';

export const credentialOperations: Operations<'credential.write' | 'credential.remove'> = {
  'credential.write': {
    psFunction: 'Set-MobyKitCredential',
    cmdlet: 'CredWrite',
    privilege: 'hyperv-administrator',
    needsSecret: true,
    // Overwriting an entry loses a password mobykit never saw: only a new entry can be undone.
    undo: (done) =>
      done.kind === 'create'
        ? undoBy(done, 'credential.remove', 'remove', `remove credential "${done.params.TargetName}"`, { TargetName: done.params.TargetName })
        : { impossible: `the earlier password of "${done.params.TargetName}" was never known to mobykit` },
    simulate: credentialOps['credential.write'],
  },
  'credential.remove': {
    psFunction: 'Remove-MobyKitCredential',
    cmdlet: 'CredDelete',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    // A renamed credential is written back from what the host showed, with the password given to this run.
    undo(done, before) {
      const old = before.credentials.find((c) => sameName(c.TargetName, done.params.TargetName));
      if (!old) return cannotUndo(done);
      const restore = undoBy(done, 'credential.write', 'create', `store the credential "${old.TargetName}" again`, {
        TargetName: old.TargetName,
        UserName: old.UserName,
        Comment: old.Comment ?? '',
      });
      return 'action' in restore ? { ...restore, caveats: [`the credential "${old.TargetName}" holds the password given to this run`] } : restore;
    },
    simulate: credentialOps['credential.remove'],
  },
};
