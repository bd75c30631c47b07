// The inbound firewall rules (New-NetFirewallRule / Set-NetFirewallRule / Remove-NetFirewallRule).
import type { Action, FirewallRuleParams } from '../../plan/action.js';
import type { Snapshot } from '../../snapshot/types.js';
import { named } from '../../plan/step.js';
import { firewallOps } from './model.js';
import { undoBy, type Operations, type Undo } from '../operation.js';

/** An updated or removed rule is put back exactly as it was, enabled or not. */
function restoreRule(done: Action<'firewall.update' | 'firewall.remove'>, before: Snapshot): Undo {
  const name = done.params.Name;
  const [old] = named(before.firewallRules, name);
  if (!old) return { impossible: `rule ${name} was not there before` };
  const params: FirewallRuleParams = {
    Name: old.Name,
    DisplayName: old.DisplayName,
    Protocol: old.Protocol as 'TCP',
    Program: old.Program,
    Profile: old.Profile,
    EdgeTraversalPolicy: old.EdgeTraversalPolicy,
    Direction: 'Inbound',
    Action: 'Allow',
    Group: old.Group ?? '',
    Description: old.Description ?? '',
    LocalPort: old.LocalPort,
    LocalAddress: old.LocalAddress,
    RemoteAddress: old.RemoteAddress,
    Enabled: old.Enabled ? 'True' : 'False',
  };
  return done.op === 'firewall.update'
    ? undoBy(done, 'firewall.update', 'change', `restore rule ${name}`, params)
    : undoBy(done, 'firewall.create', 'create', `recreate rule ${name}`, params);
}

export const firewallOperations: Operations<'firewall.create' | 'firewall.update' | 'firewall.remove'> = {
  'firewall.create': {
    // Set-MobyKitFirewallRule creates or updates: one converging function.
    psFunction: 'Set-MobyKitFirewallRule',
    cmdlet: 'New-NetFirewallRule',
    privilege: 'administrator',
    needsSecret: false,
    undo: (done) => undoBy(done, 'firewall.remove', 'remove', `remove rule ${done.params.Name}`, { Name: done.params.Name }),
    simulate: firewallOps['firewall.create'],
  },
  'firewall.update': {
    psFunction: 'Set-MobyKitFirewallRule',
    cmdlet: 'Set-NetFirewallRule',
    privilege: 'administrator',
    needsSecret: false,
    undo: restoreRule,
    simulate: firewallOps['firewall.update'],
  },
  'firewall.remove': {
    psFunction: 'Remove-MobyKitFirewallRule',
    cmdlet: 'Remove-NetFirewallRule',
    privilege: 'administrator',
    needsSecret: false,
    undo: restoreRule,
    simulate: firewallOps['firewall.remove'],
  },
};
