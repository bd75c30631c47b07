// Root cause first, plain words, and the three forms of doctor's answer: text, --verbose, --json.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHECKS, CHECK_BY_ID, diagnose, summarize } from '../../src/doctor/catalog.js';
import { adviseInstall, INSTALL, INSTALL_ADOPT } from '../../src/doctor/install-advice.js';
import { MARKER } from '../../src/config/desired.js';
import { renderDiagnosis } from '../../src/cli/doctor-view.js';
import { readSnapshotFile } from '../../src/snapshot/validate.js';
import { ctxOf, convergedSnapshot } from './fixtures.js';
import { runPiped } from '../cli/run-cli.js';
import { emptyJournal, type JournalDoc } from '../../src/state/journal.js';
import { CREDENTIAL_QUERY } from '../../src/resources/credential/operations.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-diagnosis-'));
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('doctor: root cause first', () => {
  it('every check needs only checks that come before it', () => {
    const seen = new Set<string>();
    for (const c of CHECKS) {
      for (const n of c.needs ?? []) assert.ok(seen.has(n) && CHECK_BY_ID.has(n), `${c.id} needs ${n}, which must come earlier`);
      seen.add(c.id);
    }
  });

  it('Hyper-V off: one error for the cause, its consequences "not checked: needs ..."', () => {
    const d = diagnose(
      ctxOf((s) => {
        s.platform.optionalFeatures[0].State = 'Disabled';
        s.vmSwitches = [];
        s.vms = [];
      }),
    );
    const errors = d.findings.filter((f) => f.severity === 'error').map((f) => f.id);
    assert.deepEqual(errors, ['platform.hyperv-feature']);
    const why = new Map(d.notChecked.map((c) => [c.id, c.reason]));
    assert.equal(why.get('platform.hyperv-module'), 'needs platform.hyperv-feature');
    assert.equal(why.get('switch.missing'), 'needs platform.hyperv-feature');
    assert.equal(why.get('vm.state'), 'needs platform.hyperv-feature');
    assert.equal(why.get('kvp.cifsmount-format'), 'needs platform.hyperv-feature');
  });

  it("the VM missing: vm.missing once, the VM's other checks wait for it", () => {
    const d = diagnose(
      ctxOf((s) => {
        s.vms = [];
      }),
    );
    assert.deepEqual(
      d.findings.map((f) => f.id),
      ['vm.missing'],
    );
    for (const id of ['vm.state', 'vm.secure-boot', 'vm.checkpoints', 'vm.time-sync', 'kvp.cifsmount', 'engine.reachable']) {
      assert.equal(d.notChecked.find((c) => c.id === id)?.reason, 'needs vm.missing', id);
    }
  });

  it('a query that failed: its checks are "not checked" with the query and its message, never passed', () => {
    const d = diagnose(
      ctxOf((s) => {
        s.firewallRules = [];
        s.errors = [{ Source: 'Get-NetFirewallRule', Message: 'Access is denied.' }];
      }),
    );
    for (const id of ['firewall.missing', 'firewall.disabled', 'firewall.program', 'firewall.settings', 'firewall.smb']) {
      assert.equal(d.notChecked.find((c) => c.id === id)?.reason, 'Get-NetFirewallRule failed while gathering: Access is denied.', id);
      assert.ok(!d.passed.some((c) => c.id === id), id);
    }
  });

  it('a denied Credential Manager query: the credential is "not checked", never missing', () => {
    const d = diagnose(
      ctxOf((s) => {
        s.credentials = [];
        s.errors = [{ Source: 'CredEnumerate', Message: 'Access is denied.' }];
      }),
    );
    assert.equal(d.notChecked.find((c) => c.id === 'credential.missing')?.reason, 'CredEnumerate failed while gathering: Access is denied.');
    assert.ok(!d.findings.some((f) => f.id.startsWith('credential.')), d.findings.map((f) => f.id).join());
    assert.ok(!d.passed.some((c) => c.id.startsWith('credential.')));
  });

  it('the module records a failed credential query under the name doctor looks for', () => {
    const script = readFileSync('ps1/Public/Get-MobyKitHostSnapshot.ps1', 'utf8');
    const credentials = script.split('\n').find((l) => /\$credentials = Invoke-MobyKitSnapshotQuery/.test(l)) ?? '';
    assert.match(credentials, new RegExp(`-SnapshotSource '${CREDENTIAL_QUERY}'`));
  });

  it('an older snapshot without the optional sections: those checks say so, none guesses', () => {
    const d = diagnose(
      ctxOf((s) => {
        delete s.hostVNics;
        delete s.smbServerConfiguration;
        delete s.engine;
        delete s.gatheredFor;
        delete s.platform.defender;
        delete s.files.proxyProgram;
        delete s.vms[0].Firmware;
        delete s.vms[0].Snapshots;
        delete s.vms[0].CheckpointType;
        delete s.vms[0].AutomaticCheckpointsEnabled;
      }),
    );
    assert.deepEqual(d.findings, []);
    assert.deepEqual(d.notChecked.map((c) => c.id).sort(), [
      'engine.reachable',
      'files.proxy-program',
      'platform.controlled-folder-access',
      'smb.protocol',
      'snapshot.scope',
      'vm.checkpoints',
      'vm.secure-boot',
      'vnic.stale-adapter',
    ]);
    for (const c of d.notChecked) assert.match(c.reason, /snapshot (has no|does not say)/, c.id);
  });

  it('counts every check once: found, passed, skipped or not checked', () => {
    const d = diagnose(
      ctxOf((s) => {
        s.vms = [];
      }),
      { skip: ['nat.missing'] },
    );
    const s = summarize(d);
    const ids = new Set([...d.findings.map((f) => f.id), ...d.passed.map((c) => c.id), ...d.skipped.map((c) => c.id), ...d.notChecked.map((c) => c.id)]);
    assert.equal(ids.size, CHECKS.length);
    assert.equal(s.errors + s.passed + s.skipped + s.notChecked, CHECKS.length); // one finding per failing check here
    assert.deepEqual(
      d.skipped.map((c) => c.id),
      ['nat.missing'],
    );
  });
});

