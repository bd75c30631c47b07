// mobykit's local share account (New-/Set-/Remove-MobyKitShareAccount over Get-/New-/Set-/Remove-LocalUser).
// The password is made on the host: here a fresh value per call, kept in the vault and the token only.
import type { LocalAccount } from '../../snapshot/types.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { CmdletError, newGuid } from '../../host/simulated/state.js';
import { shareOps } from '../share/model.js';
import { kvpOps } from '../kvp/model.js';
import { credentialOps } from '../credential/model.js';
import { moduleVm } from '../../host/simulated/hyperv.js';
import { sameName } from '../../windows/names.js';

const accounts = (state: SimState): LocalAccount[] => (state.doc.localAccounts ??= []);

/** The RIDs of local accounts count up from 1000; a SID nothing in the document holds. */
function newSid(state: SimState): string {
  const held = JSON.stringify(state.doc);
  for (let rid = 1001; ; rid += 1) {
    const sid = `S-1-5-21-3623811015-3361044348-30300820-${rid}`;
    if (!held.includes(sid)) return sid;
  }
}

function notOwned(fn: string, a: LocalAccount): CmdletError {
  return new CmdletError(fn, `A local account '${a.Name}' (SID ${a.SID}) exists that mobykit did not make: mobykit leaves it alone`);
}

export const accountOps: Pick<Handlers, 'account.create' | 'account.set' | 'account.remove'> = {
  // New-MobyKitShareAccount: one of that name with the marker is left alone; without it, refused.
  'account.create'({ state }, p) {
    const fn = 'New-MobyKitShareAccount';
    const have = accounts(state).find((a) => sameName(a.Name, p.Name));
    if (have) {
      if (have.Description === p.Description) return;
      throw notOwned(fn, have);
    }
    accounts(state).push({ Name: p.Name, SID: newSid(state), Enabled: true, Description: p.Description });
  },

  // Set-MobyKitShareAccount: share, VM and account looked up first; then password, grant, token and credential in one call.
  'account.set'(ctx, p) {
    const { state } = ctx;
    const fn = 'Set-MobyKitShareAccount';
    if (!state.doc.smbShares.some((s) => sameName(s.Name, p.ShareName)))
      throw new CmdletError(fn, `Could not look up share '${p.ShareName}': Share '${p.ShareName}' does not exist`);
    if (!moduleVm(state, fn, p.VMName)) throw new CmdletError(fn, `Could not look up VM '${p.VMName}': VM '${p.VMName}' does not exist`);
    const account = accounts(state).find((a) => sameName(a.Name, p.UserName));
    if (!account) throw new CmdletError(fn, `Could not look up local account '${p.UserName}': Local account '${p.UserName}' does not exist`);
    if (account.Description !== p.Description) throw notOwned(fn, account);
    const password = newGuid(state).replace(/-/g, '');
    const made = { state, password };
    shareOps['share.grant'](made, { Name: p.ShareName, AccountName: `${state.doc.computerName}\\${p.UserName}` });
    kvpOps['kvp.add'](made, { VMName: p.VMName, ItemName: p.ItemName, MountPoint: p.MountPoint, ShareName: p.ShareName, UserName: p.UserName });
    credentialOps['credential.write'](made, { TargetName: p.TargetName, UserName: p.UserName, Comment: p.Comment });
  },

  // Remove-MobyKitShareAccount: by SID only; gone is nothing to remove.
  'account.remove'({ state }, p) {
    state.doc.localAccounts = accounts(state).filter((a) => !sameName(a.SID, p.Sid));
  },
};
