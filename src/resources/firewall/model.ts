// New-/Set-/Remove-NetFirewallRule. DisplayName may repeat; Name is the rule's unique key.
import type { FirewallRuleParams } from '../../plan/action.js';
import type { FirewallRule } from '../../snapshot/types.js';
import type { Handlers, SimState } from '../../host/simulated/state.js';
import { sameName } from '../../windows/names.js';

function setRule(state: SimState, p: FirewallRuleParams): void {
  const rule = state.doc.firewallRules.find((r) => sameName(r.Name, p.Name));
  // -Enabled is True unless a rollback puts back a rule the admin had disabled.
  const enabled = p.Enabled !== 'False';
  if (rule) Object.assign(rule, settable(p), { Enabled: enabled });
  else state.doc.firewallRules.push({ Name: p.Name, Enabled: enabled, ...settable(p) });
}

/** The properties the operation sets, filters included (New-NetFirewallRule's default is `Any`). */
function settable(p: FirewallRuleParams): Omit<FirewallRule, 'Name' | 'Enabled'> {
  return {
    DisplayName: p.DisplayName,
    Direction: p.Direction,
    Action: p.Action,
    Profile: p.Profile,
    EdgeTraversalPolicy: p.EdgeTraversalPolicy,
    Program: p.Program,
    Protocol: p.Protocol,
    Group: p.Group,
    Description: p.Description,
    LocalPort: [...(p.LocalPort ?? ['Any'])],
    LocalAddress: [...(p.LocalAddress ?? ['Any'])],
    RemoteAddress: [...(p.RemoteAddress ?? ['Any'])],
  };
}

export const firewallOps: Pick<Handlers, 'firewall.create' | 'firewall.update' | 'firewall.remove'> = {
  // Both are Set-MobyKitFirewallRule, which converges: it creates the rule when its Name is free
  // and otherwise updates it (New-NetFirewallRule's "Cannot create a file when that file already
  // exists." for a taken Name is never reached through it).
  'firewall.create'({ state }, p) {
    setRule(state, p);
  },

  'firewall.update'({ state }, p) {
    setRule(state, p);
  },

  // Remove-MobyKitFirewallRule: no rule of that Name is nothing to remove.
  'firewall.remove'({ state }, p) {
    state.doc.firewallRules = state.doc.firewallRules.filter((r) => !sameName(r.Name, p.Name));
  },
};
