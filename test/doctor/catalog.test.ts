import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, findingsExitCode, runChecks } from '../../src/doctor/catalog.js';
import type { Finding } from '../../src/doctor/finding.js';
import { ctxOf } from './fixtures.js';
import { TRIGGERS } from './checks.test.js';

const EXPECTED_IDS = [
  'platform.edition',
  'platform.build',
  'platform.powershell',
  'platform.hyperv-feature',
  'platform.hyperv-module',
  'platform.virtualization-firmware',
  'platform.hypervisor-launch',
  'platform.nested-virtualization',
  'platform.virtualbox',
  'platform.docker-host-env',
  'platform.controlled-folder-access',
  'platform.privileges',
  'platform.memory',
  'service.vmms',
  'service.lanmanserver',
  'service.firewall',
  'switch.missing',
  'switch.type',
  'switch.duplicate',
  'vnic.missing',
  'vnic.stale-adapter',
  'vnic.address',
  'vnic.address-conflict',
  'vnic.dhcp',
  'vnic.file-sharing',
  'vnic.network-category',
  'subnet.overlap',
  'nat.missing',
  'nat.prefix',
  'nat.conflict',
  'port.in-use',
  'port.excluded',
  'firewall.missing',
  'firewall.disabled',
  'firewall.program',
  'firewall.settings',
  'firewall.smb',
  'vm.missing',
  'vm.duplicate',
  'vm.config',
  'vm.state',
  'vm.secure-boot',
  'vm.checkpoints',
  'vm.boot-iso',
  'vm.disk',
  'vm.com-port',
  'vm.kvp-service',
  'vm.time-sync',
  'vm.network',
  'vm.address',
  'kvp.cifsmount',
  'kvp.cifsmount-format',
  'share.account',
  'share.local-account',
  'smb.protocol',
  'share.missing',
  'share.path',
  'share.access',
  'share.everyone',
  'share.caching',
  'credential.missing',
  'credential.user',
  'engine.reachable',
  'files.boot-iso',
  'files.proxy-program',
  'files.log-dir',
  'files.settings-dir',
  'toolbox.migration',
  'snapshot.scope',
  'snapshot.errors',
];

