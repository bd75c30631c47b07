// Msvm_VirtualSystemManagementService AddKvpItems / ModifyKvpItems / RemoveKvpItems on the VM's
// host-to-guest items. The methods report failure as job error 32768 ("Failed").
import { cifsToken } from '../../config/desired.js';
import type { OpParams } from '../../plan/action.js';
import type { KvpItem, VM } from '../../snapshot/types.js';
import type { Handlers, OpContext } from './state.js';
import { CmdletError, sameName } from './state.js';
import { requireHyperV } from './hyperv.js';

type KvpParams = OpParams['kvp.add'];

/** The KVP methods go through WMI, which knows VMs by ElementName; every namesake is affected. */
function targetVms(ctx: OpContext, method: string, vmName: string): VM[] {
  const cmdlet = `Msvm_VirtualSystemManagementService.${method}`;
  requireHyperV(ctx.state, cmdlet);
  const vms = ctx.state.doc.vms.filter((v) => sameName(v.Name, vmName));
  if (vms.length === 0) throw new CmdletError(cmdlet, `Unable to find a virtual machine with name '${vmName}'.`);
  return vms;
}

function jobFailed(method: string, detail: string): CmdletError {
  return new CmdletError(`Msvm_VirtualSystemManagementService.${method}`, `${method} failed with error code 32768 (Failed): ${detail}`);
}

function findItem(vm: VM, name: string): KvpItem | undefined {
  return vm.KvpHostExchangeItems.find((i) => sameName(i.Name, name));
}

/** The real token carries the password; only gather() redacts it. */
function tokenOf(ctx: OpContext, p: KvpParams): string {
  if (ctx.password === undefined) throw new Error('kvp operations need secrets.sharePassword');
  return cifsToken({ mountPoint: p.MountPoint, shareName: p.ShareName, userName: p.UserName }, ctx.password);
}

export const kvpOps: Pick<Handlers, 'kvp.add' | 'kvp.modify' | 'kvp.remove'> = {
  'kvp.add'(ctx, p) {
    const Data = tokenOf(ctx, p);
    const vms = targetVms(ctx, 'AddKvpItems', p.VMName);
    const holder = vms.find((vm) => findItem(vm, p.ItemName));
    if (holder) throw jobFailed('AddKvpItems', `the item '${p.ItemName}' already exists on virtual machine '${holder.Name}'.`);
    for (const vm of vms) vm.KvpHostExchangeItems.push({ Name: p.ItemName, Data, Source: 0 });
  },

  'kvp.modify'(ctx, p) {
    const Data = tokenOf(ctx, p);
    const vms = targetVms(ctx, 'ModifyKvpItems', p.VMName);
    const lacking = vms.find((vm) => !findItem(vm, p.ItemName));
    if (lacking) throw jobFailed('ModifyKvpItems', `the item '${p.ItemName}' does not exist on virtual machine '${lacking.Name}'.`);
    for (const vm of vms) findItem(vm, p.ItemName)!.Data = Data;
  },

  'kvp.remove'(ctx, p) {
    const vms = targetVms(ctx, 'RemoveKvpItems', p.VMName);
    const lacking = vms.find((vm) => !findItem(vm, p.ItemName));
    if (lacking) throw jobFailed('RemoveKvpItems', `the item '${p.ItemName}' does not exist on virtual machine '${lacking.Name}'.`);
    for (const vm of vms) vm.KvpHostExchangeItems = vm.KvpHostExchangeItems.filter((i) => !sameName(i.Name, p.ItemName));
  },
};