describe('doctor: "(or: mobykit install)" only when install would fix it here', () => {
  // The journal of the install that made the fixture's VM: ownership is by its Id, not its Notes.
  const madeVm: JournalDoc = {
    version: 2,
    entries: [
      { kind: 'vm' as const, id: { Name: 'MobyLinuxVM', Id: '1b2c0000-0000-0000-0000-000000000002' }, state: 'made' as const, actionId: 'vm.create', at: '2026-11-22T10:00:00Z' },
    ],
  };
  const advised = (mutate: Parameters<typeof ctxOf>[0], id: string, journal: JournalDoc = madeVm) => {
    const ctx = ctxOf(mutate);
    const d = diagnose(ctx);
    adviseInstall(d, ctx.snapshot, ctx.desired, journal);
    const f = d.findings.find((x) => x.id === id);
    assert.ok(f, `${id} should be found`);
    return f.installCommand;
  };

  it("mobykit's own VM, off: install", () => {
    assert.equal(
      advised((s) => {
        s.vms[0].State = 'Off';
      }, 'vm.state'),
      INSTALL,
    );
  });

  it('a VM of that name the journal does not own, marker or not: install --adopt', () => {
    assert.equal(
      advised(
        (s) => {
          s.vms[0].State = 'Off';
        },
        'vm.state',
        emptyJournal(),
      ),
      INSTALL_ADOPT,
    );
  });

  it("mobykit's own VM without its marker (the journal owns it by Id): install", () => {
    assert.equal(
      advised((s) => {
        s.vms[0].State = 'Off';
        s.vms[0].Notes = '';
      }, 'vm.state'),
      INSTALL,
    );
  });

  it('nothing when install would stop before planning (not elevated)', () => {
    assert.equal(
      advised((s) => {
        s.vms[0].State = 'Off';
        s.platform.identity.IsAdministrator = false;
      }, 'vm.state'),
      undefined,
    );
  });

  it('never for what install does not fix', () => {
    assert.equal(
      advised((s) => {
        s.netNats.push({ Name: 'Other', InternalIPInterfaceAddressPrefix: '172.20.0.0/16', Active: true });
      }, 'nat.conflict'),
      undefined,
    );
  });
});

