// The real PowerShellHost, through node-powershell, talking to a child process (the stand-in
// fake-pwsh.mjs) that answers from the simulated host: what a Windows machine would see on stdin.
import type { JournalDoc } from '../../src/state/journal.js';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PowerShell } from 'node-powershell';
import { HostActionError } from '../../src/host/host.js';
import { PowerShellHost, countRoundTrips, defaultModulePath } from '../../src/host/powershell/host.js';
import { CALL_LINE, PowerShellError, gatherParameters, parseReply, parseStderr, startupLine } from '../../src/host/powershell/protocol.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { readSnapshotFile } from '../../src/snapshot/validate.js';
import { DELIMITER_LINE, DIST_ROOT, SNAPSHOT, action, config, fixture, isAlive, requests, type Fixture } from './fixture.js';

const linuxOnly = process.platform === 'win32' ? describe.skip : describe;

/** After the start-up invocation (5 lines), every invocation is 2 delimiters, one call line, 2 delimiters. */
function assertOnlyDataLines(lines: string[]): void {
  assert.ok(DELIMITER_LINE.test(lines[0]) && DELIMITER_LINE.test(lines[1]), 'start-up begins with the delimiters');
  // The Constrained Language check, the start-up checks when ps1/Preflight is there, then the set-up and the import.
  assert.match(
    lines[2],
    /^if \(\$ExecutionContext\.SessionState\.LanguageMode -ne 'FullLanguage'\) \{ throw \(.*\) \}; (\. \(\[scriptblock\]::Create\(.*\)\); Assert-MobyKitSession -ModulePath .*; )?\$ProgressPreference = 'SilentlyContinue'; .*Import-Module -Name .* -Force$/,
  );
  assert.equal(lines.filter((l) => l.includes('Import-Module')).length, 1, 'the module is imported once');
  for (const [i, line] of lines.slice(3).entries()) {
    assert.ok(DELIMITER_LINE.test(line) || CALL_LINE.test(line), `line ${i + 4} is neither a delimiter nor a call: ${JSON.stringify(line)}`);
  }
  // And they come in node-powershell's order.
  const rest = lines.slice(5);
  assert.equal(rest.length % 5, 0);
  for (let i = 0; i < rest.length; i += 5) {
    assert.match(rest[i], /^\[Console\]::Error/);
    assert.match(rest[i + 1], /^\[Console\]::Out/);
    assert.match(rest[i + 2], CALL_LINE);
    assert.match(rest[i + 3], /^\[Console\]::Error/);
    assert.match(rest[i + 4], /^\[Console\]::Out/);
  }
}

