// The KVP host item the VM reads to mount the share (the article's cifsmount token).
import { redactedCifsToken } from '../../config/desired.js';
import type { Desired } from '../../config/desired.js';
import { makeAction, type Action } from '../../plan/action.js';
import type { Claim } from '../../state/journal.js';
import { redactKvpData as redact } from '../../snapshot/validate.js';
import { named, ownershipBlocker, renameBlocker, type Step } from '../../plan/step.js';
import { isMineVM, vmResource } from '../vm/step.js';
import { sameName } from '../../windows/names.js';
import { planShareAccountSecrets } from '../account/step.js';

const resourceOf = (vm: string, item: string) => `${vmResource(vm)}/kvp:${item}`;

/**
 * Writes the token (with the password given at apply time): adds it, or, given what the item
 * holds now (redacted), updates it; `claims`: what the write makes mobykit's. `mobykit password` uses it to put a new password in.
 */
export function writeToken(d: Desired, now?: string, claims: Claim[] = []): Action {
  const params = { VMName: d.vm.name, ItemName: d.kvp.itemName, MountPoint: d.kvp.mountPoint, ShareName: d.kvp.shareName, UserName: d.kvp.userName };
  const want = redactedCifsToken(d.kvp);
  const resource = resourceOf(d.vm.name, d.kvp.itemName);
  if (now === undefined) {
    return makeAction({
      step: 'kvp',
      op: 'kvp.add',
      kind: 'create',
      target: d.kvp.itemName,
      resource,
      description: `Give VM ${d.vm.name} the ${d.kvp.itemName} token ${want}`,
      params,
      claims,
    });
  }
  return makeAction({
    step: 'kvp',
    op: 'kvp.modify',
    kind: 'change',
    target: d.kvp.itemName,
    resource,
    description: `Update the ${d.kvp.itemName} token of VM ${d.vm.name}`,
    params,
    claims,
    ...(now === want ? {} : { changes: [{ property: 'Data', from: now, to: want }] }),
  });
}

export const kvpStep: Step = {
  name: 'kvp',
  title: 'KVP mount token',

  install(ctx) {
    const d = ctx.desired;
    // --share-account local: the token's password is made on the host, with the account's (steps/account.ts).
    if (d.shareAccount) return { blockers: [], actions: planShareAccountSecrets(ctx) };
    const [vm] = named(ctx.seen.vms, d.vm.name);
    const want = redactedCifsToken(d.kvp);
    const item = vm?.KvpHostExchangeItems.find((i) => i.Name === d.kvp.itemName);
    const claim = { kind: 'kvp' as const, id: { VMName: d.vm.name, ...(vm ? { VMId: vm.Id } : {}), ItemName: d.kvp.itemName } };
    // Renamed in the configuration: the item mobykit wrote (journaled by its VM's Id and its name) goes once the new one is there.
    const old = vm ? vm.KvpHostExchangeItems.filter((i) => !sameName(i.Name, d.kvp.itemName) && ctx.owned.ownsKvp(vm, i.Name)) : [];
    const removeOld = old.map((i) =>
      makeAction({
        step: 'kvp',
        op: 'kvp.remove',
        kind: 'remove',
        target: i.Name,
        resource: resourceOf(vm!.Name, i.Name),
        multi: true,
        description: `Remove the ${i.Name} token from VM ${vm!.Name}, which mobykit wrote: the configuration now names it ${d.kvp.itemName}`,
        params: { VMName: vm!.Name, ItemName: i.Name },
        releases: [{ kind: 'kvp', id: { VMId: vm!.Id, ItemName: i.Name } }],
      }),
    );
    if (!item) return { blockers: [], actions: [writeToken(d, undefined, [claim]), ...removeOld] };
    if (old.length && !ctx.owned.ownsKvp(vm!, item.Name) && !ctx.adopt) {
      return {
        actions: [],
        blockers: [renameBlocker(`KVP item ${item.Name} on VM ${vm!.Name}`, `mobykit's item is ${old[0].Name}`, 'choose another name with --kvp-item', 'kvp-item', old[0].Name)],
      };
    }
    if (redact(item.Data) === want) return { actions: removeOld, blockers: [] };
    const mine = isMineVM(ctx, vm!) || ctx.owned.ownsKvp(vm!, item.Name);
    if (!mine && !ctx.adopt) {
      return {
        actions: [],
        blockers: [ownershipBlocker('kvp', `KVP item ${item.Name} on VM ${vm!.Name}`, `${item.Name} is ${redact(item.Data)}, expected ${want}`, 'mobykit install --adopt')],
      };
    }
    return { blockers: [], actions: [writeToken(d, redact(item.Data), mine ? [] : [{ ...claim, adopted: true }]), ...removeOld] };
  },

  uninstall(ctx) {
    // A VM mobykit made goes, items and all; on anyone else's VM remove only the items mobykit added.
    return ctx.owned.settled('kvp').flatMap((e) => {
      const vm = ctx.seen.vms.find((v) => sameName(v.Id, e.id.VMId));
      if (!vm || isMineVM(ctx, vm) || !vm.KvpHostExchangeItems.some((i) => sameName(i.Name, e.id.ItemName))) return [];
      if (named(ctx.seen.vms, vm.Name).length > 1) return []; // acted on by name: never on a name two VMs share
      const item = e.id.ItemName ?? '';
      return [
        makeAction({
          step: 'kvp',
          op: 'kvp.remove',
          kind: 'remove',
          target: item,
          resource: resourceOf(vm.Name, item),
          description: `Remove the ${item} token from VM ${vm.Name}`,
          params: { VMName: vm.Name, ItemName: item },
          releases: [{ kind: 'kvp', id: e.id }],
        }),
      ];
    });
  },

  leftAlone() {
    return []; // a KVP item lives on its VM: the VM's own entry says whether it is left alone
  },
};