describe('doctor: what it prints', () => {
  it('states the problem in its title, and ends with the one-line count', () => {
    const d = diagnose(
      ctxOf((s) => {
        s.vms[0].State = 'Off';
      }),
    );
    const text = strip(renderDiagnosis(d));
    assert.match(text, /^error VM MobyLinuxVM is not running \[vm\.state\]$/m);
    assert.match(text, /1 error, 0 warnings, 0 notes; \d+ passed, 0 skipped, 2 not checked\.\n$/);
    assert.match(text, /2 checks wait for the problems above/);
  });

  it('--verbose lists every check with its result', () => {
    const d = diagnose(
      ctxOf((s) => {
        s.vms[0].State = 'Off';
      }),
      { skip: ['share.caching'] },
    );
    const text = strip(renderDiagnosis(d, { verbose: true }));
    for (const c of CHECKS) assert.match(text, new RegExp(`^  ${c.id.replace('.', '\\.')} `, 'm'), c.id);
    assert.match(text, /share\.caching +skipped/);
    assert.match(text, /vm\.address +not checked: needs vm\.state/);
    assert.match(text, /platform\.edition +passed/);
  });

  it('a host value with escape sequences reaches the terminal inert', () => {
    const esc = '\u001b]52;c;ZXZpbA==\u0007\u001b[2J';
    const ctx = ctxOf((s) => {
      s.udpEndpoints[0].OwningProcess = 666;
      s.processes.push({ Id: 666, ProcessName: `evil${esc}`, Path: `C:\\evil${esc}.exe` });
    });
    const text = renderDiagnosis(diagnose(ctx), { verbose: true });
    assert.doesNotMatch(strip(text), /[\u0007\u001b]/);
    assert.match(text, /held by evil\\x1b\]52;c;ZXZpbA==\\x07\\x1b\[2J/);
  });

  it('--json: the versioned document with counts, passed, skipped and not checked', () => {
    const r = runPiped(['doctor', '--from', 'examples/broken.json', '--json', '--skip', 'share.caching']);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(doc), ['formatVersion', 'command', 'computerName', 'capturedAt', 'gatheredFor', 'summary', 'findings', 'passed', 'skipped', 'notChecked']);
    assert.equal(doc.formatVersion, 1);
    assert.equal(doc.command, 'doctor');
    assert.equal(doc.computerName, 'DEV-PC');
    assert.deepEqual(doc.skipped, [{ id: 'share.caching', title: CHECK_BY_ID.get('share.caching')!.title }]);
    assert.equal(doc.summary.errors, doc.findings.filter((f: { severity: string }) => f.severity === 'error').length);
    assert.equal(doc.summary.passed + doc.summary.skipped + doc.summary.notChecked + new Set(doc.findings.map((f: { id: string }) => f.id)).size, CHECKS.length);
  });
});

describe('hostile names in fixes and in the plan', () => {
  it('a typographic quote in an account cannot end the literal of a pasted fix (DEV-PC\\o’neil)', () => {
    const ctx = ctxOf(
      (s) => {
        s.smbShares[0].Access = [];
        s.netNats = [{ Name: 'x’; Remove-Item C:\\ -Recurse; ’', InternalIPInterfaceAddressPrefix: '172.20.0.0/16', Active: true }];
      },
      { flags: { 'share-user': 'DEV-PC\\o’neil' } },
    );
    const fixes = diagnose(ctx)
      .findings.map((f) => f.fix)
      .join('\n');
    assert.ok(fixes.includes("Grant-SmbShareAccess -Name 'C' -AccountName 'DEV-PC\\o’’neil' -AccessRight Full -Force"), fixes);
    assert.ok(fixes.includes("Remove-NetNat -Name 'x’’; Remove-Item C:\\ -Recurse; ’’' -Confirm:$false"), fixes);
  });

  it("plan lines show a host value's escape sequences inert", async () => {
    const { renderPlan } = await import('../../src/cli/render.js');
    const { planInstall } = await import('../../src/engine/plan.js');
    const ctx = ctxOf((s) => {
      s.firewallRules[0].Program = 'C:\\evil\u001b]52;c;ZXZpbA==\u0007.exe';
      s.firewallRules[0].Group = 'mobykit';
    });
    const rule = ctx.snapshot.firewallRules[0];
    const plan = await planInstall(ctx.snapshot, ctx.desired, {
      version: 2,
      entries: [{ kind: 'firewall', id: { Name: rule.Name, Group: 'mobykit' }, state: 'made', actionId: 'firewall.create', at: '2026-11-22T10:00:00Z' }],
    });
    const text = strip(renderPlan(plan, 'DEV-PC'));
    assert.match(text, /Program/);
    assert.doesNotMatch(text, /[\u0007\u001b]/);
    assert.match(text, /evil\\u001b\]52;c;ZXZpbA==\\u0007\.exe/);
  });
});