linuxOnly('PowerShellHost over node-powershell (stand-in shell)', function () {
  this.timeout(20000);
  let f: Fixture;
  beforeEach(() => {
    f = fixture();
  });
  afterEach(async () => {
    await f.cleanup();
  });

  it('starts one shell with the right arguments and imports the module once', async () => {
    const host = await f.open();
    const cmdline = readFileSync(`/proc/${host.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const args = cmdline.slice(cmdline.indexOf(path.resolve('test/transport/fake-pwsh.mjs')) + 1);
    assert.deepEqual(args, ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-NoExit', '-Command', '-']);
    await host.gather();
    await host.gather();
    const lines = f.lines();
    assertOnlyDataLines(lines);
    assert.ok(lines[2].includes(`Import-Module -Name '${f.modulePath}' -Force`));
    assert.ok(lines[2].includes('[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)'));
    assert.equal(host.roundTrips, 2);
    assert.equal(host.totalRoundTrips, 3);
    assert.equal(countRoundTrips(host), 2);
  });

  it('gather returns the snapshot, scoped by the config, in one round trip', async () => {
    const host = await f.open();
    const snapshot = await host.gather();
    const expected = await new SimulatedHost(readSnapshotFile(SNAPSHOT)).gather();
    assert.deepEqual(snapshot, expected);
    assert.equal(host.roundTrips, 1);
    const [req] = requests(f.lines());
    assert.equal(req.function, 'Get-MobyKitHostSnapshot');
    assert.deepEqual(req.parameters, JSON.parse(JSON.stringify(gatherParameters(config()))));
    assert.deepEqual(Object.keys(req.parameters).sort(), [
      'CredentialTarget',
      'EngineEndpoint',
      'FirewallRuleName',
      'HostAddress',
      'IsoPath',
      'KvpItemName',
      'LogDir',
      'NatName',
      'ProxyProgram',
      'SettingsDir',
      'ShareName',
      'Subnet',
      'SwitchName',
      'TcpPort',
      'UdpPort',
      'VMName',
      'VhdxPath',
    ]);
    assert.equal(req.parameters.EngineEndpoint, 'tcp://10.0.75.2:2375');
    assert.match(f.calls[1], /^Get-MobyKitHostSnapshot \{"SwitchName":"DockerNAT"/);
  });

  it('apply changes the host, and the state carries over to the next process', async () => {
    const host = await f.open();
    await host.apply(action('switch.create', { Name: 'DockerNAT', Notes: 'Managed by mobykit' }), {});
    await host.apply(action('vnic.set-address', { SwitchName: 'DockerNAT', InterfaceAlias: 'vEthernet (DockerNAT)', IPAddress: '10.0.75.1', PrefixLength: 24 }), {});
    await host.apply(action('nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {});
    const after = await host.gather();
    assert.deepEqual(
      after.vmSwitches.map((s) => [s.Name, s.SwitchType]),
      [['DockerNAT', 'Internal']],
    );
    assert.ok(after.netIPAddresses.some((a) => a.IPAddress === '10.0.75.1' && a.InterfaceAlias === 'vEthernet (DockerNAT)'));
    assert.deepEqual(
      after.netNats.map((n) => n.Name),
      ['DockerNAT'],
    );
    assert.equal(host.roundTrips, 4);
    await host.dispose();
    assert.equal(isAlive(host.pid), false);

    const next = await f.open();
    const again = await next.gather();
    assert.deepEqual(again.vmSwitches, after.vmSwitches);
    assert.deepEqual(again.netNats, after.netNats);
  });

  it('an error written to stderr with ok:false surfaces as HostActionError with its message', async () => {
    process.env.MOBYKIT_FAKE_STDERR_ON = 'New-MobyKitSwitch';
    const host = await f.open();
    await assert.rejects(host.apply(action('switch.create', { Name: 'DockerNAT', Notes: '' }), {}), (e: unknown) => {
      assert.ok(e instanceof HostActionError);
      assert.equal(e.actionId, 'switch.create');
      assert.equal(e.cmdlet, 'New-MobyKitSwitch');
      assert.equal(e.cmdletMessage, 'Simulated failure in New-MobyKitSwitch: the operation could not be completed.');
      assert.match(e.message, /^switch\.create failed in New-MobyKitSwitch: Simulated failure/);
      return true;
    });
    // The session survives a refused call.
    const s = await host.gather();
    assert.equal(s.vmSwitches.length, 0);
  });

  it('a refusal from the host (ok:false, no stderr) carries the cmdlet and message', async () => {
    const host = await f.open();
    // The simulated host refuses a NAT whose prefix is not valid, in New-NetNat's words.
    await assert.rejects(
      host.apply(action('nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: 'nonsense' }), {}),
      (e: unknown) => e instanceof HostActionError && e.cmdlet === 'New-NetNat' && /parameter is incorrect/i.test(e.cmdletMessage),
    );
    process.env.MOBYKIT_FAKE_FAIL_ON = 'Get-MobyKitHostSnapshot';
    const other = await f.open();
    await assert.rejects(other.gather(), (e: unknown) => {
      assert.ok(e instanceof PowerShellError);
      assert.equal(e.psMessage, 'Access is denied.');
      assert.equal(e.cmdlet, 'Get-MobyKitHostSnapshot');
      assert.equal(e.category, 'PermissionDenied');
      assert.equal(e.reason, 'refused');
      return true;
    });
  });

  it('the shell dying mid-call gives a clear error, and later calls say the session is gone', async () => {
    process.env.MOBYKIT_FAKE_DIE_ON = 'New-MobyKitSwitch';
    const host = await f.open();
    await host.gather();
    await assert.rejects(host.apply(action('switch.create', { Name: 'DockerNAT', Notes: '' }), {}), (e: unknown) => {
      assert.ok(e instanceof HostActionError);
      assert.match(e.message, /PowerShell exited unexpectedly \(code 1\) during New-MobyKitSwitch/);
      assert.match(e.message, /StackOverflowException/);
      return true;
    });
    await assert.rejects(host.gather(), /PowerShell session is closed|exited unexpectedly/);
    delete process.env.MOBYKIT_FAKE_DIE_ON;
    process.env.MOBYKIT_FAKE_DIE_ON = 'Get-MobyKitHostSnapshot';
    const other = await f.open();
    await assert.rejects(
      other.gather(),
      (e: unknown) => e instanceof PowerShellError && e.reason === 'exited' && /PowerShell exited unexpectedly \(code 1\) during Get-MobyKitHostSnapshot/.test(e.message),
    );
  });

  it('a hung call times out, naming the function and the limit, and the shell is stopped', async () => {
    process.env.MOBYKIT_FAKE_HANG_ON = 'Get-MobyKitHostSnapshot';
    const host = await f.open({ timeoutMs: 500 });
    const pid = host.pid;
    assert.ok(isAlive(pid));
    const started = Date.now();
    await assert.rejects(host.gather(), (e: unknown) => {
      assert.ok(e instanceof PowerShellError);
      assert.equal(e.reason, 'timeout');
      assert.match(e.message, /Get-MobyKitHostSnapshot timed out after 500 ms/);
      return true;
    });
    assert.ok(Date.now() - started < 5000, 'gave up promptly');
    assert.equal(isAlive(pid), false, 'the shell was stopped');
    await assert.rejects(host.gather(), /session is closed/);
    // A timed-out apply is the action's failure.
    process.env.MOBYKIT_FAKE_HANG_ON = 'New-MobyKitNat';
    const other = await f.open({ timeoutMs: 500 });
    await assert.rejects(
      other.apply(action('nat.create', { Name: 'N', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {}),
      (e: unknown) => e instanceof HostActionError && e.actionId === 'nat.create' && /timed out after 500 ms/.test(e.message),
    );
  });

  it('non-ASCII names round-trip unchanged', async () => {
    const host = await f.open();
    const sw = 'Dockér NAT ✓';
    const user = 'DEV-PC\\zoë';
    await host.apply(action('switch.create', { Name: sw, Notes: 'Géré par mobykit — ✓' }), {});
    await host.apply(action('share.create', { Name: 'Ça', Path: 'C:\\', CachingMode: 'None', FullAccess: user, Description: 'partagé' }), {});
    const s = await host.gather();
    assert.equal(s.vmSwitches[0].Name, sw);
    assert.equal(s.vmSwitches[0].Notes, 'Géré par mobykit — ✓');
    assert.equal(s.netAdapters.find((a) => a.Name.includes('Dock'))?.Name, `vEthernet (${sw})`);
    const share = s.smbShares.find((x) => x.Name === 'Ça');
    assert.ok(share);
    assert.ok(share.Access.some((a) => a.AccountName === user));
    const reqs = requests(f.lines());
    assert.equal(reqs[0].parameters.Name, sw);
    assert.equal(reqs[1].parameters.FullAccess, user);
  });

  it('a module path with quotes or non-ASCII is passed safely; control characters are refused', async () => {
    const quoted = path.join(f.dir, "it's $(here) `now`; ok", 'MobyKit.psd1');
    mkdirSync(path.dirname(quoted));
    writeFileSync(quoted, '@{}');
    const a = await f.open({ modulePath: quoted });
    await a.gather();
    assert.ok(f.lines().some((l) => l.endsWith(`Import-Module -Name '${quoted.replace(/'/g, "''")}' -Force`)));

    const unicode = path.join(f.dir, 'zoë ‘✓’', 'MobyKit.psd1');
    mkdirSync(path.dirname(unicode));
    writeFileSync(unicode, '@{}');
    const b = await f.open({ modulePath: unicode });
    await b.gather();
    const importLine = f
      .lines()
      .filter((l) => l.includes('Import-Module'))
      .at(-1)!;
    assert.ok(/^[\x20-\x7E]+$/.test(importLine), 'the start-up line is ASCII');
    assert.match(importLine, /FromBase64String\('[A-Za-z0-9+/=]+'\)/);

    await assert.rejects(PowerShellHost.open({ config: config(), modulePath: path.join(f.dir, 'a\nb.psd1') }), /control characters/);
    await assert.rejects(
      PowerShellHost.open({ config: config(), modulePath: path.join(f.dir, 'missing.psd1') }),
      (e: unknown) => e instanceof PowerShellError && e.reason === 'start' && /module is missing/.test(e.message),
    );
  });

  it('INJECTION: hostile names reach PowerShell only as base64 data', async () => {
    const evil = (what: string) => `${what}'; Remove-Item C:\\ -Recurse #"$(Stop-Computer)\`$env:X\`n;\nWrite-Host 'pwned' "@ ' ‘’`;
    const sw = evil('sw');
    const vm = evil('vm');
    const share = evil('share');
    const user = evil('DEV-PC\\user');
    const host = await f.open();
    const sent = [
      action('switch.create', { Name: sw, Notes: evil('notes') }),
      action('vm.create', {
        Name: vm,
        Generation: 2,
        AttachExistingVhd: false,
        MemoryStartupBytes: 2147483648,
        ProcessorCount: 2,
        VhdPath: `C:\\VMs\\${vm}.vhdx`,
        VhdSizeBytes: 64 * 2 ** 30,
        IsoPath: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso',
        SwitchName: sw,
        ComPipe: `\\\\.\\pipe\\${vm}`,
        Notes: 'x',
      }),
      action('share.create', { Name: share, Path: 'C:\\', CachingMode: 'None', FullAccess: user, Description: evil('d') }),
      action('share.grant', { Name: share, AccountName: evil('other') }),
    ];
    for (const a of sent) await host.apply(a, {});
    const s = await host.gather();
    assert.equal(s.vmSwitches[0].Name, sw);
    assert.equal(s.vms[0].Name, vm);
    assert.ok(s.smbShares.some((x) => x.Name === share && x.Access.some((ac) => ac.AccountName === user)));

    const lines = f.lines();
    assertOnlyDataLines(lines);
    const reqs = requests(lines);
    assert.deepEqual(
      reqs.slice(0, sent.length).map((r) => r.parameters),
      sent.map((a) => a.params),
    );
    assert.deepEqual(
      reqs.map((r) => r.function),
      ['New-MobyKitSwitch', 'New-MobyKitVM', 'New-MobyKitShare', 'Grant-MobyKitShareAccess', 'Get-MobyKitHostSnapshot'],
    );
    for (const l of lines) assert.ok(!l.includes('pwned') && !l.includes('Stop-Computer'));
  });

  it('the share password reaches PowerShell only inside the request: not argv, not clear text, not onCall', async () => {
    const canary = 'C4nary-Pa55\'$(whoami)`"ω';
    const host = await f.open();
    const cmdline = readFileSync(`/proc/${host.pid}/cmdline`, 'utf8');
    await host.apply(action('switch.create', { Name: 'DockerNAT', Notes: '' }), {});
    await host.apply(
      action('vm.create', {
        Name: 'MobyLinuxVM',
        Generation: 2,
        AttachExistingVhd: false,
        MemoryStartupBytes: 2147483648,
        ProcessorCount: 2,
        VhdPath: 'C:\\v.vhdx',
        VhdSizeBytes: 1,
        IsoPath: 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso',
        SwitchName: 'DockerNAT',
        ComPipe: '\\\\.\\pipe\\x',
        Notes: '',
      }),
      {},
    );
    await host.apply(action('credential.write', { TargetName: 'Docker Host Filesystem Access', UserName: 'alice', Comment: 'c' }), { sharePassword: canary });
    await host.apply(action('kvp.add', { VMName: 'MobyLinuxVM', ItemName: 'cifsmount', MountPoint: '/c', ShareName: 'C', UserName: 'alice' }), { sharePassword: canary });
    const s = await host.gather();
    assert.ok(s.vms[0].KvpHostExchangeItems[0].Data.includes('password=***'));
    assert.ok(!JSON.stringify(s).includes(canary));

    // A failing password op: the error text PowerShell writes echoes the command line (the base64).
    process.env.MOBYKIT_FAKE_STDERR_ON = 'Set-MobyKitKvpItem';
    const failing = await f.open();
    const err = await failing
      .apply(action('kvp.modify', { VMName: 'MobyLinuxVM', ItemName: 'cifsmount', MountPoint: '/c', ShareName: 'C', UserName: 'alice' }), { sharePassword: canary })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    assert.ok(err instanceof HostActionError);

    const log = readFileSync(f.log, 'utf8');
    const reqs = requests(f.lines());
    // Sealed with the session key, never a parameter: the request line (what script block logging
    // records) carries ciphertext, and the shell had the key in its environment.
    const sealed = reqs.filter((r) => 'secret' in r);
    assert.deepEqual(
      sealed.map((r) => r.function),
      ['Set-MobyKitCredential', 'Set-MobyKitKvpItem', 'Set-MobyKitKvpItem'],
    );
    for (const r of reqs) assert.ok(!('Password' in r.parameters));
    for (const r of sealed) assert.ok(!Buffer.from(String(r.secret), 'base64').toString('latin1').includes('C4nary'));
    for (const secret of [canary, 'C4nary', 'whoami']) {
      assert.ok(!log.includes(secret), `stdin carries ${secret} in clear`);
      assert.ok(!cmdline.includes(secret));
      assert.ok(!f.calls.join('\n').includes(secret));
    }
    assert.ok(f.calls.some((c) => c.startsWith('Set-MobyKitCredential ') && c.includes('"Password":"***"')));
    // The error message shows neither the password nor the request that carries it.
    const b64 = /^Invoke-MobyKitCall -Request '([^']+)'$/.exec(
      f
        .lines()
        .filter((l) => CALL_LINE.test(l))
        .at(-1)!,
    )![1];
    assert.ok(!err.message.includes(canary) && !err.message.includes(b64.slice(0, 24)));
  });

  it('a password op without the password fails before any round trip', async () => {
    const host = await f.open();
    await assert.rejects(
      host.apply(action('credential.write', { TargetName: 't', UserName: 'u', Comment: '' }), {}),
      (e: unknown) => e instanceof HostActionError && /password/.test(e.message),
    );
    assert.equal(host.roundTrips, 0);
  });

  it('dispose stops the shell and removes its exit handler; Ctrl-C is left to the run that owns it', async () => {
    const before = { exit: process.listenerCount('exit'), sigint: process.listenerCount('SIGINT') };
    const host = await f.open();
    assert.equal(process.listenerCount('exit'), before.exit + 1);
    assert.equal(process.listenerCount('SIGINT'), before.sigint, 'the host installs no Ctrl-C handler of its own');
    assert.ok(isAlive(host.pid));
    await host.dispose();
    assert.equal(process.listenerCount('exit'), before.exit);
    assert.equal(isAlive(host.pid), false);
    await assert.rejects(host.gather(), /session is closed \(disposed\)/);
  });

  it('the journal is a JSON file in stateDir, written atomically', async () => {
    const host = await f.open();
    assert.deepEqual(await host.loadJournal(), { version: 2, entries: [] });
    const doc: JournalDoc = {
      version: 2,
      entries: [
        { kind: 'switch', id: { Name: 'DockerNAT', Id: 'b8f7' }, state: 'made', actionId: 'switch.create', at: '2026-11-22T10:00:00Z' },
        { kind: 'share', id: { Name: 'Ça', Path: 'C:\\' }, state: 'pending', actionId: 'share.create', at: '2026-11-22T10:00:01Z' },
      ],
    };
    await host.saveJournal(doc);
    assert.deepEqual(await host.loadJournal(), doc);
    assert.deepEqual(readdirSync(f.stateDir), ['journal.json']);
    assert.deepEqual(JSON.parse(readFileSync(path.join(f.stateDir, 'journal.json'), 'utf8')), doc);
    await host.saveJournal({ version: 2, entries: [] });
    assert.deepEqual(await host.loadJournal(), { version: 2, entries: [] });
    writeFileSync(path.join(f.stateDir, 'journal.json'), '{not json');
    await assert.rejects(host.loadJournal(), /journal .*journal\.json is not valid JSON/);
    assert.equal(host.roundTrips, 0, 'the journal is local: no PowerShell involved');
  });

  it('the stand-in answers what it does not understand as PowerShell would', async () => {
    const ps = new PowerShell({ throwOnInvocationError: false });
    try {
      // Like Windows, the stand-in ends lines in CRLF until told otherwise, and node-powershell can
      // miss a CRLF delimiter when two arrive in one read: the start-up line switches to LF first.
      await ps.invoke('[Console]::Out.NewLine = "`n"; [Console]::Error.NewLine = "`n"');
      const r = await ps.invoke('Get-ChildItem C:\\');
      assert.equal(r.hadErrors, true);
      assert.match(r.raw, /CommandNotFoundException/);
      const notImported = await ps.invoke("Invoke-MobyKitCall -Request 'e30='");
      assert.match(notImported.raw, /The term 'Invoke-MobyKitCall' is not recognized/);
    } finally {
      await ps.dispose();
    }
  });

  it('the default module path is the package ps1/MobyKit.psd1', () => {
    assert.equal(defaultModulePath(), path.resolve(DIST_ROOT, '..', 'ps1', 'MobyKit.psd1'));
    // In the real build (dist/), that is the repository's own ps1/.
    if (path.basename(path.resolve(DIST_ROOT)) === 'dist') assert.equal(defaultModulePath(), path.resolve('ps1/MobyKit.psd1'));
    assert.ok(existsSync(path.resolve('ps1')));
  });
});