describe('doctor catalog', () => {
  it('has exactly the documented check ids, in area order, each described', () => {
    assert.deepEqual(
      CHECKS.map((c) => c.id),
      EXPECTED_IDS,
    );
    for (const c of CHECKS) {
      assert.ok(c.title.length > 3 && c.why.length > 20, c.id);
      assert.ok(['error', 'warning', 'info'].includes(c.severity), c.id);
      assert.equal(typeof c.fixedByInstall, 'boolean', c.id);
    }
  });

  it('finds no error on a converged host', () => {
    const findings = runChecks(ctxOf());
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error'),
      [],
    );
    assert.equal(findingsExitCode(findings), 0);
    assert.deepEqual(
      findings.map((f) => f.id),
      [],
    );
  });

  it('skips a check by id', () => {
    const ctx = ctxOf((s) => {
      s.netNats = [];
    });
    assert.ok(runChecks(ctx).some((f) => f.id === 'nat.missing'));
    const skipped = runChecks(ctx, { skip: ['nat.missing', 'firewall.smb'] });
    assert.deepEqual(skipped, []);
  });

  it('rejects an unknown id in skip, naming it and the valid ids', () => {
    assert.throws(
      () => runChecks(ctxOf(), { skip: ['nat.mising'] }),
      (e: Error) => e.message.includes('"nat.mising"') && e.message.includes('nat.missing') && e.message.includes('snapshot.errors'),
    );
  });

  it('only keeps what the filter accepts', () => {
    const ctx = ctxOf((s) => {
      s.netNats = [];
      s.platform.identity.IsAdministrator = false;
    });
    const ids = runChecks(ctx, { only: (c) => c.fixedByInstall }).map((f) => f.id);
    assert.ok(ids.includes('nat.missing'));
    assert.ok(!ids.includes('platform.privileges'));
  });

  it('a check left out by the filter still decides whether the checks that need it run', () => {
    const ctx = ctxOf((s) => {
      s.netNats = [];
      s.platform.editionId = 'Core';
    });
    assert.deepEqual(
      runChecks(ctx, { only: (c) => c.fixedByInstall }).map((f) => f.id),
      [],
    );
  });

  it('exit code is 1 when any finding is an error', () => {
    const f = (severity: Finding['severity']): Finding => ({ id: 'x', severity, title: '', evidence: '', why: '', fix: '', fixedByInstall: false });
    assert.equal(findingsExitCode([]), 0);
    assert.equal(findingsExitCode([f('warning'), f('info')]), 0);
    assert.equal(findingsExitCode([f('info'), f('error')]), 1);
  });

  it('renamed resources flow into the fixes', () => {
    const flags = {
      'switch-name': 'MobyNet',
      subnet: '172.31.5.0/24',
      'host-address': '172.31.5.1',
      'vm-address': '172.31.5.2',
      'nat-name': 'MobyNat',
      'vm-name': 'Moby',
      'share-name': 'Src',
      'share-path': 'D:\\src',
      'share-user': 'CORP\\bob',
      'firewall-tcp-rule': 'MobyTcp',
    };
    // The converged host still has the default names: everything of ours is "missing".
    const findings = runChecks(
      ctxOf(
        (s) => {
          s.netNats = [];
        },
        { flags },
      ),
    );
    const fix = (id: string) => findings.find((f) => f.id === id)?.fix ?? '';
    assert.ok(fix('switch.missing').includes("New-VMSwitch -Name 'MobyNet' -SwitchType Internal"));
    assert.ok(fix('switch.missing').includes("New-NetIPAddress -InterfaceAlias 'vEthernet (MobyNet)' -IPAddress '172.31.5.1' -PrefixLength 24"));
    assert.ok(fix('nat.missing').includes("New-NetNat -Name 'MobyNat' -InternalIPInterfaceAddressPrefix '172.31.5.0/24'"));
    assert.ok(fix('vm.missing').includes("New-VM -Name 'Moby'") && fix('vm.missing').includes("-SwitchName 'MobyNet'"));
    assert.ok(fix('share.missing').includes("New-SmbShare -Name 'Src' -Path 'D:\\src' -FullAccess 'CORP\\bob'"));
    assert.ok(fix('firewall.missing').includes("New-NetFirewallRule -Name 'MobyTcp'"));
    assert.ok(fix('firewall.smb').includes("-LocalAddress '172.31.5.1' -RemoteAddress '172.31.5.0/24'"));
    assert.ok(fix('credential.user').includes("/user:'bob'"));
    // the old 10.0.75.0/24 vNIC is now another interface in the way? No: 10.0.75.0/24 does not overlap 172.31.5.0/24.
    assert.ok(!findings.some((f) => f.id === 'subnet.overlap'));
  });

  it('a renamed subnet that the old vNIC still occupies is an overlap', () => {
    const findings = runChecks(ctxOf(undefined, { flags: { 'switch-name': 'MobyNet', subnet: '10.0.0.0/16', 'host-address': '10.0.0.1', 'vm-address': '10.0.0.2' } }));
    const f = findings.find((x) => x.id === 'subnet.overlap');
    assert.ok(f && f.evidence.includes('vEthernet (DockerNAT)') && f.evidence.includes('10.0.75.0/24'), JSON.stringify(f));
  });

  it('a check that throws becomes a warning, not a crash', () => {
    const ctx = ctxOf((s) => {
      (s as unknown as { platform: unknown }).platform = { ...s.platform, os: null };
    });
    const findings = runChecks(ctx);
    assert.ok(findings.some((f) => f.evidence.startsWith('The check itself failed')));
  });

  // The cmdlets and parameters in every fix exist (checked against Microsoft's cmdlet reference
  // in shared/cmdlets when it is beside the repository).
  const here = dirname(fileURLToPath(import.meta.url));
  const catalogPath = [join(here, '../../../../shared/cmdlets/catalog.json'), join(here, '../../../shared/cmdlets/catalog.json'), '/work/shared/cmdlets/catalog.json'].find((p) =>
    existsSync(p),
  );
  (catalogPath ? it : it.skip)('uses only real cmdlets and parameters in fixes', () => {
    const cat = JSON.parse(readFileSync(catalogPath!, 'utf8')) as {
      cmdlets: Record<string, { parameterSets: { parameters: { name: string }[] }[] }>;
    };
    const fixes = new Set<string>();
    for (const t of TRIGGERS) {
      for (const f of runChecks(ctxOf(t.mutate, t.flags ? { flags: t.flags } : {}))) fixes.add(f.fix);
    }
    const problems: string[] = [];
    const manifest = readFileSync('ps1/MobyKit.psd1', 'utf8');
    let seen = 0;
    for (const fix of fixes) {
      // statements: split on ; and |, drop what is inside { } script blocks' nested commands too
      for (const stmt of fix.replace(/'(?:[^']|'')*'/g, "''").split(/[;|(){}]/)) {
        const m = /^\s*\$?\w*\s*=?\s*([A-Z][a-z]+-[A-Za-z]+)(.*)$/.exec(stmt);
        if (!m) continue;
        const cmd = cat.cmdlets[m[1]];
        if (/-MobyKit/.test(m[1])) {
          if (!manifest.includes(`'${m[1]}'`)) problems.push(`${m[1]} is not exported by ps1/MobyKit.psd1 (in: ${fix})`);
          continue;
        }
        if (!cmd) {
          if (/^(Read-Host|Where-Object|Format-List|Remove-Item|Get-Process)$/.test(m[1])) continue;
          problems.push(`unknown cmdlet ${m[1]} in: ${fix}`);
          continue;
        }
        seen++;
        const params = new Set(cmd.parameterSets.flatMap((s) => s.parameters.map((p) => p.name.toLowerCase())));
        for (const p of m[2].matchAll(/\s-([A-Za-z][A-Za-z0-9]*)/g)) {
          if (!params.has(p[1].toLowerCase())) problems.push(`${m[1]} has no -${p[1]} (in: ${fix})`);
        }
      }
    }
    assert.ok(seen > 30, `checked ${seen} cmdlet uses`);
    assert.deepEqual(problems, []);
  });
});

describe('doctor bench', () => {
  it('runs all checks on a large host within the target', async () => {
    const { benchDoctor, TARGET_MS } = await import('../../bench/doctor.js');
    const line = await benchDoctor();
    const ms = Number(/: ([\d.]+) ms/.exec(line)![1]);
    assert.match(line, /^doctor checks on 10,000 listeners\/2,000 rules\/500 adapters: [\d.]+ ms/);
    assert.ok(ms < TARGET_MS * 3, line); // generous: CI machines vary
  });
});
