// The host vNIC's address (New-NetIPAddress / Remove-NetIPAddress), found through its switch.

import { addressOps } from './model.js';
import { cannotUndo, undoBy, type Operations } from '../operation.js';
import { sameName } from '../../windows/names.js';

export const addressOperations: Operations<'vnic.set-address' | 'vnic.remove-address'> = {
  'vnic.set-address': {
    psFunction: 'Set-MobyKitHostAddress',
    cmdlet: 'New-NetIPAddress',
    privilege: 'administrator',
    needsSecret: false,
    undo(done, before) {
      const p = done.params;
      const removal = undoBy(done, 'vnic.remove-address', 'remove', `remove ${p.IPAddress} from "${p.InterfaceAlias}"`, {
        SwitchName: p.SwitchName,
        InterfaceAlias: p.InterfaceAlias,
        IPAddress: p.IPAddress,
      });
      const iface = before.netIPInterfaces.find((i) => sameName(i.InterfaceAlias, p.InterfaceAlias));
      const wasPublic = before.netConnectionProfiles.some((c) => sameName(c.InterfaceAlias, p.InterfaceAlias) && c.NetworkCategory === 'Public');
      const hadOthers = before.netIPAddresses.some((a) => sameName(a.InterfaceAlias, p.InterfaceAlias) && a.AddressFamily === 'IPv4' && a.IPAddress !== p.IPAddress);
      if (!iface || (iface.Dhcp === 'Disabled' && !wasPublic && !hadOthers)) return removal;
      return { ...removal, caveats: [`"${p.InterfaceAlias}" keeps DHCP off and a Private network profile, without its earlier addresses; the next install completes it`] };
    },
    simulate: addressOps['vnic.set-address'],
  },
  'vnic.remove-address': {
    psFunction: 'Remove-MobyKitHostAddress',
    cmdlet: 'Remove-NetIPAddress',
    privilege: 'administrator',
    needsSecret: false,
    undo: cannotUndo,
    simulate: addressOps['vnic.remove-address'],
  },
};
