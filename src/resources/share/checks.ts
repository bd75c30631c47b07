// The SMB share the VM mounts, and the stored credential for it.
import { psString } from '../../windows/powershell.js';
import type { Check, CheckContext, Problem } from '../../doctor/check.js';
import type { SmbShare } from '../../snapshot/types.js';
import { MARKER } from '../../config/desired.js';
import { absent, index, sameAccount, unreadable } from '../../doctor/checks/util.js';
import { samePath } from '../../windows/paths.js';
import { sameName, nameKey } from '../../windows/names.js';
import { CREDENTIAL_QUERY } from '../credential/operations.js';
import { localAccount } from '../account/checks.js';

/** The share the checks look at (they run only once share.missing passed). */
function theShare(ctx: CheckContext): SmbShare {
  return index(ctx).sharesByName.get(nameKey(ctx.desired.share.name))![0];
}

/** The SMB server answers: the share checks make sense. */
const SERVER = ['service.lanmanserver'];
const SHARE = ['share.missing'];

function newShareFix(ctx: CheckContext): string {
  const s = ctx.desired.share;
  return `New-SmbShare -Name ${psString(s.name)} -Path ${psString(s.path)} -FullAccess ${psString(s.account)} -CachingMode ${s.cachingMode} -Description ${psString(MARKER)}`;
}

/** `Everyone`, `\Everyone` or the SID S-1-1-0. */
function isEveryone(account: string): boolean {
  return sameName(account, 'Everyone') || sameName(account, '\\Everyone') || sameName(account, 'S-1-1-0');
}

const shareMissing: Check = {
  id: 'share.missing',
  title: 'Drive share exists',
  severity: 'error',
  why: 'The VM mounts Windows folders from this SMB share; without it bind mounts of Windows paths come up empty.',
  fixedByInstall: true,
  verifies: 'share',
  needs: SERVER,
  run(ctx) {
    const failed = unreadable(ctx, 'Get-SmbShare');
    if (failed) return failed;
    if (index(ctx).sharesByName.has(nameKey(ctx.desired.share.name))) return [];
    return [{ title: `Share ${ctx.desired.share.name} does not exist`, evidence: `No SMB share named ${ctx.desired.share.name}`, fix: newShareFix(ctx) }];
  },
};

const sharePath: Check = {
  id: 'share.path',
  title: 'Share exposes the configured folder',
  severity: 'error',
  why: 'A share of the right name that points at another folder makes the VM see the wrong files.',
  fixedByInstall: true,
  verifies: 'share',
  needs: SHARE,
  run(ctx) {
    const sh = theShare(ctx);
    const want = ctx.desired.share.path;
    // C:\ and C: name the same root; compare without trailing backslashes.
    if (samePath(sh.Path, want)) return [];
    return [
      {
        title: `Share ${sh.Name} exposes ${sh.Path}, not ${want}`,
        evidence: `Share ${sh.Name} exposes ${sh.Path}, expected ${want}`,
        fix: `Remove-SmbShare -Name ${psString(sh.Name)} -Force; ${newShareFix(ctx)}`,
      },
    ];
  },
};

