// mobykit's own share account (--share-account local): there, enabled and mobykit's.
import { psString } from '../../windows/powershell.js';
import type { Check, Problem } from '../../doctor/check.js';
import { MARKER } from '../../config/desired.js';
import { absent, unreadable } from '../../doctor/checks/util.js';
import { sameName } from '../../windows/names.js';

export const localAccount: Check = {
  id: 'share.local-account',
  title: "mobykit's share account exists and is enabled (--share-account local)",
  severity: 'error',
  why: 'With --share-account local the VM mounts the share as mobykit\'s own local account; without it, or with it disabled, the mount fails with "permission denied".',
  fixedByInstall: true,
  verifies: 'share',
  run(ctx) {
    const want = ctx.desired.shareAccount;
    if (!want) return [];
    const failed = unreadable(ctx, 'Get-LocalUser');
    if (failed) return failed;
    if (!ctx.snapshot.localAccounts) return absent('localAccounts section');
    const [have] = ctx.snapshot.localAccounts.filter((a) => sameName(a.Name, want.name));
    if (!have) return [{ title: `Local account ${want.name} does not exist`, evidence: `Get-LocalUser finds no ${want.name}`, fix: 'mobykit install --share-account local' }];
    const problems: Problem[] = [];
    if (have.Description !== MARKER) {
      problems.push({
        title: `Local account ${want.name} was not made by mobykit`,
        severity: 'error',
        evidence: `${want.name} (SID ${have.SID}) has the description ${JSON.stringify(have.Description ?? '')}, not mobykit's marker; install leaves it alone`,
        fix: `Rename or remove it yourself (Remove-LocalUser -SID ${psString(have.SID)}) if it is not in use, or use an account of yours: mobykit install --share-account user --share-user <DOMAIN\\user>`,
      });
    }
    if (!have.Enabled) {
      problems.push({
        title: `Local account ${want.name} is disabled`,
        evidence: `${want.name} (SID ${have.SID}) is disabled`,
        fix: `Enable-LocalUser -SID ${psString(have.SID)}`,
      });
    }
    return problems;
  },
};