describe('doctor: input', () => {
  it('--skip takes a comma list; --from with --simulate is refused (exit 2)', () => {
    const r = runPiped(['doctor', '--from', 'examples/converged.json', '--skip', 'share.caching,nat.missing', '--json']);
    assert.deepEqual(
      JSON.parse(r.stdout).skipped.map((c: { id: string }) => c.id),
      ['nat.missing', 'share.caching'],
    );
    const both = runPiped(['doctor', '--from', 'examples/converged.json', '--simulate', 'examples/broken.json']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--from and --simulate/);
  });
});

describe('doctor --from: the snapshot carries its scope', () => {
  const custom = () => {
    const s = convergedSnapshot();
    s.vmSwitches[0].Name = 'MobyNet';
    s.netAdapters[1].Name = 'vEthernet (MobyNet)';
    s.hostVNics = [{ Name: 'MobyNet', SwitchName: 'MobyNet', MacAddress: '00155D010203' }];
    for (const x of [...s.netIPAddresses, ...s.netIPInterfaces, ...s.netConnectionProfiles, ...s.netRoutes] as { InterfaceAlias: string }[]) {
      if (x.InterfaceAlias === 'vEthernet (DockerNAT)') x.InterfaceAlias = 'vEthernet (MobyNet)';
    }
    s.netAdapterBindings[1].Name = 'vEthernet (MobyNet)';
    s.vms[0].NetworkAdapters[0].SwitchName = 'MobyNet';
    s.gatheredFor!.switchName = 'MobyNet';
    const file = path.join(dir, 'custom.json');
    writeFileSync(file, JSON.stringify(s));
    return file;
  };

  it('uses the names it was gathered for when no configuration is given', () => {
    const r = runPiped(['doctor', '--from', custom(), '--json']);
    const doc = JSON.parse(r.stdout);
    assert.equal(r.code, 0, JSON.stringify(doc.findings, null, 1));
    assert.deepEqual(doc.findings, []);
  });

  it('a scope that is no valid configuration (a hostile snapshot) is not used, and said so', () => {
    const s = convergedSnapshot();
    s.gatheredFor!.switchName = 'Evil\u001b[2J';
    const file = path.join(dir, 'hostile-scope.json');
    writeFileSync(file, JSON.stringify(s));
    const r = runPiped(['doctor', '--from', file]);
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /switchName Evil\\x1b\[2J \(gathered\) vs DockerNAT \(asked\)/);
    assert.doesNotMatch(r.stdout, /\u001b\[2J/);
  });

  it('warns when flags ask about other names than it was gathered for', () => {
    const r = runPiped(['doctor', '--from', custom(), '--switch-name', 'DockerNAT']);
    assert.match(r.stdout, /warning The snapshot was gathered for other names than the ones checked \[snapshot\.scope\]/);
    assert.match(r.stdout, /switchName MobyNet \(gathered\) vs DockerNAT \(asked\)/);
  });
});

describe('snapshot reader: no DOCKER_* secret, whatever the file holds', () => {
  it('keeps only the variables the spec allows, DOCKER_HOST without user:password', () => {
    const s = convergedSnapshot() as unknown as { platform: { environment: Record<string, string> } };
    s.platform.environment = {
      DOCKER_HOST: 'tcp://alice:Pa55@10.0.0.5:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_AUTH_CONFIG: '{"auths":{}}',
      DOCKER_REGISTRY_PASSWORD: 'hunter2',
      DOCKER_CONTEXT: 'default',
    };
    const file = path.join(dir, 'env.json');
    writeFileSync(file, JSON.stringify(s));
    const read = readSnapshotFile(file);
    assert.deepEqual(read.platform.environment, { DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CONTEXT: 'default' });
    const r = runPiped(['doctor', '--from', file, '--json']);
    assert.ok(!r.stdout.includes('hunter2') && !r.stdout.includes('Pa55'), 'never shown');
    assert.ok(readFileSync(file, 'utf8').includes('hunter2'), 'the file itself is not touched');
  });
});

void MARKER;
