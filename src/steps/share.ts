// The SMB share of the drive, granted Full to the user, and its credential in Credential Manager
// (the article's `net share C=C:\ /grant:<user>,FULL /CACHE:None`, "Docker Host Filesystem Access").
import { MARKER, type Desired } from '../config/desired.js';
import { makeAction, type Action } from '../plan/action.js';
import type { SmbShare } from '../snapshot/types.js';
import { eqi, named, ownershipBlocker, psQuote, type Step, type StepContext } from './step.js';

const shareResource = (name: string) => `share:${name}`;
const credentialResource = (target: string) => `credential:${target}`;
const isMine = (ctx: StepContext, sh: SmbShare) => (sh.Description ?? '').includes(MARKER) || ctx.journaled(shareResource(sh.Name));

function createShare(ctx: StepContext): Action {
  const w = ctx.desired.share;
  return makeAction({ step: 'share', op: 'share.create', kind: 'create', target: w.name, resource: shareResource(w.name),
    description: `Share ${w.path} as ${w.name}, Full access for ${w.account} only, caching ${w.cachingMode}`,
    params: { Name: w.name, Path: w.path, CachingMode: w.cachingMode, FullAccess: w.account, Description: MARKER } });
}

function planShare(ctx: StepContext): { actions: Action[]; problems: string[] } {
  const w = ctx.desired.share;
  const [have] = named(ctx.seen.smbShares, w.name);
  if (!have) return { actions: [createShare(ctx)], problems: [] };
  if (!eqi(have.Path, w.path)) {
    return {
      actions: [makeAction({ step: 'share', op: 'share.remove', kind: 'remove', target: have.Name, resource: shareResource(have.Name),
        description: `Remove share ${have.Name}: it points at ${have.Path}`, params: { Name: have.Name },
        changes: [{ property: 'Path', from: have.Path, to: w.path }] }), createShare(ctx)],
      problems: [`share ${have.Name} points at ${have.Path}, expected ${w.path}`],
    };
  }
  const actions: Action[] = [];
  const problems: string[] = [];
  const full = have.Access.some((a) => eqi(a.AccountName, w.account) && a.AccessControlType === 'Allow' && a.AccessRight === 'Full');
  if (!full) {
    problems.push(`${w.account} lacks Full access`);
    actions.push(makeAction({ step: 'share', op: 'share.grant', kind: 'change', target: `${w.name} ${w.account}`, resource: shareResource(w.name),
      multi: true, description: `Grant ${w.account} Full access to share ${w.name}`, params: { Name: w.name, AccountName: w.account } }));
  }
  const strangers = [...new Set(have.Access.filter((a) => !eqi(a.AccountName, w.account)).map((a) => a.AccountName))];
  for (const account of strangers) {
    problems.push(`${account} has access`);
    actions.push(makeAction({ step: 'share', op: 'share.revoke', kind: 'change', target: `${w.name} ${account}`, resource: shareResource(w.name),
      multi: true, description: `Revoke ${account}'s access to share ${w.name}`, params: { Name: w.name, AccountName: account } }));
  }
  if (!eqi(have.CachingMode, w.cachingMode)) {
    problems.push(`caching is ${have.CachingMode}, expected ${w.cachingMode}`);
    actions.push(makeAction({ step: 'share', op: 'share.update', kind: 'change', target: w.name, resource: shareResource(w.name),
      description: `Set caching of share ${w.name} to ${w.cachingMode}`, params: { Name: w.name, CachingMode: w.cachingMode },
      changes: [{ property: 'CachingMode', from: have.CachingMode, to: w.cachingMode }] }));
  }
  return { actions, problems };
}

/** Stores the share password (given at apply time) in Credential Manager; `from`: the user name it had. */
export function writeCredential(d: Desired, kind: 'create' | 'change', from?: string): Action {
  const c = d.credential;
  return makeAction({ step: 'share', op: 'credential.write', kind, target: c.target,
    resource: credentialResource(c.target), description: `Store the share password for ${c.userName} in Credential Manager as "${c.target}"`,
    params: { TargetName: c.target, UserName: c.userName, Comment: MARKER },
    ...(from !== undefined && from !== c.userName ? { changes: [{ property: 'UserName', from, to: c.userName }] } : {}) });
}

function planCredential(ctx: StepContext): { actions: Action[]; problems: string[] } {
  const c = ctx.desired.credential;
  const [have] = ctx.seen.credentials.filter((x) => eqi(x.TargetName, c.target));
  const write = (kind: 'create' | 'change', from?: string) => writeCredential(ctx.desired, kind, from);
  if (!have) return { actions: [write('create')], problems: [] };
  if (eqi(have.UserName, c.userName)) return { actions: [], problems: [] };
  return { actions: [write('change', have.UserName)], problems: [`credential "${c.target}" is for ${have.UserName}, expected ${c.userName}`] };
}

export const shareStep: Step = {
  name: 'share',
  title: 'SMB share and its credential',
  verifyChecks: ['share.missing', 'share.path', 'share.access', 'share.everyone', 'share.caching', 'credential.missing', 'credential.user'],

  install(ctx) {
    const w = ctx.desired.share;
    const c = ctx.desired.credential;
    const share = planShare(ctx);
    const credential = planCredential(ctx);
    const [haveShare] = named(ctx.seen.smbShares, w.name);
    const [haveCredential] = ctx.seen.credentials.filter((x) => eqi(x.TargetName, c.target));
    const blockers = [];
    if (share.problems.length && haveShare && !isMine(ctx, haveShare) && !ctx.adopt) {
      blockers.push(ownershipBlocker('share', `Share ${w.name}`, share.problems.join('; '),
        `Remove-SmbShare -Name ${psQuote(w.name)} -Force, or Grant-SmbShareAccess -Name ${psQuote(w.name)} -AccountName ${psQuote(w.account)} -AccessRight Full -Force`));
    }
    const credentialMine = (haveCredential?.Comment ?? '').includes(MARKER) || ctx.journaled(credentialResource(c.target));
    if (credential.problems.length && !credentialMine && !ctx.adopt) {
      blockers.push(ownershipBlocker('share', `Credential "${c.target}"`, credential.problems.join('; '),
        'Remove it in Control Panel > Credential Manager > Windows Credentials'));
    }
    return { actions: blockers.length ? [] : [...share.actions, ...credential.actions], blockers };
  },

  uninstall(ctx) {
    const w = ctx.desired.share;
    const c = ctx.desired.credential;
    const actions: Action[] = [];
    const [haveCredential] = ctx.seen.credentials.filter((x) => eqi(x.TargetName, c.target));
    if (haveCredential && ((haveCredential.Comment ?? '').includes(MARKER) || ctx.journaled(credentialResource(c.target)))) {
      actions.push(makeAction({ step: 'share', op: 'credential.remove', kind: 'remove', target: c.target, resource: credentialResource(c.target),
        description: `Remove the credential "${c.target}"`, params: { TargetName: c.target } }));
    }
    for (const sh of named(ctx.seen.smbShares, w.name).filter((x) => isMine(ctx, x))) {
      actions.push(makeAction({ step: 'share', op: 'share.remove', kind: 'remove', target: sh.Name, resource: shareResource(sh.Name),
        description: `Stop sharing ${sh.Path} as ${sh.Name}`, params: { Name: sh.Name } }));
    }
    return actions;
  },
};
