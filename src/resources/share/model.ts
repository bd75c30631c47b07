// New-SmbShare, Set-SmbShare, Grant-/Revoke-SmbShareAccess, Remove-SmbShare.
import type { SmbShare } from '../../snapshot/types.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError, notFoundByName } from '../../host/simulated/state.js';
import { sameName } from '../../windows/names.js';

function requireShare(state: SimState, cmdlet: string, name: string): SmbShare {
  const share = state.doc.smbShares.find((s) => sameName(s.Name, name));
  if (!share) throw notFoundByName(cmdlet, 'MSFT_SMBShare', 'Name', name);
  return share;
}

/**
 * The snapshot does not list directories. Drive roots (C:\) exist; other rooted paths are assumed
 * to exist; a path that is not rooted at a drive or UNC name cannot be shared.
 */
function pathExists(path: string): boolean {
  return /^[A-Za-z]:\\/.test(path) || /^\\\\[^\\]+\\/.test(path);
}

export const shareOps: Pick<Handlers, 'share.create' | 'share.update' | 'share.grant' | 'share.revoke' | 'share.remove'> = {
  'share.create'({ state }, p) {
    const cmdlet = 'New-SmbShare';
    const server = state.doc.services.find((s) => sameName(s.Name, 'LanmanServer'));
    if (server?.Status !== 'Running') throw new CmdletError(cmdlet, 'The service has not been started.');
    // New-MobyKitShare: a share of that name for that folder is left alone, for another refused.
    const namesake = state.doc.smbShares.find((s) => sameName(s.Name, p.Name));
    if (namesake) {
      if (sameName(namesake.Path.replace(/\\+$/, ''), p.Path.replace(/\\+$/, ''))) return;
      throw new CmdletError('New-MobyKitShare', `Share '${p.Name}' already exists for '${namesake.Path}', not '${p.Path}'`);
    }
    if (!pathExists(p.Path)) throw new CmdletError(cmdlet, 'The device or directory does not exist.');
    // With no -FullAccess/-ChangeAccess/-ReadAccess, New-SmbShare grants Everyone Read; the
    // operation always passes -FullAccess, so that account is the only entry.
    state.doc.smbShares.push({
      Name: p.Name,
      Path: p.Path,
      CachingMode: p.CachingMode,
      Description: p.Description,
      Access: [{ AccountName: p.FullAccess, AccessControlType: 'Allow', AccessRight: 'Full' }],
    });
  },

  'share.update'({ state }, p) {
    requireShare(state, 'Set-SmbShare', p.Name).CachingMode = p.CachingMode;
  },

  // Grant-SmbShareAccess leaves one Allow entry per account, now Full.
  'share.grant'({ state }, p) {
    const share = requireShare(state, 'Grant-SmbShareAccess', p.Name);
    const others = share.Access.filter((a) => !(sameName(a.AccountName, p.AccountName) && a.AccessControlType === 'Allow'));
    share.Access = [...others, { AccountName: p.AccountName, AccessControlType: 'Allow', AccessRight: 'Full' }];
  },

  // Revoke-SmbShareAccess removes all the account's Allow entries (Deny entries belong to
  // Unblock-SmbShareAccess); revoking an account with no entry is not an error.
  'share.revoke'({ state }, p) {
    // Revoke-MobyKitShareAccess: no share is no access to revoke.
    const share = state.doc.smbShares.find((s) => sameName(s.Name, p.Name));
    if (!share) return;
    share.Access = share.Access.filter((a) => !(sameName(a.AccountName, p.AccountName) && a.AccessControlType === 'Allow'));
  },

  'share.remove'({ state }, p) {
    // Remove-MobyKitShare: no share of that name is nothing to remove.
    state.doc.smbShares = state.doc.smbShares.filter((s) => !sameName(s.Name, p.Name));
  },
};
