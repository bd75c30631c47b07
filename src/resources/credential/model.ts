// Credential Manager Generic entries (CredWrite / CredDelete). The secret stays in the vault.
import type { Handlers } from '../../host/simulated/state.js';
import { nameKey, sameName } from '../../windows/names.js';

export const credentialOps: Pick<Handlers, 'credential.write' | 'credential.remove'> = {
  // CredWrite creates the entry or overwrites the one with the same target.
  'credential.write'({ state, password }, p) {
    if (password === undefined) throw new Error('credential.write needs secrets.sharePassword');
    const entry = { TargetName: p.TargetName, UserName: p.UserName, Type: 'Generic', Comment: p.Comment };
    const doc = state.doc;
    const at = doc.credentials.findIndex((c) => sameName(c.TargetName, p.TargetName) && c.Type === 'Generic');
    if (at >= 0) doc.credentials[at] = entry;
    else doc.credentials.push(entry);
    state.vault[nameKey(p.TargetName)] = password;
  },

  'credential.remove'({ state }, p) {
    const doc = state.doc;
    const at = doc.credentials.findIndex((c) => sameName(c.TargetName, p.TargetName) && c.Type === 'Generic');
    if (at < 0) return; // Remove-MobyKitCredential: no credential is nothing to remove.
    doc.credentials.splice(at, 1);
    delete state.vault[nameKey(p.TargetName)];
  },
};
