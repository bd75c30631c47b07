// The NetNat that gives the switch's subnet a way out (the article's DockerNAT for 10.0.75.0/24).
import { psString } from '../../windows/powershell.js';
import { blockerFrom } from '../../doctor/check.js';
import { natConflict, natCoversSubnet, natInTheWay } from './checks.js';
import { formatCidr, parseCidr } from '../../net/ipv4.js';
import { makeAction, type Action } from '../../plan/action.js';
import { named, ownershipBlocker, type Step } from '../../plan/step.js';
import { sameName } from '../../windows/names.js';

const resourceOf = (name: string) => `nat:${name}`;

export const natStep: Step = {
  name: 'nat',
  title: 'NetNat for the subnet',

  install(ctx) {
    const d = ctx.desired;
    const subnet = parseCidr(d.subnet)!;
    const nats = ctx.seen.netNats;
    const others = nats.filter((n) => !sameName(n.Name, d.natName));
    const blockers = [];
    const replaced: Action[] = [];
    for (const other of others) {
      // Renamed in the configuration: a NAT mobykit made (its name and prefix are journaled) is replaced.
      if (ctx.owned.ownsNat(other)) {
        replaced.push(
          makeAction({
            step: 'nat',
            op: 'nat.remove',
            kind: 'remove',
            target: other.Name,
            resource: resourceOf(other.Name),
            description: `Remove NAT ${other.Name} (${other.InternalIPInterfaceAddressPrefix}), which mobykit made: the configuration now names it ${d.natName}`,
            params: { Name: other.Name },
            multi: true,
            releases: [{ kind: 'nat', id: { Name: other.Name } }],
          }),
        );
        continue;
      }
      // One NAT per host on every edition: Server 2016 too, where an HNS NAT counts (moby/moby#30102).
      blockers.push(blockerFrom(natConflict, natInTheWay(d, other)));
    }
    const prefix = formatCidr(subnet);
    const create = makeAction({
      step: 'nat',
      op: 'nat.create',
      kind: 'create',
      target: d.natName,
      resource: resourceOf(d.natName),
      description: `Create NAT ${d.natName} for ${prefix}`,
      params: { Name: d.natName, InternalIPInterfaceAddressPrefix: prefix },
      claims: [{ kind: 'nat', id: { Name: d.natName, Prefix: prefix } }],
    });
    const mine = named(nats, d.natName);
    if (mine.length === 0) return { actions: blockers.length ? [] : [...replaced, create], blockers };
    const wrong = mine.filter((n) => !natCoversSubnet(n, d.subnet));
    if (!wrong.length) return { actions: blockers.length ? [] : replaced, blockers };
    const actions: Action[] = [];
    for (const n of wrong) {
      const owned = ctx.owned.ownsNat(n);
      if (!owned && !ctx.adopt) {
        blockers.push(
          ownershipBlocker(
            'nat',
            `NAT ${n.Name}`,
            `NAT ${n.Name} covers ${n.InternalIPInterfaceAddressPrefix}, expected ${d.subnet}`,
            `Remove-NetNat -Name ${psString(n.Name)} -Confirm:$false`,
          ),
        );
      }
      actions.push(
        makeAction({
          step: 'nat',
          op: 'nat.remove',
          kind: 'remove',
          target: n.Name,
          resource: resourceOf(n.Name),
          description: `Remove NAT ${n.Name} (${n.InternalIPInterfaceAddressPrefix}): it covers the wrong prefix${owned ? '' : " (adopted: it is not mobykit's)"}`,
          params: { Name: n.Name },
          releases: [{ kind: 'nat', id: { Name: n.Name } }],
          changes: [{ property: 'InternalIPInterfaceAddressPrefix', from: n.InternalIPInterfaceAddressPrefix, to: d.subnet }],
        }),
      );
    }
    return { actions: blockers.length ? [] : [...replaced, ...actions, create], blockers };
  },

  uninstall(ctx) {
    return ctx.seen.netNats
      .filter((n) => ctx.owned.ownsNat(n))
      .map((n) =>
        makeAction({
          step: 'nat',
          op: 'nat.remove',
          kind: 'remove',
          target: n.Name,
          resource: resourceOf(n.Name),
          description: `Remove NAT ${n.Name} (${n.InternalIPInterfaceAddressPrefix})`,
          params: { Name: n.Name },
          releases: [{ kind: 'nat', id: { Name: n.Name } }],
        }),
      );
  },

  leftAlone(ctx) {
    return named(ctx.seen.netNats, ctx.desired.natName)
      .filter((n) => !ctx.owned.ownsNat(n))
      .map((n) => `NAT ${n.Name} (${n.InternalIPInterfaceAddressPrefix}): not made by mobykit (the journal has no NAT of this name and prefix)`);
  },
};
