// The SMB share the VM mounts, and the stored credential for it.
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext, Problem } from '../check.js';
import type { SmbShare } from '../../snapshot/types.js';
import { MARKER } from '../../config/desired.js';
import { ieq, index, lc, normPath, queryFailed, sameAccount } from './util.js';

function theShare(ctx: CheckContext): SmbShare | undefined {
  if (queryFailed(ctx, 'Get-SmbShare', 'Get-SmbShareAccess')) return undefined;
  return index(ctx).sharesByName.get(lc(ctx.desired.share.name))?.[0];
}

function newShareFix(ctx: CheckContext): string {
  const s = ctx.desired.share;
  return `New-SmbShare -Name ${psString(s.name)} -Path ${psString(s.path)} -FullAccess ${psString(s.account)} -CachingMode ${s.cachingMode} -Description ${psString(MARKER)}`;
}

/** `Everyone`, `\Everyone` or the SID S-1-1-0. */
function isEveryone(account: string): boolean {
  return ieq(account, 'Everyone') || ieq(account, '\\Everyone') || ieq(account, 'S-1-1-0');
}

const shareMissing: Check = {
  id: 'share.missing',
  title: 'Drive share exists',
  severity: 'error',
  why: 'The VM mounts Windows folders from this SMB share; without it bind mounts of Windows paths come up empty.',
  fixedByInstall: true,
  run(ctx) {
    if (queryFailed(ctx, 'Get-SmbShare')) return [];
    if (theShare(ctx)) return [];
    return [{ evidence: `No SMB share named ${ctx.desired.share.name}`, fix: newShareFix(ctx) }];
  },
};

const sharePath: Check = {
  id: 'share.path',
  title: 'Share exposes the configured folder',
  severity: 'error',
  why: 'A share of the right name that points at another folder makes the VM see the wrong files.',
  fixedByInstall: true,
  run(ctx) {
    const sh = theShare(ctx);
    if (!sh) return [];
    const want = ctx.desired.share.path;
    // C:\ and C: name the same root; compare without trailing backslashes.
    if (normPath(sh.Path) === normPath(want)) return [];
    return [{
      evidence: `Share ${sh.Name} exposes ${sh.Path}, expected ${want}`,
      fix: `Remove-SmbShare -Name ${psString(sh.Name)} -Force; ${newShareFix(ctx)}`,
    }];
  },
};

const shareAccess: Check = {
  id: 'share.access',
  title: 'The user has Full access to the share',
  severity: 'error',
  why: 'The VM logs in to the share as this user; without Full share access, containers cannot write to mounted folders (or mount at all).',
  fixedByInstall: true,
  run(ctx) {
    const sh = theShare(ctx);
    if (!sh) return [];
    const account = ctx.desired.share.account;
    const mine = (sh.Access ?? []).filter((a) => sameAccount(a.AccountName, account));
    const problems: Problem[] = [];
    const deny = mine.filter((a) => a.AccessControlType === 'Deny');
    for (const d of deny) {
      problems.push({
        evidence: `Share ${sh.Name} denies ${d.AccountName} ${d.AccessRight}`,
        fix: `Unblock-SmbShareAccess -Name ${psString(sh.Name)} -AccountName ${psString(d.AccountName)} -Force`,
      });
    }
    if (!mine.some((a) => a.AccessControlType === 'Allow' && a.AccessRight === 'Full')) {
      const allow = mine.filter((a) => a.AccessControlType === 'Allow').map((a) => a.AccessRight);
      problems.push({
        evidence: `Share ${sh.Name} grants ${account} ${allow.length ? allow.join(', ') : 'nothing'}, expected Full`,
        fix: `Grant-SmbShareAccess -Name ${psString(sh.Name)} -AccountName ${psString(account)} -AccessRight Full -Force`,
      });
    }
    return problems;
  },
};

const shareEveryone: Check = {
  id: 'share.everyone',
  title: 'The share is not open to Everyone',
  severity: 'warning',
  why: 'A share of the whole drive that Everyone can open exposes your files to anyone who can reach this PC on the network.',
  fixedByInstall: true,
  run(ctx) {
    const sh = theShare(ctx);
    if (!sh) return [];
    const open = (sh.Access ?? []).filter((a) => isEveryone(a.AccountName) && a.AccessControlType === 'Allow');
    return open.map((a) => ({
      evidence: `Share ${sh.Name} grants ${a.AccountName} ${a.AccessRight}`,
      fix: `Revoke-SmbShareAccess -Name ${psString(sh.Name)} -AccountName ${psString(a.AccountName)} -Force`,
    }));
  },
};

const shareCaching: Check = {
  id: 'share.caching',
  title: 'Share caching mode',
  severity: 'warning',
  why: 'Offline caching of the share can serve the VM stale file contents; the configured mode (None by default) avoids that.',
  fixedByInstall: true,
  run(ctx) {
    const sh = theShare(ctx);
    if (!sh) return [];
    const want = ctx.desired.share.cachingMode;
    if (ieq(sh.CachingMode, want)) return [];
    return [{
      evidence: `Share ${sh.Name} has CachingMode ${sh.CachingMode}, expected ${want}`,
      fix: `Set-SmbShare -Name ${psString(sh.Name)} -CachingMode ${want} -Force`,
    }];
  },
};

function credentialFix(ctx: CheckContext, replace: boolean): string {
  const c = ctx.desired.credential;
  const del = replace ? `cmdkey.exe /delete:${psString(c.target)}; ` : '';
  return `${del}cmdkey.exe /generic:${psString(c.target)} /user:${psString(c.userName)} /pass`;
}

const credentialMissing: Check = {
  id: 'credential.missing',
  title: 'Share credential is stored',
  severity: 'error',
  why: 'mobykit keeps the share user in Windows Credential Manager to hand the VM its mount item; without it the drive cannot be shared again after a restart.',
  fixedByInstall: true,
  run(ctx) {
    if (queryFailed(ctx, 'Get-StoredCredential', 'cmdkey', 'CredRead')) return [];
    const target = ctx.desired.credential.target;
    if ((ctx.snapshot.credentials ?? []).some((c) => ieq(c.TargetName, target))) return [];
    return [{ evidence: `No Credential Manager entry ${target}`, fix: credentialFix(ctx, false) }];
  },
};

const credentialUser: Check = {
  id: 'credential.user',
  title: 'Credential is for the share user',
  severity: 'error',
  why: 'The stored credential must be for the user the share is granted to; another user\'s password makes the VM\'s mount fail with "permission denied".',
  fixedByInstall: true,
  run(ctx) {
    const c = ctx.desired.credential;
    const cred = (ctx.snapshot.credentials ?? []).find((x) => ieq(x.TargetName, c.target));
    if (!cred || sameAccount(cred.UserName, ctx.desired.share.account)) return [];
    return [{
      evidence: `Credential ${cred.TargetName} is for ${cred.UserName}, expected ${c.userName} (the share is granted to ${ctx.desired.share.account})`,
      fix: credentialFix(ctx, true),
    }];
  },
};

export const SHARE_CHECKS: Check[] = [
  shareMissing, sharePath, shareAccess, shareEveryone, shareCaching, credentialMissing, credentialUser,
];
