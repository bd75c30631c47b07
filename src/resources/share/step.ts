// The SMB share of the drive, granted Full to the user, and its credential in Credential Manager
// (the article's `net share C=C:\ /grant:<user>,FULL /CACHE:None`, "Docker Host Filesystem Access").
import { psString } from '../../windows/powershell.js';
import { MARKER, type Desired } from '../../config/desired.js';
import { makeAction, type Action } from '../../plan/action.js';
import type { Claim } from '../../state/journal.js';
import type { SmbShare } from '../../snapshot/types.js';
import { named, ownershipBlocker, renameBlocker, type Step, type StepContext } from '../../plan/step.js';
import { sameName } from '../../windows/names.js';
import { samePath } from '../../windows/paths.js';
import { accountsLeftAlone, planShareAccount, removeShareAccounts } from '../account/step.js';

const shareResource = (name: string) => `share:${name}`;
const credentialResource = (target: string) => `credential:${target}`;
const isMine = (ctx: StepContext, sh: SmbShare) => ctx.owned.ownsShare(sh);
const release = (name: string) => [{ kind: 'share' as const, id: { Name: name } }];

function createShare(ctx: StepContext): Action {
  const w = ctx.desired.share;
  return makeAction({
    step: 'share',
    op: 'share.create',
    kind: 'create',
    target: w.name,
    resource: shareResource(w.name),
    description: `Share ${w.path} as ${w.name}, Full access for ${w.account} only, caching ${w.cachingMode}`,
    params: { Name: w.name, Path: w.path, CachingMode: w.cachingMode, FullAccess: w.account, Description: MARKER },
    claims: [{ kind: 'share', id: { Name: w.name, Path: w.path } }],
  });
}

function planShare(ctx: StepContext): { actions: Action[]; problems: string[] } {
  const w = ctx.desired.share;
  const [have] = named(ctx.seen.smbShares, w.name);
  if (!have) return { actions: [createShare(ctx)], problems: [] };
  if (!samePath(have.Path, w.path)) {
    return {
      actions: [
        makeAction({
          step: 'share',
          op: 'share.remove',
          kind: 'remove',
          target: have.Name,
          resource: shareResource(have.Name),
          description: `Remove share ${have.Name}: it points at ${have.Path}`,
          params: { Name: have.Name },
          releases: release(have.Name),
          changes: [{ property: 'Path', from: have.Path, to: w.path }],
        }),
        createShare(ctx),
      ],
      problems: [`share ${have.Name} points at ${have.Path}, expected ${w.path}`],
    };
  }
  const actions: Action[] = [];
  const problems: string[] = [];
  const full = have.Access.some((a) => sameName(a.AccountName, w.account) && a.AccessControlType === 'Allow' && a.AccessRight === 'Full');
  if (!full) {
    problems.push(`${w.account} lacks Full access`);
    actions.push(
      makeAction({
        step: 'share',
        op: 'share.grant',
        kind: 'change',
        target: `${w.name} ${w.account}`,
        resource: shareResource(w.name),
        multi: true,
        description: `Grant ${w.account} Full access to share ${w.name}`,
        params: { Name: w.name, AccountName: w.account },
      }),
    );
  }
  const strangers = [...new Set(have.Access.filter((a) => !sameName(a.AccountName, w.account)).map((a) => a.AccountName))];
  for (const account of strangers) {
    problems.push(`${account} has access`);
    actions.push(
      makeAction({
        step: 'share',
        op: 'share.revoke',
        kind: 'change',
        target: `${w.name} ${account}`,
        resource: shareResource(w.name),
        multi: true,
        description: `Revoke ${account}'s access to share ${w.name}`,
        params: { Name: w.name, AccountName: account },
      }),
    );
  }
  if (!sameName(have.CachingMode, w.cachingMode)) {
    problems.push(`caching is ${have.CachingMode}, expected ${w.cachingMode}`);
    actions.push(
      makeAction({
        step: 'share',
        op: 'share.update',
        kind: 'change',
        target: w.name,
        resource: shareResource(w.name),
        description: `Set caching of share ${w.name} to ${w.cachingMode}`,
        params: { Name: w.name, CachingMode: w.cachingMode },
        changes: [{ property: 'CachingMode', from: have.CachingMode, to: w.cachingMode }],
      }),
    );
  }
  // Changing a share mobykit did not make (--adopt) takes it over: the first change claims it.
  if (actions.length && !isMine(ctx, have)) actions[0].claims = [{ kind: 'share', id: { Name: have.Name, Path: have.Path }, adopted: true }];
  return { actions, problems };
}

