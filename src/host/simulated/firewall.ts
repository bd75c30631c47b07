// New-/Set-/Remove-NetFirewallRule. DisplayName may repeat; Name is the rule's unique key.
import type { FirewallRuleParams } from '../../plan/action.js';
import type { FirewallRule } from '../../snapshot/types.js';
import type { Handlers, SimState } from './state.js';
import { CmdletError, notFoundByName, sameName } from './state.js';

function requireRule(state: SimState, cmdlet: string, name: string): FirewallRule {
  const rule = state.doc.firewallRules.find((r) => sameName(r.Name, name));
  if (!rule) throw notFoundByName(cmdlet, 'MSFT_NetFirewallRule', 'Name', name);
  return rule;
}

/** The properties the operation sets, filters included (New-NetFirewallRule's default is `Any`). */
function settable(p: FirewallRuleParams): Omit<FirewallRule, 'Name' | 'Enabled'> {
  return {
    DisplayName: p.DisplayName, Direction: p.Direction, Action: p.Action, Profile: p.Profile,
    EdgeTraversalPolicy: p.EdgeTraversalPolicy, Program: p.Program, Protocol: p.Protocol,
    Group: p.Group, Description: p.Description,
    LocalPort: [...(p.LocalPort ?? ['Any'])], LocalAddress: [...(p.LocalAddress ?? ['Any'])], RemoteAddress: [...(p.RemoteAddress ?? ['Any'])],
  };
}

export const firewallOps: Pick<Handlers, 'firewall.create' | 'firewall.update' | 'firewall.remove'> = {
  'firewall.create'({ state }, p) {
    if (state.doc.firewallRules.some((r) => sameName(r.Name, p.Name))) {
      // The policy store reports a duplicate rule Name as ERROR_ALREADY_EXISTS (183).
      throw new CmdletError('New-NetFirewallRule', 'Cannot create a file when that file already exists.');
    }
    state.doc.firewallRules.push({
      Name: p.Name, Enabled: p.Enabled !== 'False', ...settable(p),
    });
  },

  'firewall.update'({ state }, p) {
    // Set-MobyKitFirewallRule also passes -Enabled (True unless a rollback puts back a disabled rule).
    Object.assign(requireRule(state, 'Set-NetFirewallRule', p.Name), settable(p), { Enabled: p.Enabled !== 'False' });
  },

  'firewall.remove'({ state }, p) {
    const rule = requireRule(state, 'Remove-NetFirewallRule', p.Name);
    state.doc.firewallRules = state.doc.firewallRules.filter((r) => r !== rule);
  },
};
