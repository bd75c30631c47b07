// The NetNat that gives the switch's subnet a way out (the article's DockerNAT for 10.0.75.0/24).
import { formatCidr, overlaps, parseCidr } from '../net/ipv4.js';
import { makeAction, type Action } from '../plan/action.js';
import { blocker, eqi, named, ownershipBlocker, psQuote, type Step } from './step.js';

const resourceOf = (name: string) => `nat:${name}`;
const sameCidr = (a: string, b: string) => {
  const x = parseCidr(a, false);
  const y = parseCidr(b, false);
  return !!x && !!y && x.network === y.network && x.prefix === y.prefix;
};

export const natStep: Step = {
  name: 'nat',
  title: 'NetNat for the subnet',
  verifyChecks: ['nat.missing', 'nat.prefix', 'nat.conflict'],

  install(ctx) {
    const d = ctx.desired;
    const subnet = parseCidr(d.subnet)!;
    const nats = ctx.seen.netNats;
    const others = nats.filter((n) => !eqi(n.Name, d.natName));
    const blockers = [];
    const replaced: Action[] = [];
    for (const other of others) {
      // Renamed in the configuration: a NAT mobykit made under another name is replaced.
      if (ctx.journaled(resourceOf(other.Name))) {
        replaced.push(makeAction({ step: 'nat', op: 'nat.remove', kind: 'remove', target: other.Name, resource: resourceOf(other.Name),
          description: `Remove NAT ${other.Name} (${other.InternalIPInterfaceAddressPrefix}), which mobykit made: the configuration now names it ${d.natName}`,
          params: { Name: other.Name }, multi: true }));
        continue;
      }
      const prefix = parseCidr(other.InternalIPInterfaceAddressPrefix, false);
      if (prefix && overlaps(prefix, subnet)) {
        blockers.push(blocker('nat.conflict', `NAT ${other.Name} overlaps ${d.subnet}`,
          `NAT ${other.Name} covers ${other.InternalIPInterfaceAddressPrefix}`,
          'Windows refuses a NAT whose prefix overlaps another NAT ("The parameter is incorrect").',
          `Choose another subnet (--subnet), or if ${other.Name} is no longer used: Remove-NetNat -Name ${psQuote(other.Name)} -Confirm:$false`));
      } else if (ctx.seen.platform.os.ProductType === 1) {
        blockers.push(blocker('nat.conflict', `NAT ${other.Name} already exists on this Windows client`,
          `NAT ${other.Name} covers ${other.InternalIPInterfaceAddressPrefix}; this is a client edition (ProductType 1)`,
          'Windows 10 and 11 support a single NetNat: a second one fails with "The parameter is incorrect".',
          `If ${other.Name} is no longer used: Remove-NetNat -Name ${psQuote(other.Name)} -Confirm:$false`));
      }
    }
    const create = makeAction({ step: 'nat', op: 'nat.create', kind: 'create', target: d.natName, resource: resourceOf(d.natName),
      description: `Create NAT ${d.natName} for ${formatCidr(subnet)}`, params: { Name: d.natName, InternalIPInterfaceAddressPrefix: formatCidr(subnet) } });
    const mine = named(nats, d.natName);
    if (mine.length === 0) return { actions: blockers.length ? [] : [...replaced, create], blockers };
    const wrong = mine.filter((n) => !sameCidr(n.InternalIPInterfaceAddressPrefix, d.subnet));
    if (!wrong.length) return { actions: blockers.length ? [] : replaced, blockers };
    const actions: Action[] = [];
    for (const n of wrong) {
      if (!ctx.journaled(resourceOf(n.Name)) && !ctx.adopt) {
        blockers.push(ownershipBlocker('nat', `NAT ${n.Name}`, `NAT ${n.Name} covers ${n.InternalIPInterfaceAddressPrefix}, expected ${d.subnet}`,
          `Remove-NetNat -Name ${psQuote(n.Name)} -Confirm:$false`));
      }
      actions.push(makeAction({ step: 'nat', op: 'nat.remove', kind: 'remove', target: n.Name, resource: resourceOf(n.Name),
        description: `Remove NAT ${n.Name} (${n.InternalIPInterfaceAddressPrefix}): it covers the wrong prefix`, params: { Name: n.Name },
        changes: [{ property: 'InternalIPInterfaceAddressPrefix', from: n.InternalIPInterfaceAddressPrefix, to: d.subnet }] }));
    }
    return { actions: blockers.length ? [] : [...replaced, ...actions, create], blockers };
  },

  uninstall(ctx) {
    return named(ctx.seen.netNats, ctx.desired.natName)
      .filter((n) => ctx.journaled(resourceOf(n.Name)))
      .map((n) => makeAction({ step: 'nat', op: 'nat.remove', kind: 'remove', target: n.Name, resource: resourceOf(n.Name),
        description: `Remove NAT ${n.Name}`, params: { Name: n.Name } }));
  },
};
