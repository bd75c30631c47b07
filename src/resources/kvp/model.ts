// Msvm_VirtualSystemManagementService AddKvpItems / ModifyKvpItems / RemoveKvpItems on the VM's
// host-to-guest items, as the module functions use them: Set-MobyKitKvpItem adds the item, or
// modifies it when it exists (AddKvpItems on an existing key would fail the job with 32773,
// Invalid parameter), and leaves an equal one alone; Remove-MobyKitKvpItem removes it when there.
// TargetSystem is one Msvm_ComputerSystem: the VM is the one of that name, two are refused.
import { cifsToken } from '../../config/desired.js';
import type { OpParams } from '../../plan/action.js';
import type { KvpItem, VM } from '../../snapshot/types.js';
import type { Handlers, OpContext } from '../../host/simulated/state.js';
import { CmdletError } from '../../host/simulated/state.js';
import { moduleVm, requireHyperV } from '../../host/simulated/hyperv.js';

type KvpParams = OpParams['kvp.add'];

function findItem(vm: VM, name: string): KvpItem | undefined {
  return vm.KvpHostExchangeItems.find((i) => i.Name === name); // -ceq in the module
}

/** The real token carries the password; only gather() redacts it. */
function tokenOf(ctx: OpContext, p: KvpParams): string {
  if (ctx.password === undefined) throw new Error('kvp operations need secrets.sharePassword');
  return cifsToken({ mountPoint: p.MountPoint, shareName: p.ShareName, userName: p.UserName }, ctx.password);
}

/** Set-MobyKitKvpItem: the item set to the token, whichever method that takes. */
function setItem(ctx: OpContext, p: KvpParams): void {
  const Data = tokenOf(ctx, p);
  requireHyperV(ctx.state, 'Set-MobyKitKvpItem');
  const vm = moduleVm(ctx.state, 'Set-MobyKitKvpItem', p.VMName);
  if (!vm) throw new CmdletError('Set-MobyKitKvpItem', `Could not look up the VM for KVP item '${p.ItemName}' of VM '${p.VMName}': VM '${p.VMName}' does not exist`);
  const item = findItem(vm, p.ItemName);
  if (item) item.Data = Data;
  else vm.KvpHostExchangeItems.push({ Name: p.ItemName, Data, Source: 0 });
}

export const kvpOps: Pick<Handlers, 'kvp.add' | 'kvp.modify' | 'kvp.remove'> = {
  'kvp.add'(ctx, p) {
    setItem(ctx, p);
  },

  'kvp.modify'(ctx, p) {
    setItem(ctx, p);
  },

  'kvp.remove'(ctx, p) {
    requireHyperV(ctx.state, 'Remove-MobyKitKvpItem');
    const vm = moduleVm(ctx.state, 'Remove-MobyKitKvpItem', p.VMName);
    if (vm) vm.KvpHostExchangeItems = vm.KvpHostExchangeItems.filter((i) => i.Name !== p.ItemName);
  },
};
