// The Credential Manager entry Docker reads the share password from (CredWrite / CredDelete).
import { credentialOps } from '../host/simulated/credential.js';
import { cannotUndo, undoBy, type Operations } from './operation.js';

export const credentialOperations: Operations<'credential.write' | 'credential.remove'> = {
  'credential.write': {
    psFunction: 'Set-MobyKitCredential', cmdlet: 'CredWrite', privilege: 'hyperv-administrator', needsSecret: true,
    // Overwriting an entry loses a password mobykit never saw: only a new entry can be undone.
    undo: (done) => (done.kind === 'create'
      ? undoBy(done, 'credential.remove', 'remove', `remove credential "${done.params.TargetName}"`, { TargetName: done.params.TargetName })
      : { impossible: `the earlier password of "${done.params.TargetName}" was never known to mobykit` }),
    simulate: credentialOps['credential.write'],
  },
  'credential.remove': {
    psFunction: 'Remove-MobyKitCredential', cmdlet: 'CredDelete', privilege: 'hyperv-administrator', needsSecret: false,
    undo: cannotUndo,
    simulate: credentialOps['credential.remove'],
  },
};
