// The Internal switch and its host vNIC's address (the article's DockerNAT at 10.0.75.1/24).
import { MARKER, switchNameOf, vnicAliasOf } from '../../config/desired.js';
import { psString } from '../../windows/powershell.js';
import { parseIPv4 } from '../../net/ipv4.js';
import { makeAction, type Action } from '../../plan/action.js';
import type { VMSwitch } from '../../snapshot/types.js';
import { blockerFrom } from '../../doctor/check.js';
import { addressTaken, vnicAddressConflict } from '../address/checks.js';
import { named, ownershipBlocker, type Step, type StepContext } from '../../plan/step.js';
import { nameKey, sameName } from '../../windows/names.js';

const resourceOf = (name: string) => `switch:${name}`;
const addressResource = (name: string) => `switch:${name}/address`;

const isMine = (ctx: StepContext, sw: VMSwitch) => ctx.owned.ownsSwitch(sw);

function createSwitch(ctx: StepContext): Action[] {
  const d = ctx.desired;
  const before = named(ctx.seen.vmSwitches, d.switchName).map((sw) => sw.Id);
  return [
    makeAction({
      step: 'switch',
      op: 'switch.create',
      kind: 'create',
      target: d.switchName,
      resource: resourceOf(d.switchName),
      description: `Create Internal switch ${d.switchName} (host vNIC "${d.vnicAlias}")`,
      params: { Name: d.switchName, Notes: MARKER },
      claims: [{ kind: 'switch', id: { Name: d.switchName }, before: { ids: before } }],
    }),
    setAddress(ctx, null),
  ];
}

function setAddress(ctx: StepContext, current: string | null, adopting?: VMSwitch): Action {
  const d = ctx.desired;
  const to = `${d.hostAddress}/${d.prefixLength}`;
  return makeAction({
    step: 'switch',
    op: 'vnic.set-address',
    kind: current ? 'change' : 'create',
    target: d.vnicAlias,
    resource: addressResource(d.switchName),
    description: `Give "${d.vnicAlias}" the static address ${to} (DHCP off, Private network)${adopting ? `, adopting switch ${adopting.Name} (${adopting.Id})` : ''}`,
    params: { SwitchName: d.switchName, InterfaceAlias: d.vnicAlias, IPAddress: d.hostAddress, PrefixLength: d.prefixLength },
    ...(current ? { changes: [{ property: 'IPAddress', from: current, to }] } : {}),
    claims: [
      ...(adopting ? [{ kind: 'switch' as const, id: { Name: adopting.Name, Id: adopting.Id }, adopted: true }] : []),
      { kind: 'address', id: { InterfaceAlias: d.vnicAlias, IPAddress: d.hostAddress } },
    ],
  });
}