/** Stores the share password (given at apply time) in Credential Manager; `from`: the user name it had; `claims`: what the write makes mobykit's. */
export function writeCredential(d: Desired, kind: 'create' | 'change', from?: string, claims: Claim[] = []): Action {
  const c = d.credential;
  return makeAction({
    step: 'share',
    op: 'credential.write',
    kind,
    target: c.target,
    resource: credentialResource(c.target),
    description: `Store the share password for ${c.userName} in Credential Manager as "${c.target}"`,
    params: { TargetName: c.target, UserName: c.userName, Comment: MARKER },
    claims,
    ...(from !== undefined && from !== c.userName ? { changes: [{ property: 'UserName', from, to: c.userName }] } : {}),
  });
}

function planCredential(ctx: StepContext): { actions: Action[]; problems: string[] } {
  const c = ctx.desired.credential;
  const [have] = ctx.seen.credentials.filter((x) => sameName(x.TargetName, c.target));
  const write = (kind: 'create' | 'change', from?: string) =>
    writeCredential(
      ctx.desired,
      kind,
      from,
      have && ctx.owned.ownsCredential(have) ? [] : [{ kind: 'credential' as const, id: { TargetName: c.target }, ...(have ? { adopted: true } : {}) }],
    );
  if (!have) return { actions: [write('create')], problems: [] };
  if (sameName(have.UserName, c.userName)) return { actions: [], problems: [] };
  return { actions: [write('change', have.UserName)], problems: [`credential "${c.target}" is for ${have.UserName}, expected ${c.userName}`] };
}

function removeCredential(target: string, why: string, multi = false): Action {
  return makeAction({
    step: 'share',
    op: 'credential.remove',
    kind: 'remove',
    target,
    resource: credentialResource(target),
    multi,
    description: `Remove the credential "${target}"${why}`,
    params: { TargetName: target },
    releases: [{ kind: 'credential', id: { TargetName: target } }],
  });
}

