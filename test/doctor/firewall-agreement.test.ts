// Doctor and install's plan agree on whether mobykit's firewall rules match: install plans a
// change to a rule (or stops at a rule that is not mobykit's) exactly when a firewall check that
// install fixes reports a problem. Both read src/resources/firewall/rule.ts.
import assert from 'node:assert/strict';
import { runChecks } from '../../src/doctor/catalog.js';
import { firewallStep } from '../../src/resources/firewall/step.js';
import type { FirewallRule, Snapshot } from '../../src/snapshot/types.js';
import { stepContext } from '../helpers.js';
import { ctxOf } from './fixtures.js';

const MINE = ['firewall:DockerTcp', 'firewall:DockerUdp', 'firewall:DockerSmbMount'];
const rule = (s: Snapshot, name: string): FirewallRule => s.firewallRules.find((r) => r.Name === name)!;

const CASES: { name: string; mutate: (s: Snapshot) => void }[] = [
  // what Windows reports for a matching rule, in other spellings: neither sees a difference
  { name: 'as installed', mutate: () => {} },
  {
    name: 'keywords in other case (tcp, any, inbound, allow)',
    mutate: (s) => Object.assign(rule(s, 'DockerTcp'), { Protocol: 'tcp', Profile: 'any', Direction: 'inbound', Action: 'allow', LocalPort: ['any'] }),
  },
  {
    name: "the SMB rule's addresses in mask notation",
    mutate: (s) => Object.assign(rule(s, 'DockerSmbMount'), { LocalAddress: ['10.0.75.1/255.255.255.255'], RemoteAddress: ['10.0.75.0/255.255.255.0'] }),
  },
  {
    name: 'the proxy path in other case, with %ProgramFiles%',
    mutate: (s) => {
      rule(s, 'DockerUdp').Program = '%ProgramFiles%\\DOCKER\\Docker\\Resources\\com.docker.proxy.EXE';
    },
  },
  {
    name: "the SMB rule's program in other case (system)",
    mutate: (s) => {
      rule(s, 'DockerSmbMount').Program = 'system';
    },
  },
  // a rule that differs: both see it
  {
    name: 'disabled',
    mutate: (s) => {
      rule(s, 'DockerTcp').Enabled = false;
    },
  },
  {
    name: 'blocking',
    mutate: (s) => {
      rule(s, 'DockerUdp').Action = 'Block';
    },
  },
  {
    name: 'blocking, in lower case',
    mutate: (s) => {
      (rule(s, 'DockerUdp') as { Action: string }).Action = 'block';
    },
  },
  {
    name: 'an old proxy path',
    mutate: (s) => {
      rule(s, 'DockerTcp').Program = 'D:\\Old\\com.docker.proxy.exe';
    },
  },
  {
    name: 'a proxy rule narrowed to one port',
    mutate: (s) => {
      rule(s, 'DockerTcp').LocalPort = ['2375'];
    },
  },
  {
    name: 'a proxy rule on the Private profile only',
    mutate: (s) => {
      rule(s, 'DockerTcp').Profile = 'Private';
    },
  },
  {
    name: 'a proxy rule for the other protocol',
    mutate: (s) => {
      rule(s, 'DockerUdp').Protocol = 'TCP';
    },
  },
  {
    name: 'a proxy rule from one remote address only',
    mutate: (s) => {
      rule(s, 'DockerUdp').RemoteAddress = ['10.0.75.2'];
    },
  },
  {
    name: 'the SMB rule with edge traversal allowed',
    mutate: (s) => {
      rule(s, 'DockerSmbMount').EdgeTraversalPolicy = 'Allow';
    },
  },
  {
    name: 'the SMB rule for Program Any',
    mutate: (s) => {
      rule(s, 'DockerSmbMount').Program = 'Any';
    },
  },
  {
    name: 'the SMB rule on every port',
    mutate: (s) => {
      rule(s, 'DockerSmbMount').LocalPort = ['Any'];
    },
  },
  {
    name: 'the SMB rule on 139 as well',
    mutate: (s) => {
      rule(s, 'DockerSmbMount').LocalPort = ['139', '445'];
    },
  },
];

describe("firewall: doctor and install's plan agree on whether a rule matches", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ctx = ctxOf(c.mutate);
      const plan = firewallStep.install(stepContext(ctx.snapshot, { journal: MINE }));
      const planned = [...plan.actions.map((a) => a.id), ...plan.blockers.map((b) => b.title)];
      const found = runChecks(ctx, { only: (check) => check.id.startsWith('firewall.') && check.fixedByInstall }).map((f) => `${f.id}: ${f.title}`);
      assert.equal(found.length > 0, planned.length > 0, `plan: ${planned.join('; ') || 'nothing'}; doctor: ${found.join('; ') || 'nothing'}`);
    });
  }
});