export const switchStep: Step = {
  name: 'switch',
  title: 'Hyper-V switch and host vNIC',

  install(ctx) {
    const d = ctx.desired;
    const s = ctx.seen;
    const blockers = [];
    const hostIp = parseIPv4(d.hostAddress);
    const actions: Action[] = [];
    let holder = s.netIPAddresses.find((a) => a.AddressFamily === 'IPv4' && parseIPv4(a.IPAddress) === hostIp && !sameName(a.InterfaceAlias, d.vnicAlias));
    // The switch was renamed in the configuration: the address is on the vNIC of mobykit's own
    // switch under its old name. That switch is replaced (its vNIC and address go with it).
    const renamed = holder && s.vmSwitches.find((sw) => !sameName(sw.Name, d.switchName) && sameName(vnicAliasOf(sw.Name), holder!.InterfaceAlias) && isMine(ctx, sw));
    if (renamed) {
      actions.push(
        makeAction({
          step: 'switch',
          op: 'switch.remove',
          kind: 'remove',
          target: `${renamed.Name} (${renamed.Id})`,
          resource: resourceOf(renamed.Name),
          description: `Remove switch ${renamed.Name} (${renamed.Id}), which mobykit made: the configuration now names it ${d.switchName}`,
          params: { Name: renamed.Name, Id: renamed.Id },
          multi: true,
          releases: [{ kind: 'switch', id: { Name: renamed.Name, Id: renamed.Id } }],
        }),
      );
      holder = undefined;
    }
    if (holder) {
      blockers.push(blockerFrom(vnicAddressConflict, addressTaken({ snapshot: s, desired: d }, holder)));
    }

    const switches = named(s.vmSwitches, d.switchName);
    if (switches.length === 0) return { actions: blockers.length ? [] : [...actions, ...createSwitch(ctx)], blockers };

    const internal = switches.filter((sw) => sw.SwitchType === 'Internal');
    const keep = internal.find((sw) => isMine(ctx, sw)) ?? internal[0];
    for (const sw of switches) {
      if (sw === keep) continue;
      // Only a switch mobykit provably made (its Id is journaled) is ever removed to make room; --adopt does not change that.
      if (isMine(ctx, sw)) {
        actions.push(
          makeAction({
            step: 'switch',
            op: 'switch.remove',
            kind: 'remove',
            target: `${sw.Name} (${sw.Id})`,
            resource: resourceOf(sw.Name),
            description: `Remove ${sw.SwitchType} switch ${sw.Name} (${sw.Id})${keep ? ': a duplicate mobykit made' : ': it is not Internal'}`,
            params: { Name: sw.Name, Id: sw.Id },
            multi: true,
            releases: [{ kind: 'switch', id: { Name: sw.Name, Id: sw.Id } }],
          }),
        );
      } else {
        blockers.push({
          ...ownershipBlocker(
            'switch',
            `${sw.SwitchType} switch ${sw.Name}`,
            `switch ${sw.Name} (${sw.Id}) is ${sw.SwitchType}${keep ? `, and another switch has the same name` : ''}`,
            `Rename-VMSwitch -Name ${psString(sw.Name)} -NewName 'something-else'`,
          ),
          fix: `Rename it (Rename-VMSwitch -Name ${psString(sw.Name)} -NewName 'something-else') or choose another switch name with --switch-name; mobykit never removes a switch it did not make, even with --adopt.`,
        });
      }
    }
    if (!keep) return { actions: blockers.length ? [] : [...actions, ...createSwitch(ctx)], blockers };

    const owned = isMine(ctx, keep);
    const mine = owned || ctx.adopt;
    const addresses = s.netIPAddresses.filter((a) => sameName(a.InterfaceAlias, d.vnicAlias) && a.AddressFamily === 'IPv4');
    const iface = s.netIPInterfaces.find((i) => sameName(i.InterfaceAlias, d.vnicAlias));
    const hasAddress = addresses.some((a) => parseIPv4(a.IPAddress) === hostIp && a.PrefixLength === d.prefixLength);
    const dhcpOff = !iface || iface.Dhcp === 'Disabled';
    const publicNet = s.netConnectionProfiles.some((c) => sameName(c.InterfaceAlias, d.vnicAlias) && c.NetworkCategory === 'Public');
    if (!hasAddress || !dhcpOff || publicNet) {
      const current = addresses.map((a) => `${a.IPAddress}/${a.PrefixLength}`).join(', ') || (dhcpOff ? null : 'DHCP');
      if (mine && !holder) actions.push(setAddress(ctx, current, owned ? undefined : keep));
      else if (!mine)
        blockers.push(
          ownershipBlocker(
            'switch',
            `Switch ${keep.Name}`,
            `"${d.vnicAlias}" has ${current ?? 'no IPv4 address'}, expected ${d.hostAddress}/${d.prefixLength}`,
            `New-NetIPAddress -InterfaceAlias ${psString(d.vnicAlias)} -IPAddress ${psString(d.hostAddress)} -PrefixLength ${d.prefixLength}`,
          ),
        );
    }
    return { actions: blockers.length ? [] : actions, blockers };
  },

  uninstall(ctx) {
    const removed = new Set<string>();
    const actions: Action[] = [];
    const mine = ctx.owned
      .settled('switch')
      .map((e) => ctx.seen.vmSwitches.find((x) => sameName(x.Id, e.id.Id)))
      .filter((x): x is VMSwitch => !!x);
    for (const sw of mine) {
      removed.add(nameKey(vnicAliasOf(sw.Name)));
      actions.push(
        makeAction({
          step: 'switch',
          op: 'switch.remove',
          kind: 'remove',
          target: `${sw.Name} (${sw.Id})`,
          resource: resourceOf(sw.Name),
          description: `Remove switch ${sw.Name} (${sw.Id}) and its vNIC "${vnicAliasOf(sw.Name)}"`,
          params: { Name: sw.Name, Id: sw.Id },
          multi: mine.length > 1,
          releases: [{ kind: 'switch', id: { Name: sw.Name, Id: sw.Id } }],
        }),
      );
    }
    for (const entry of ctx.owned.settled('address')) {
      const { InterfaceAlias: alias = '', IPAddress: ip = '' } = entry.id;
      if (removed.has(nameKey(alias)) || !ctx.seen.netIPAddresses.some((a) => sameName(a.InterfaceAlias, alias) && a.IPAddress === ip)) continue;
      // The module finds the vNIC through its switch, never by the alias a stale adapter may hold.
      const switchName = ctx.seen.vmSwitches.find((x) => sameName(x.Id, entry.id.Id))?.Name ?? switchNameOf(alias);
      actions.push(
        makeAction({
          step: 'switch',
          op: 'vnic.remove-address',
          kind: 'remove',
          target: alias,
          resource: addressResource(alias),
          description: `Remove ${ip} from "${alias}"`,
          params: { SwitchName: switchName, InterfaceAlias: alias, IPAddress: ip },
          releases: [{ kind: 'address', id: entry.id }],
        }),
      );
    }
    return actions;
  },

  leftAlone(ctx) {
    return named(ctx.seen.vmSwitches, ctx.desired.switchName)
      .filter((sw) => !isMine(ctx, sw))
      .map((sw) => `${sw.SwitchType} switch ${sw.Name} (${sw.Id}): not made by mobykit (the journal has no switch with this Id)`);
  },
};
