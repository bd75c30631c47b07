// Inbound rules that let TCP and UDP reach the proxy program (the article's DockerTcp/DockerUdp).
import type { Finding } from '../../doctor/finding.js';
import { firewallRuleFix } from './checks.js';
import { ruleDifferences } from './rule.js';
import { FIREWALL_GROUP } from '../../config/desired.js';
import { makeAction } from '../../plan/action.js';
import type { FirewallRule } from '../../snapshot/types.js';
import { psString } from '../../windows/powershell.js';
import { named, ownershipBlocker, renameBlocker, type Step, type StepContext } from '../../plan/step.js';
import { sameName } from '../../windows/names.js';

const resourceOf = (name: string) => `firewall:${name}`;
const isMine = (ctx: StepContext, r: FirewallRule) => ctx.owned.ownsRule(r);
const claim = (name: string, adopted = false) => ({ kind: 'firewall' as const, id: { Name: name, Group: FIREWALL_GROUP }, ...(adopted ? { adopted } : {}) });

export const firewallStep: Step = {
  name: 'firewall',
  title: 'Firewall rules for the proxy and the share',

  install(ctx) {
    const actions = [];
    const blockers: Finding[] = [];
    for (const want of ctx.desired.firewallRules) {
      const [have] = named(ctx.seen.firewallRules, want.Name);
      if (!have) {
        actions.push(
          makeAction({
            step: 'firewall',
            op: 'firewall.create',
            kind: 'create',
            target: want.Name,
            resource: resourceOf(want.Name),
            multi: true,
            description: want.LocalPort.includes('Any')
              ? `Create inbound ${want.Protocol} rule ${want.Name} for ${want.Program}`
              : `Create inbound ${want.Protocol} rule ${want.Name}: port ${want.LocalPort.join(',')} on ${want.LocalAddress.join(',')} from ${want.RemoteAddress.join(',')}`,
            params: want,
            claims: [claim(want.Name)],
          }),
        );
        continue;
      }
      const changes = ruleDifferences(want, have);
      if (!changes.length) continue;
      if (isMine(ctx, have) || ctx.adopt) {
        const adopting = !isMine(ctx, have);
        actions.push(
          makeAction({
            step: 'firewall',
            op: 'firewall.update',
            kind: 'change',
            target: want.Name,
            resource: resourceOf(want.Name),
            multi: true,
            description: `Update rule ${want.Name}${adopting ? ` (adopting it: its group becomes ${FIREWALL_GROUP})` : ''}`,
            params: want,
            changes,
            ...(adopting ? { claims: [claim(want.Name, true)] } : {}),
          }),
        );
      } else {
        blockers.push(
          ownershipBlocker(
            'firewall',
            `Firewall rule ${have.Name}`,
            changes.map((c) => `${c.property} is ${JSON.stringify(c.from)}, expected ${JSON.stringify(c.to)}`).join('; '),
            firewallRuleFix(want, true),
          ),
        );
      }
    }
    // Renamed in the configuration: mobykit's rules (by name and exact group) under names no longer configured go.
    const wanted = ctx.desired.firewallRules;
    const old = ctx.seen.firewallRules.filter((r) => isMine(ctx, r) && !wanted.some((w) => sameName(w.Name, r.Name)));
    const flags = ['firewall-tcp-rule', 'firewall-udp-rule', 'firewall-smb-rule'];
    wanted.forEach((w, i) => {
      const stranger = old.length && !ctx.adopt ? named(ctx.seen.firewallRules, w.Name).find((r) => !isMine(ctx, r)) : undefined;
      if (stranger && !blockers.some((b) => b.title.startsWith(`Firewall rule ${stranger.Name} `))) {
        blockers.push(
          renameBlocker(
            `Firewall rule ${stranger.Name} (group ${JSON.stringify(stranger.Group ?? '')})`,
            `mobykit's rules are ${old.map((o) => o.Name).join(', ')}`,
            `Remove-NetFirewallRule -Name ${psString(stranger.Name)}`,
            flags[i],
            old[0].Name,
          ),
        );
      }
    });
    for (const r of old) {
      actions.push(
        makeAction({
          step: 'firewall',
          op: 'firewall.remove',
          kind: 'remove',
          target: r.Name,
          resource: resourceOf(r.Name),
          multi: true,
          description: `Remove firewall rule ${r.Name}, which mobykit made: the configuration no longer names it`,
          params: { Name: r.Name },
          releases: [{ kind: 'firewall', id: { Name: r.Name } }],
        }),
      );
    }
    return { actions: blockers.length ? [] : actions, blockers };
  },

  uninstall(ctx) {
    return ctx.seen.firewallRules
      .filter((r) => isMine(ctx, r))
      .map((r) =>
        makeAction({
          step: 'firewall',
          op: 'firewall.remove',
          kind: 'remove',
          target: r.Name,
          resource: resourceOf(r.Name),
          multi: true,
          description: `Remove firewall rule ${r.Name}`,
          params: { Name: r.Name },
          releases: [{ kind: 'firewall', id: { Name: r.Name } }],
        }),
      );
  },

  leftAlone(ctx) {
    return ctx.desired.firewallRules
      .flatMap((want) => named(ctx.seen.firewallRules, want.Name))
      .filter((r) => !isMine(ctx, r))
      .map((r) => `firewall rule ${r.Name} (group ${JSON.stringify(r.Group ?? '')}): not made by mobykit (the journal has no rule of this name in group "${FIREWALL_GROUP}")`);
  },
};
