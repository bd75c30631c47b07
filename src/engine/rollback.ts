// When action k of an install fails, actions 1..k-1 are undone in reverse order, each by the
// action that restores what the run started from, property by property from what the change
// overwrote. Some changes cannot be undone (a password mobykit never saw, a deleted disk, a DVD
// drive the module cannot take out again): those are reported, never counted as undone.
import { makeAction, type Action, type FirewallRuleParams, type OpParams } from '../plan/action.js';
import type { Snapshot } from '../snapshot/types.js';
import { eqi, named } from '../steps/step.js';
import { kvpServiceEnabled } from '../steps/vm.js';

export type Undo = { action: Action; caveats: string[] } | { impossible: string };

export function undoOf(done: Action, before: Snapshot, now: Snapshot): Undo {
  const { step, target, resource } = done;
  const undo = <O extends Action['op']>(op: O, kind: Action['kind'], description: string, params: OpParams[O]): Undo =>
    ({ action: makeAction({ step, op, kind, target, resource, description: `Undo: ${description}`, params, multi: true }), caveats: [] });
  const p = done.params as unknown as Record<string, string>;

  switch (done.op) {
    case 'switch.create': {
      const known = new Set(named(before.vmSwitches, p.Name).map((s) => s.Id));
      const made = named(now.vmSwitches, p.Name).find((s) => !known.has(s.Id));
      return made ? undo('switch.remove', 'remove', `remove switch ${made.Name}`, { Name: made.Name, Id: made.Id }) : { impossible: `switch ${p.Name} is already gone` };
    }
    case 'vnic.set-address': {
      const removal = undo('vnic.remove-address', 'remove', `remove ${p.IPAddress} from "${p.InterfaceAlias}"`, { SwitchName: p.SwitchName, InterfaceAlias: p.InterfaceAlias, IPAddress: p.IPAddress });
      const iface = before.netIPInterfaces.find((i) => eqi(i.InterfaceAlias, p.InterfaceAlias));
      const wasPublic = before.netConnectionProfiles.some((c) => eqi(c.InterfaceAlias, p.InterfaceAlias) && c.NetworkCategory === 'Public');
      const hadOthers = before.netIPAddresses.some((a) => eqi(a.InterfaceAlias, p.InterfaceAlias) && a.AddressFamily === 'IPv4' && a.IPAddress !== p.IPAddress);
      if (!iface || (iface.Dhcp === 'Disabled' && !wasPublic && !hadOthers)) return removal;
      return { ...removal, caveats: [`"${p.InterfaceAlias}" keeps DHCP off and a Private network profile, without its earlier addresses; the next install completes it`] } as Undo;
    }
    case 'nat.create':
      return undo('nat.remove', 'remove', `remove NAT ${p.Name}`, { Name: p.Name });
    case 'nat.remove': {
      const [old] = named(before.netNats, p.Name);
      return old ? undo('nat.create', 'create', `recreate NAT ${old.Name}`, { Name: old.Name, InternalIPInterfaceAddressPrefix: old.InternalIPInterfaceAddressPrefix })
        : { impossible: `NAT ${p.Name} was not there before` };
    }
    case 'firewall.create':
      return undo('firewall.remove', 'remove', `remove rule ${p.Name}`, { Name: p.Name });
    case 'firewall.update':
    case 'firewall.remove': {
      const [old] = named(before.firewallRules, p.Name);
      if (!old) return { impossible: `rule ${p.Name} was not there before` };
      const params: FirewallRuleParams = { Name: old.Name, DisplayName: old.DisplayName, Protocol: old.Protocol as 'TCP', Program: old.Program,
        Profile: old.Profile, EdgeTraversalPolicy: old.EdgeTraversalPolicy, Direction: 'Inbound', Action: 'Allow', Group: old.Group ?? '', Description: old.Description ?? '',
        LocalPort: old.LocalPort, LocalAddress: old.LocalAddress, RemoteAddress: old.RemoteAddress, Enabled: old.Enabled ? 'True' : 'False' };
      return done.op === 'firewall.update'
        ? undo('firewall.update', 'change', `restore rule ${p.Name}`, params)
        : undo('firewall.create', 'create', `recreate rule ${p.Name}`, params);
    }
    case 'vm.create': {
      const attached = (done.params as OpParams['vm.create']).AttachExistingVhd;
      return undo('vm.remove', 'remove', attached ? `remove VM ${p.Name}, keeping its disk` : `remove VM ${p.Name} and its new disk`,
        { Name: p.Name, VhdPath: attached ? '' : p.VhdPath });
    }
    case 'vm.start':
      return undo('vm.stop', 'change', `stop VM ${p.Name}`, { Name: p.Name, TimeoutSeconds: 60 });
    case 'vm.stop':
      return undo('vm.start', 'change', `start VM ${p.Name}`, { Name: p.Name });
    case 'vm.rename':
      return undo('vm.rename', 'change', `name VM ${p.NewName} ${p.Name} again`, { Name: p.NewName, Id: p.Id, NewName: p.Name });
    case 'vm.configure': {
      const [old] = named(before.vms, p.Name);
      if (!old) return { impossible: `VM ${p.Name} was not there before` };
      const c = done.params as OpParams['vm.configure'];
      const params: OpParams['vm.configure'] = { Name: old.Name };
      const caveats: string[] = [];
      // Each property the change set is put back from what it overwrote; what the module cannot take back is said.
      if (c.MemoryStartupBytes !== undefined) params.MemoryStartupBytes = old.MemoryStartup;
      if (c.ProcessorCount !== undefined) params.ProcessorCount = old.ProcessorCount;
      if (c.IsoPath !== undefined) {
        if (old.DvdDrives[0]?.Path) params.IsoPath = old.DvdDrives[0].Path;
        else caveats.push(`VM ${p.Name} keeps the DVD drive with ${c.IsoPath} that mobykit ${old.DvdDrives.length ? 'inserted' : 'added'} (Remove-VMDvdDrive or Set-VMDvdDrive -Path $null to take it out)`);
      }
      const com1 = old.ComPorts.find((x) => /1$/.test(x.Name));
      if (c.ComPipe !== undefined) {
        if (com1?.Path) params.ComPipe = com1.Path;
        else caveats.push(`VM ${p.Name} keeps COM1 on ${c.ComPipe} (Set-VMComPort -VMName <vm> -Number 1 -Path '' disconnects it)`);
      }
      if (c.SwitchName !== undefined) {
        if (old.NetworkAdapters[0]?.SwitchName) params.SwitchName = old.NetworkAdapters[0].SwitchName;
        else caveats.push(`VM ${p.Name} keeps ${old.NetworkAdapters.length ? 'its network adapter connected' : 'the network adapter mobykit added'} on switch ${c.SwitchName}`);
      }
      if (c.EnableKvp !== undefined) params.EnableKvp = kvpServiceEnabled(old);
      if (Object.keys(params).length === 1) return { impossible: caveats.join('; ') || `VM ${p.Name}'s settings cannot be restored` };
      const restore = undo('vm.configure', 'change', `restore VM ${p.Name}'s settings`, params);
      return 'action' in restore ? { ...restore, caveats } : restore;
    }
    case 'kvp.add':
      return undo('kvp.remove', 'remove', `remove KVP item ${p.ItemName}`, { VMName: p.VMName, ItemName: p.ItemName });
    case 'share.create':
      return undo('share.remove', 'remove', `stop sharing ${p.Name}`, { Name: p.Name });
    case 'share.update': {
      const [old] = named(before.smbShares, p.Name);
      return old ? undo('share.update', 'change', `restore caching of ${p.Name}`, { Name: p.Name, CachingMode: old.CachingMode }) : { impossible: `share ${p.Name} was not there before` };
    }
    case 'share.grant': {
      const [old] = named(before.smbShares, p.Name);
      const had = old?.Access.some((a) => eqi(a.AccountName, p.AccountName));
      return had ? { impossible: `${p.AccountName}'s earlier access to ${p.Name} cannot be restored exactly` }
        : undo('share.revoke', 'change', `revoke ${p.AccountName} from ${p.Name}`, { Name: p.Name, AccountName: p.AccountName });
    }
    case 'share.revoke': {
      const [old] = named(before.smbShares, p.Name);
      const full = old?.Access.some((a) => eqi(a.AccountName, p.AccountName) && a.AccessRight === 'Full' && a.AccessControlType === 'Allow');
      return full ? undo('share.grant', 'change', `grant ${p.AccountName} Full on ${p.Name} again`, { Name: p.Name, AccountName: p.AccountName })
        : { impossible: `${p.AccountName}'s earlier access to ${p.Name} cannot be restored exactly` };
    }
    case 'share.remove': {
      const [old] = named(before.smbShares, p.Name);
      const owner = old?.Access.find((a) => a.AccessRight === 'Full' && a.AccessControlType === 'Allow');
      return old && owner ? undo('share.create', 'create', `share ${old.Path} as ${old.Name} again`,
        { Name: old.Name, Path: old.Path, CachingMode: old.CachingMode, FullAccess: owner.AccountName, Description: old.Description ?? '' })
        : { impossible: `share ${p.Name} cannot be recreated exactly` };
    }
    case 'credential.write':
      return done.kind === 'create'
        ? undo('credential.remove', 'remove', `remove credential "${p.TargetName}"`, { TargetName: p.TargetName })
        : { impossible: `the earlier password of "${p.TargetName}" was never known to mobykit` };
    case 'kvp.modify':
      return { impossible: `the earlier ${p.ItemName} token held a password mobykit never saw` };
    // A renamed token or credential is written back from what the host showed, with the password given to this run.
    case 'kvp.remove': {
      const vmId = done.releases?.[0]?.id.VMId; // the VM may have been renamed by this run too
      const vm = before.vms.find((v) => eqi(v.Id, vmId)) ?? named(before.vms, p.VMName)[0];
      const item = vm?.KvpHostExchangeItems.find((i) => eqi(i.Name, p.ItemName));
      const token = item && /^\/([^;]*);\/([^;]*);username=([^,]*),password=/.exec(item.Data);
      if (!token) return { impossible: `${done.description} cannot be undone` };
      const restore = undo('kvp.add', 'create', `give VM ${p.VMName} its ${p.ItemName} token again`,
        { VMName: p.VMName, ItemName: p.ItemName, MountPoint: token[1], ShareName: token[2], UserName: token[3] });
      return { ...restore, caveats: [`the ${p.ItemName} token of VM ${p.VMName} holds the password given to this run`] } as Undo;
    }
    case 'credential.remove': {
      const old = before.credentials.find((c) => eqi(c.TargetName, p.TargetName));
      if (!old) return { impossible: `${done.description} cannot be undone` };
      const restore = undo('credential.write', 'create', `store the credential "${old.TargetName}" again`,
        { TargetName: old.TargetName, UserName: old.UserName, Comment: old.Comment ?? '' });
      return { ...restore, caveats: [`the credential "${old.TargetName}" holds the password given to this run`] } as Undo;
    }
    case 'switch.remove':
    case 'vnic.remove-address':
    case 'vm.remove':
      return { impossible: `${done.description} cannot be undone` };
  }
}