const shareAccess: Check = {
  id: 'share.access',
  title: 'The user has Full access to the share',
  severity: 'error',
  why: 'The VM logs in to the share as this user; without Full share access, containers cannot write to mounted folders (or mount at all).',
  fixedByInstall: true,
  verifies: 'share',
  needs: [...SHARE, 'share.account'],
  run(ctx) {
    const sh = theShare(ctx);
    const failed = unreadable(ctx, 'Get-SmbShareAccess');
    if (failed) return failed;
    const account = ctx.desired.share.account;
    const mine = (sh.Access ?? []).filter((a) => sameAccount(a.AccountName, account));
    const problems: Problem[] = [];
    const deny = mine.filter((a) => a.AccessControlType === 'Deny');
    for (const d of deny) {
      problems.push({
        title: `Share ${sh.Name} denies ${d.AccountName}`,
        evidence: `Share ${sh.Name} denies ${d.AccountName} ${d.AccessRight}`,
        fix: `Unblock-SmbShareAccess -Name ${psString(sh.Name)} -AccountName ${psString(d.AccountName)} -Force`,
      });
    }
    if (!mine.some((a) => a.AccessControlType === 'Allow' && a.AccessRight === 'Full')) {
      const allow = mine.filter((a) => a.AccessControlType === 'Allow').map((a) => a.AccessRight);
      problems.push({
        title: `${account} lacks Full access to share ${sh.Name}`,
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
  verifies: 'share',
  needs: SHARE,
  run(ctx) {
    const sh = theShare(ctx);
    const open = (sh.Access ?? []).filter((a) => isEveryone(a.AccountName) && a.AccessControlType === 'Allow');
    return open.map((a) => ({
      title: `Share ${sh.Name} is open to ${a.AccountName}`,
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
  verifies: 'share',
  needs: SHARE,
  run(ctx) {
    const sh = theShare(ctx);
    const want = ctx.desired.share.cachingMode;
    if (sameName(sh.CachingMode, want)) return [];
    return [
      {
        title: `Share ${sh.Name} caches files offline (${sh.CachingMode})`,
        evidence: `Share ${sh.Name} has CachingMode ${sh.CachingMode}, expected ${want}`,
        fix: `Set-SmbShare -Name ${psString(sh.Name)} -CachingMode ${want} -Force`,
      },
    ];
  },
};

function credentialFix(ctx: CheckContext, replace: boolean): string {
  // Nobody knows the share account's password: install makes a new one and stores it with the token.
  if (ctx.desired.shareAccount) return 'mobykit install --share-account local (from a session signed in on this PC: a remote logon has no Credential Manager)';
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
  verifies: 'share',
  needs: ['platform.edition'],
  run(ctx) {
    const failed = unreadable(ctx, CREDENTIAL_QUERY);
    if (failed) return failed;
    const target = ctx.desired.credential.target;
    if ((ctx.snapshot.credentials ?? []).some((c) => sameName(c.TargetName, target))) return [];
    return [{ title: `No credential ${target} is stored`, evidence: `No Credential Manager entry ${target}`, fix: credentialFix(ctx, false) }];
  },
};

const credentialUser: Check = {
  id: 'credential.user',
  title: 'Credential is for the share user',
  severity: 'error',
  why: 'The stored credential must be for the user the share is granted to; another user\'s password makes the VM\'s mount fail with "permission denied".',
  fixedByInstall: true,
  verifies: 'share',
  needs: ['credential.missing'],
  run(ctx) {
    const c = ctx.desired.credential;
    const cred = (ctx.snapshot.credentials ?? []).find((x) => sameName(x.TargetName, c.target));
    if (!cred || sameAccount(cred.UserName, ctx.desired.share.account)) return [];
    return [
      {
        title: `Credential ${cred.TargetName} is for another user`,
        evidence: `Credential ${cred.TargetName} is for ${cred.UserName}, expected ${c.userName} (the share is granted to ${ctx.desired.share.account})`,
        fix: credentialFix(ctx, true),
      },
    ];
  },
};

const smbProtocol: Check = {
  id: 'smb.protocol',
  title: "The SMB server speaks what the VM's mount needs",
  severity: 'error',
  why: 'The VM mounts the share with SMB 2/3 and without encryption: with SMB2/3 disabled on the server, or encryption required of every client, the mount fails ("mount error(13)" or "(95) Operation not supported").',
  fixedByInstall: false,
  needs: SERVER,
  run(ctx) {
    const c = ctx.snapshot.smbServerConfiguration;
    if (!c) return unreadable(ctx, 'Get-SmbServerConfiguration') ?? absent('smbServerConfiguration section');
    const problems: Problem[] = [];
    if (!c.EnableSMB2Protocol) {
      problems.push({
        title: 'SMB 2/3 is disabled on this PC',
        evidence: 'Get-SmbServerConfiguration: EnableSMB2Protocol is False',
        fix: 'Set-SmbServerConfiguration -EnableSMB2Protocol $true -Force',
      });
    }
    if (c.EncryptData && c.RejectUnencryptedAccess) {
      problems.push({
        title: "The SMB server requires encryption, which the VM's mount does not use",
        evidence: 'Get-SmbServerConfiguration: EncryptData is True and RejectUnencryptedAccess is True',
        fix: 'Set-SmbServerConfiguration -RejectUnencryptedAccess $false -Force (clients that can encrypt still do)',
      });
    }
    return problems;
  },
};

const shareAccount: Check = {
  id: 'share.account',
  title: 'The share user is a local or domain account',
  severity: 'error',
  why: 'An Azure AD account (AzureAD\\name) cannot be granted a share or used by the VM\'s CIFS mount: the grant fails with "No mapping between account names and security IDs was done" (System error 1332). A local account works.',
  fixedByInstall: false,
  run(ctx) {
    const account = ctx.desired.share.account;
    if (!/^azuread\\/i.test(account.trim())) return [];
    const local = 'docker-share';
    return [
      {
        title: `The share user ${account} is an Azure AD account`,
        evidence: `The share is for ${account} (${ctx.desired.config.share.user ? 'from the configuration' : 'the signed-in user'})`,
        fix:
          `Let mobykit make and own a local account for the share, its password made on this PC: mobykit install --share-account local; or make one yourself: New-LocalUser -Name ${psString(local)} -Password (Read-Host -AsSecureString -Prompt 'Password for ${local}'); ` +
          `mobykit install --share-user ${psString(`${ctx.snapshot.computerName}\\${local}`)}`,
      },
    ];
  },
};

export const SHARE_CHECKS: Check[] = [
  shareAccount,
  localAccount,
  smbProtocol,
  shareMissing,
  sharePath,
  shareAccess,
  shareEveryone,
  shareCaching,
  credentialMissing,
  credentialUser,
];
