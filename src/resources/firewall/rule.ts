// Whether a rule on the host is the rule install gives it, property by property: the one table
// install's plan (firewall.update) and doctor's firewall checks both read, so they cannot
// disagree on whether a rule matches.
import type { Change, FirewallRuleParams } from '../../plan/action.js';
import type { FirewallRule } from '../../snapshot/types.js';
import { sameAddressFilter } from '../../windows/address.js';
import { sameName, sameNameList } from '../../windows/names.js';
import { samePath } from '../../windows/paths.js';

/** What differs between the rule on the host and the one install wants, each as from -> to. */
export function ruleDifferences(want: FirewallRuleParams, have: FirewallRule): Change[] {
  const changes: Change[] = [];
  const compare = (property: string, from: unknown, to: unknown, same: boolean) => {
    if (!same) changes.push({ property, from, to });
  };
  compare('Enabled', have.Enabled, true, have.Enabled === true);
  compare('Program', have.Program, want.Program, samePath(have.Program, want.Program));
  compare('Protocol', have.Protocol, want.Protocol, sameName(have.Protocol, want.Protocol));
  compare('Profile', have.Profile, want.Profile, sameName(have.Profile, want.Profile));
  compare('EdgeTraversalPolicy', have.EdgeTraversalPolicy, want.EdgeTraversalPolicy, sameName(have.EdgeTraversalPolicy, want.EdgeTraversalPolicy));
  compare('Direction', have.Direction, want.Direction, sameName(have.Direction, want.Direction));
  compare('Action', have.Action, want.Action, sameName(have.Action, want.Action));
  // An absent port filter is Any, as Windows means it.
  compare('LocalPort', have.LocalPort, want.LocalPort, sameNameList(have.LocalPort ?? ['Any'], want.LocalPort));
  // Windows reports 10.0.75.0/24 back as 10.0.75.0/255.255.255.0: compare what they mean.
  compare('LocalAddress', have.LocalAddress, want.LocalAddress, sameAddressFilter(have.LocalAddress, want.LocalAddress));
  compare('RemoteAddress', have.RemoteAddress, want.RemoteAddress, sameAddressFilter(have.RemoteAddress, want.RemoteAddress));
  return changes;
}