describe('PowerShell transport helpers', () => {
  it('quotes the module path through the one PowerShell literal helper', () => {
    assert.match(startupLine("C:\\it's\\MobyKit.psd1"), /Import-Module -Name 'C:\\it''s\\MobyKit\.psd1' -Force$/);
    assert.match(startupLine('C:\\Program Files\\mobykit\\ps1\\MobyKit.psd1'), /Import-Module -Name 'C:\\Program Files\\mobykit\\ps1\\MobyKit\.psd1' -Force$/);
  });

  it('finds the answer behind the cursor-key sequences pwsh 7 writes around each piped command', () => {
    assert.deepEqual(parseReply('\u001b[?1h\u001b[?1l{"ok":true,"result":null}\n\u001b[?1h\u001b[?1l'), { ok: true, result: null });
  });

  it('finds the one JSON answer among other output', () => {
    assert.deepEqual(parseReply('WARNING: something\r\n{"ok":true,"result":1}\r\n'), { ok: true, result: 1 });
    assert.deepEqual(parseReply('{"ok":false,"error":{"message":"m"}}'), { ok: false, error: { message: 'm' } });
    assert.deepEqual(parseReply('{"ok":true,"res\nult":2}'), { ok: true, result: 2 });
    assert.equal(parseReply(''), undefined);
    // Terminal mode sequences a console writes around the answer (seen with ssh under PowerShell remoting).
    assert.deepEqual(parseReply('\u001b[?1h\u001b={"ok":true,"result":[]}\u001b[?1l\n'), { ok: true, result: [] });
    assert.equal(parseReply('hello'), undefined);
  });

  it('reads an error record from stderr without echoing the request', () => {
    const b64 = Buffer.from('{"function":"X","parameters":{"Password":"p"}}').toString('base64');
    const ps51 = [
      'New-VMSwitch : Access is denied.',
      'At line:1 char:1',
      `+ Invoke-MobyKitCall -Request '${b64}'`,
      '+ ~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : PermissionDenied: (:) [New-VMSwitch], VirtualizationException',
      '    + FullyQualifiedErrorId : AccessDenied,Microsoft.HyperV.PowerShell.Commands.NewVMSwitch',
    ].join('\r\n');
    assert.deepEqual(parseStderr(ps51), { message: 'Access is denied.', cmdlet: 'New-VMSwitch', category: 'PermissionDenied' });
    const ps7 = [
      '\u001b[31;1mInvoke-MobyKitCall: \u001b[0m',
      `\u001b[31;1mLine |\u001b[0m`,
      `\u001b[31;1m   1 | \u001b[0m Invoke-MobyKitCall -Request '${b64}'`,
      '\u001b[31;1m     | \u001b[31;1m ~~~~~~~~~~~~~~~~~~\u001b[0m',
      '\u001b[31;1m     | \u001b[31;1mThe share is busy.\u001b[0m',
    ].join('\n');
    const r = parseStderr(ps7);
    assert.equal(r.message, 'The share is busy.');
    assert.equal(r.cmdlet, 'Invoke-MobyKitCall');
    assert.ok(!JSON.stringify(r).includes(b64.slice(0, 20)));
  });
});
