// --share-account local: mobykit's own local account for the share (operations.ts).
// The share step makes it before the share is granted to it; the KVP step gives it a new password,
// with the grant, the credential and the token, in one call once the VM is there.
import { MARKER, redactedCifsToken, type Desired } from '../../config/desired.js';
import { makeAction, type Action } from '../../plan/action.js';
import { CREDENTIAL_QUERY } from '../credential/operations.js';
import { redactKvpData } from '../../snapshot/validate.js';
import type { LocalAccount } from '../../snapshot/types.js';
import { psString } from '../../windows/powershell.js';
import { sameName } from '../../windows/names.js';
import { blocker, named, type StepContext } from '../../plan/step.js';

const resourceOf = (name: string) => `account:${name}`;

/** What the host shows of the share account's name: undefined when it could not look (the reason given). */
function accountsSeen(ctx: StepContext, name: string): { accounts: LocalAccount[] } | { why: string } {
  const failed = ctx.seen.errors.find((e) => e.Source === 'Get-LocalUser');
  if (failed) return { why: `Get-LocalUser failed: ${failed.Message}` };
  if (!ctx.seen.localAccounts) return { why: 'the snapshot has no localAccounts section (it was not gathered with --share-account local)' };
  return { accounts: named(ctx.seen.localAccounts, name) };
}

/** The share step's part: make the account, or stop at one of its name that is not mobykit's (by SID). */
export function planShareAccount(ctx: StepContext): { actions: Action[]; blockers: ReturnType<typeof blocker>[] } {
  const name = ctx.desired.shareAccount!.name;
  const seen = accountsSeen(ctx, name);
  if ('why' in seen) {
    return {
      actions: [],
      blockers: [
        blocker(
          'share.local-account',
          `mobykit could not see whether the local account ${name} exists`,
          seen.why,
          'mobykit makes the share account only where it knows none of that name exists: a name is not proof of whose it is.',
          'Run mobykit from an elevated PowerShell on this host (Get-LocalUser must answer), then mobykit install --share-account local again.',
        ),
      ],
    };
  }
  const [have] = seen.accounts;
  if (!have) {
    return {
      blockers: [],
      actions: [
        makeAction({
          step: 'share',
          op: 'account.create',
          kind: 'create',
          target: name,
          resource: resourceOf(name),
          description: `Create local account ${name} for the share (a plain user; its password is made on this host, never expires and is told to nobody)`,
          params: { Name: name, Description: MARKER },
          claims: [{ kind: 'account', id: { Name: name }, before: { ids: [] } }],
        }),
      ],
    };
  }
  if (ctx.owned.ownsAccount(have)) return { actions: [], blockers: [] };
  // Never adopted: taking it over would change the password of an account someone else uses.
  return {
    actions: [],
    blockers: [
      blocker(
        'ownership.account',
        `Local account ${have.Name} exists and was not made by mobykit`,
        `Local account ${have.Name} has SID ${have.SID}, which mobykit's journal does not hold${have.Description === MARKER ? ` (its description is mobykit's marker, but a description is not proof)` : ''}`,
        'mobykit never changes or removes an account it did not make, and giving it a new password would lock out whoever uses it.',
        `Rename or remove that account yourself (Remove-LocalUser -SID ${psString(have.SID)}), or use an account of yours with --share-account user --share-user`,
      ),
    ],
  };
}

/** The KVP step's part: a new password, granted, stored and put in the token in one call, when the token or credential is not right or the account is new. */
export function planShareAccountSecrets(ctx: StepContext): Action[] {
  const d: Desired = ctx.desired;
  const name = d.shareAccount!.name;
  const [vm] = named(ctx.seen.vms, d.vm.name);
  const item = vm?.KvpHostExchangeItems.find((i) => i.Name === d.kvp.itemName);
  const credentialSeen = !ctx.seen.errors.some((e) => e.Source === CREDENTIAL_QUERY);
  const credential = ctx.seen.credentials.find((c) => sameName(c.TargetName, d.credential.target));
  const reasons = [
    ...(ctx.planned?.some((a) => a.op === 'account.create') ? ['the account is new'] : []),
    ...(!item
      ? [`VM ${d.vm.name} has no ${d.kvp.itemName} token`]
      : redactKvpData(item.Data) !== redactedCifsToken(d.kvp)
        ? [`the ${d.kvp.itemName} token is not for ${name}`]
        : []),
    // A logon without Credential Manager (remoting) cannot read it either: then the token alone counts.
    ...(credentialSeen && !credential ? [`no credential "${d.credential.target}" is stored`] : []),
    ...(credentialSeen && credential && !sameName(credential.UserName, name) ? [`the credential "${d.credential.target}" is for ${credential.UserName}`] : []),
  ];
  if (!reasons.length) return [];
  const claims = [
    { kind: 'kvp' as const, id: { VMName: d.vm.name, ...(vm ? { VMId: vm.Id } : {}), ItemName: d.kvp.itemName } },
    ...(credential && !ctx.owned.ownsCredential(credential) ? [] : [{ kind: 'credential' as const, id: { TargetName: d.credential.target } }]),
  ];
  return [
    makeAction({
      step: 'kvp',
      op: 'account.set',
      kind: 'change',
      target: name,
      resource: resourceOf(name),
      description: `Give local account ${name} a new password made on this host, and in the same call grant it share ${d.share.name}, store it as "${d.credential.target}" and put it in the ${d.kvp.itemName} token of VM ${d.vm.name} (${reasons.join('; ')})`,
      params: {
        UserName: name,
        Description: MARKER,
        ShareName: d.share.name,
        TargetName: d.credential.target,
        Comment: MARKER,
        VMName: d.vm.name,
        ItemName: d.kvp.itemName,
        MountPoint: d.kvp.mountPoint,
      },
      claims,
    }),
  ];
}

/** Uninstall: the accounts mobykit made, found by SID, whatever they are named now (if the host showed them). */
export function removeShareAccounts(ctx: StepContext): Action[] {
  return ctx.owned.settled('account').flatMap((e) => {
    const a = (ctx.seen.localAccounts ?? []).find((x) => sameName(x.SID, e.id.Id));
    if (!a) return [];
    return [
      makeAction({
        step: 'share',
        op: 'account.remove',
        kind: 'remove',
        target: a.Name,
        resource: resourceOf(a.Name),
        description: `Remove local account ${a.Name} (SID ${a.SID}), which mobykit made for the share`,
        params: { Sid: a.SID },
        releases: [{ kind: 'account', id: { Name: a.Name, Id: a.SID } }],
      }),
    ];
  });
}

export function accountsLeftAlone(ctx: StepContext): string[] {
  const name = ctx.desired.shareAccount?.name;
  if (!name) return [];
  return named(ctx.seen.localAccounts ?? [], name)
    .filter((a) => !ctx.owned.ownsAccount(a))
    .map((a) => `local account ${a.Name} (SID ${a.SID}): not made by mobykit (the journal has no account with this SID)`);
}