export const shareStep: Step = {
  name: 'share',
  title: 'SMB share and its credential',

  install(ctx) {
    const w = ctx.desired.share;
    const c = ctx.desired.credential;
    // --share-account local: the account comes first (the share is granted to it); its credential comes with the token (steps/account.ts).
    const account = ctx.desired.shareAccount ? planShareAccount(ctx) : { actions: [], blockers: [] };
    const share = planShare(ctx);
    const credential = ctx.desired.shareAccount ? { actions: [], problems: [] } : planCredential(ctx);
    const [haveShare] = named(ctx.seen.smbShares, w.name);
    const [haveCredential] = ctx.seen.credentials.filter((x) => sameName(x.TargetName, c.target));
    const blockers = [...account.blockers];
    if (share.problems.length && haveShare && !isMine(ctx, haveShare) && !ctx.adopt) {
      blockers.push(
        ownershipBlocker(
          'share',
          `Share ${w.name}`,
          share.problems.join('; '),
          `Remove-SmbShare -Name ${psString(w.name)} -Force, or Grant-SmbShareAccess -Name ${psString(w.name)} -AccountName ${psString(w.account)} -AccessRight Full -Force`,
        ),
      );
    }
    const credentialMine = !!haveCredential && ctx.owned.ownsCredential(haveCredential);
    if (credential.problems.length && !credentialMine && !ctx.adopt) {
      blockers.push(ownershipBlocker('share', `Credential "${c.target}"`, credential.problems.join('; '), 'Remove it in Control Panel > Credential Manager > Windows Credentials'));
    }
    // Renamed in the configuration: mobykit's share and credential under their old names go once the new ones are there.
    const oldShares = ctx.seen.smbShares.filter((sh) => isMine(ctx, sh) && !sameName(sh.Name, w.name));
    const oldCredentials = ctx.seen.credentials.filter((x) => ctx.owned.ownsCredential(x) && !sameName(x.TargetName, c.target));
    if (oldShares.length && haveShare && !isMine(ctx, haveShare) && !ctx.adopt) {
      blockers.push(
        renameBlocker(
          `Share ${haveShare.Name} (${haveShare.Path})`,
          `mobykit's share is ${oldShares.map((sh) => `${sh.Name} (${sh.Path})`).join(', ')}`,
          `Remove-SmbShare -Name ${psString(haveShare.Name)} -Force`,
          'share-name',
          oldShares[0].Name,
        ),
      );
    }
    if (oldCredentials.length && haveCredential && !credentialMine && !ctx.adopt) {
      blockers.push(
        renameBlocker(
          `Credential "${haveCredential.TargetName}"`,
          `mobykit's credential is "${oldCredentials[0].TargetName}"`,
          'remove it in Control Panel > Credential Manager > Windows Credentials',
          'credential-target',
          oldCredentials[0].TargetName,
        ),
      );
    }
    const renamed = (why: string) => `which mobykit made: the configuration now names it ${why}`;
    const removeOldShares = oldShares.map((sh) =>
      makeAction({
        step: 'share',
        op: 'share.remove',
        kind: 'remove',
        target: sh.Name,
        resource: shareResource(sh.Name),
        multi: true,
        description: `Stop sharing ${sh.Path} as ${sh.Name}, ${renamed(w.name)}`,
        params: { Name: sh.Name },
        releases: release(sh.Name),
      }),
    );
    const removeOldCredentials = oldCredentials.map((x) => removeCredential(x.TargetName, `, ${renamed(`"${c.target}"`)}`, true));
    return { actions: blockers.length ? [] : [...account.actions, ...share.actions, ...removeOldShares, ...credential.actions, ...removeOldCredentials], blockers };
  },

  uninstall(ctx) {
    const actions: Action[] = [];
    for (const cred of ctx.seen.credentials.filter((x) => ctx.owned.ownsCredential(x))) actions.push(removeCredential(cred.TargetName, ''));
    for (const sh of ctx.seen.smbShares.filter((x) => isMine(ctx, x))) {
      actions.push(
        makeAction({
          step: 'share',
          op: 'share.remove',
          kind: 'remove',
          target: sh.Name,
          resource: shareResource(sh.Name),
          description: `Stop sharing ${sh.Path} as ${sh.Name}`,
          params: { Name: sh.Name },
          releases: release(sh.Name),
        }),
      );
    }
    return [...actions, ...removeShareAccounts(ctx)];
  },

  leftAlone(ctx) {
    const c = ctx.desired.credential;
    return [
      ...named(ctx.seen.smbShares, ctx.desired.share.name)
        .filter((sh) => !isMine(ctx, sh))
        .map((sh) => `share ${sh.Name} (${sh.Path}): not made by mobykit (the journal has no share of this name and path)`),
      ...ctx.seen.credentials
        .filter((x) => sameName(x.TargetName, c.target) && !ctx.owned.ownsCredential(x))
        .map((x) => `credential "${x.TargetName}": not made by mobykit (not in the journal, or its comment is not exactly "${MARKER}")`),
      ...accountsLeftAlone(ctx),
    ];
  },
};
