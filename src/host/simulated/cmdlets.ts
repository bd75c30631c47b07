// The cmdlet (or API) that performs each operation on a real host: named in injected failures.
import type { Op } from '../../plan/action.js';

export const CMDLET: Record<Op, string> = {
  'switch.create': 'New-VMSwitch',
  'switch.remove': 'Remove-VMSwitch',
  'vnic.set-address': 'New-NetIPAddress',
  'vnic.remove-address': 'Remove-NetIPAddress',
  'nat.create': 'New-NetNat',
  'nat.remove': 'Remove-NetNat',
  'firewall.create': 'New-NetFirewallRule',
  'firewall.update': 'Set-NetFirewallRule',
  'firewall.remove': 'Remove-NetFirewallRule',
  'vm.create': 'New-VM',
  'vm.configure': 'Set-VM',
  'vm.start': 'Start-VM',
  'vm.stop': 'Stop-VM',
  'vm.rename': 'Rename-VM',
  'vm.remove': 'Remove-VM',
  'kvp.add': 'Msvm_VirtualSystemManagementService.AddKvpItems',
  'kvp.modify': 'Msvm_VirtualSystemManagementService.ModifyKvpItems',
  'kvp.remove': 'Msvm_VirtualSystemManagementService.RemoveKvpItems',
  'share.create': 'New-SmbShare',
  'share.update': 'Set-SmbShare',
  'share.grant': 'Grant-SmbShareAccess',
  'share.revoke': 'Revoke-SmbShareAccess',
  'share.remove': 'Remove-SmbShare',
  'credential.write': 'CredWrite',
  'credential.remove': 'CredDelete',
};

/** A failure any of these can really meet: the elevated token lost, or policy in the way. */
export const INJECTED_FAILURE = 'Access is denied.';
