// The KVP host item the VM reads to mount the share (the article's cifsmount token).
import { redactedCifsToken } from '../config/desired.js';
import type { Desired } from '../config/desired.js';
import { makeAction, type Action } from '../plan/action.js';
import { redactKvpData as redact } from '../snapshot/validate.js';
import { eqi, named, ownershipBlocker, type Step } from './step.js';
import { isMineVM, vmResource } from './vm.js';

const resourceOf = (vm: string, item: string) => `${vmResource(vm)}/kvp:${item}`;

/**
 * Writes the token (with the password given at apply time): adds it, or, given what the item
 * holds now (redacted), updates it. `mobykit password` uses it to put a new password in.
 */
export function writeToken(d: Desired, now?: string): Action {
  const params = { VMName: d.vm.name, ItemName: d.kvp.itemName, MountPoint: d.kvp.mountPoint, ShareName: d.kvp.shareName, UserName: d.kvp.userName };
  const want = redactedCifsToken(d.kvp);
  const resource = resourceOf(d.vm.name, d.kvp.itemName);
  if (now === undefined) {
    return makeAction({ step: 'kvp', op: 'kvp.add', kind: 'create', target: d.kvp.itemName, resource,
      description: `Give VM ${d.vm.name} the ${d.kvp.itemName} token ${want}`, params });
  }
  return makeAction({ step: 'kvp', op: 'kvp.modify', kind: 'change', target: d.kvp.itemName, resource,
    description: `Update the ${d.kvp.itemName} token of VM ${d.vm.name}`, params,
    ...(now === want ? {} : { changes: [{ property: 'Data', from: now, to: want }] }) });
}

export const kvpStep: Step = {
  name: 'kvp',
  title: 'KVP mount token',
  verifyChecks: ['kvp.cifsmount', 'kvp.cifsmount-format'],

  install(ctx) {
    const d = ctx.desired;
    const [vm] = named(ctx.seen.vms, d.vm.name);
    const want = redactedCifsToken(d.kvp);
    const item = vm?.KvpHostExchangeItems.find((i) => i.Name === d.kvp.itemName);
    if (!item) return { blockers: [], actions: [writeToken(d)] };
    if (redact(item.Data) === want) return { actions: [], blockers: [] };
    if (!isMineVM(ctx, vm!) && !ctx.journaled(resourceOf(d.vm.name, item.Name)) && !ctx.adopt) {
      return { actions: [], blockers: [ownershipBlocker('kvp', `KVP item ${item.Name} on VM ${vm!.Name}`,
        `${item.Name} is ${redact(item.Data)}, expected ${want}`, 'mobykit install --adopt')] };
    }
    return { blockers: [], actions: [writeToken(d, redact(item.Data))] };
  },

  uninstall(ctx) {
    const d = ctx.desired;
    const [vm] = named(ctx.seen.vms, d.vm.name);
    // A VM mobykit made goes, items and all; on anyone else's VM remove only the item mobykit added.
    if (!vm || isMineVM(ctx, vm) || !ctx.journaled(resourceOf(vm.Name, d.kvp.itemName))) return [];
    if (!vm.KvpHostExchangeItems.some((i) => eqi(i.Name, d.kvp.itemName))) return [];
    return [makeAction({ step: 'kvp', op: 'kvp.remove', kind: 'remove', target: d.kvp.itemName, resource: resourceOf(vm.Name, d.kvp.itemName),
      description: `Remove the ${d.kvp.itemName} token from VM ${vm.Name}`, params: { VMName: vm.Name, ItemName: d.kvp.itemName } })];
  },
};
