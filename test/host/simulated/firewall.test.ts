import assert from 'node:assert/strict';
import { SimulatedHost } from '../../../src/host/simulated/host.js';
import type { FirewallRuleParams } from '../../../src/plan/action.js';
import { freshWin10Pro } from './fixture.js';
import { act } from './actions.js';

const rule: FirewallRuleParams = {
  Name: 'DockerTcp',
  DisplayName: 'DockerTcp',
  Protocol: 'TCP',
  Program: 'C:\\Program Files\\Docker\\Docker\\Resources\\com.docker.proxy.exe',
  Profile: 'Any',
  EdgeTraversalPolicy: 'DeferToUser',
  Direction: 'Inbound',
  Action: 'Allow',
  Group: 'mobykit',
  Description: 'Managed by mobykit',
  LocalPort: ['Any'],
  LocalAddress: ['Any'],
  RemoteAddress: ['Any'],
};

describe('simulated host: firewall rules', () => {
  it('creates an enabled rule with Any filters and the given properties', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(act('firewall.create', rule, 'DockerTcp'), {});
    assert.deepEqual(host.current().firewallRules, [
      {
        ...rule,
        Enabled: true,
        LocalPort: ['Any'],
        LocalAddress: ['Any'],
        RemoteAddress: ['Any'],
      },
    ]);
  });

  it('allows a repeated DisplayName; a taken Name is updated, not duplicated (Set-MobyKitFirewallRule converges)', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    await host.apply(act('firewall.create', rule, 'DockerTcp'), {});
    await host.apply(act('firewall.create', { ...rule, Name: 'DockerTcp2' }, 'DockerTcp2'), {});
    await host.apply(act('firewall.create', { ...rule, Name: 'dockertcp', Profile: 'Private' }, 'dockertcp'), {});
    const rules = host.current().firewallRules;
    assert.deepEqual(
      rules.map((r) => [r.Name, r.Profile]),
      [
        ['DockerTcp', 'Private'],
        ['DockerTcp2', rule.Profile],
      ],
    );
  });

  it('updates (creating a missing rule) and removes; a missing rule is nothing to remove', async () => {
    const host = new SimulatedHost(freshWin10Pro());
    const update = act('firewall.update', { ...rule, Profile: 'Private' }, 'DockerTcp');
    await host.apply(update, {});
    assert.equal(host.current().firewallRules[0].Profile, 'Private');
    await host.apply(act('firewall.update', { ...rule, Profile: 'Public' }, 'DockerTcp'), {});
    assert.equal(host.current().firewallRules[0].Profile, 'Public');
    await host.apply(act('firewall.remove', { Name: 'DockerTcp' }, 'DockerTcp'), {});
    assert.deepEqual(host.current().firewallRules, []);
    await host.apply(act('firewall.remove', { Name: 'DockerTcp' }, 'DockerTcp'), {});
    assert.deepEqual(host.current().firewallRules, []);
  });
});
