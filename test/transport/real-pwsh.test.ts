// The transport end to end against the real PowerShell 7.6.9 that scripts/install-pwsh.sh puts in
// .tools/ (the stand-in fake-pwsh.mjs covers the same ground in powershell-host.test.ts): the real
// node-powershell session, the real module and Invoke-MobyKitCall, over the catalog-generated
// platform stubs with a handler standing in for Windows (test/transport/pwsh/MobyKitHarness.psm1).
// Skipped, saying so, without .tools/ — unless MOBYKIT_REQUIRE_PWSH=1 (CI), where that fails.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src/config/config.js';
import { HostActionError } from '../../src/host/host.js';
import { PowerShellHost } from '../../src/host/powershell/host.js';
import { PowerShellError } from '../../src/host/powershell/protocol.js';
import { parseSnapshot } from '../../src/snapshot/validate.js';
import { action, isAlive } from './fixture.js';

export { REAL_PWSH as PWSH } from '../real-pwsh.js';
import { REAL_PWSH as PWSH } from '../real-pwsh.js';
export const PESTER = path.resolve('.tools', 'pester', 'pester', '5.7.1', 'tools', 'Pester.psd1');
export const HARNESS = path.resolve('test', 'transport', 'pwsh', 'MobyKitHarness.psm1');
const KNOBS = ['MOBYKIT_HARNESS_LOG', 'MOBYKIT_HARNESS_FAIL', 'MOBYKIT_HARNESS_HANG', 'MOBYKIT_HARNESS_DIE', 'MOBYKIT_HARNESS_STDERR'];

export const havePwsh = existsSync(PWSH) && existsSync(PESTER);
if (!havePwsh && process.env.MOBYKIT_REQUIRE_PWSH === '1') {
  throw new Error(`MOBYKIT_REQUIRE_PWSH=1 but ${PWSH} or Pester is missing: run scripts/install-pwsh.sh`);
}
if (!havePwsh) console.log('real-pwsh transport tests SKIPPED: .tools/pwsh is not installed (scripts/install-pwsh.sh)');

/** Writes the catalog-generated stub modules into dir (one pwsh run). */
export function generateStubs(dir: string): void {
  execFileSync(
    PWSH,
    [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      '. ./test/ps/support/New-PlatformStub.ps1; $null = New-MobyKitPlatformStub -ModuleRoot ps1 -CatalogPath test/fixtures/cmdlet-catalog.json -OutputPath $env:MOBYKIT_STUB_DIR',
    ],
    { env: { ...process.env, MOBYKIT_STUB_DIR: dir }, stdio: 'pipe' },
  );
}

(havePwsh ? describe : describe.skip)('PowerShellHost with the real pwsh 7.6.9 and the real module', function () {
  this.timeout(120_000);
  let dir: string;
  let log: string;
  const hosts: PowerShellHost[] = [];
  const open = async (timeoutMs?: number) => {
    const host = await PowerShellHost.open({
      config: defaultConfig(),
      stateDir: path.join(dir, 'state'),
      modulePath: HARNESS,
      executable: PWSH,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    hosts.push(host);
    return host;
  };
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { command: string; parameters: Record<string, unknown> })
      : [];

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mobykit-real-pwsh-'));
    generateStubs(path.join(dir, 'stubs'));
    delete process.env.NODE_POWERSHELL;
    process.env.MOBYKIT_STUB_DIR = path.join(dir, 'stubs');
  });
  beforeEach(() => {
    log = path.join(dir, `calls-${Date.now()}-${Math.random()}.jsonl`);
    for (const k of KNOBS) delete process.env[k];
    process.env.MOBYKIT_HARNESS_LOG = log;
  });
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.dispose();
  });
  after(() => {
    for (const k of [...KNOBS, 'MOBYKIT_STUB_DIR']) delete process.env[k];
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts pwsh, imports the module in one round trip, and gathers a valid snapshot in one more', async () => {
    const host = await open();
    assert.ok(isAlive(host.pid));
    assert.equal(host.totalRoundTrips, 1);
    const snapshot = await host.gather();
    assert.equal(host.roundTrips, 1);
    assert.equal(snapshot.kind, 'mobykit.host-snapshot');
    // An empty host: every query answered nothing; the Windows-only identity query failed and says so.
    assert.deepEqual(snapshot.vmSwitches, []);
    assert.ok(
      snapshot.errors.some((e) => e.Source === 'WindowsIdentity'),
      JSON.stringify(snapshot.errors),
    );
    assert.ok(calls().some((c) => c.command === 'Get-VMSwitch'));
  });

  it('applies an action: the module function runs and calls the platform with the parameters as given', async () => {
    const host = await open();
    await host.apply(action('nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {});
    const made = calls().filter((c) => c.command === 'New-NetNat');
    assert.deepEqual(
      made.map((c) => [c.parameters.Name, c.parameters.InternalIPInterfaceAddressPrefix]),
      [['DockerNAT', '10.0.75.0/24']],
    );
  });

  it('non-ASCII and hostile values arrive as data, unchanged', async () => {
    const name = 'Dock\'er\u2019"NAT $(Remove-Item C:\\) `n; é中😀';
    const host = await open();
    await host.apply(action('nat.create', { Name: name, InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {});
    assert.equal(calls().find((c) => c.command === 'New-NetNat')?.parameters.Name, name);
  });

  it("a refusal comes back as the JSON error: HostActionError with the module's message", async () => {
    process.env.MOBYKIT_HARNESS_FAIL = 'New-NetNat';
    const host = await open();
    await assert.rejects(host.apply(action('nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {}), (e: unknown) => {
      assert.ok(e instanceof HostActionError);
      assert.equal(e.cmdletMessage, "Could not create NAT 'DockerNAT': The parameter is incorrect.");
      return true;
    });
  });

  it('an error record on the error stream fails the action even when the call answered ok', async () => {
    process.env.MOBYKIT_HARNESS_STDERR = 'New-NetNat';
    const host = await open();
    await assert.rejects(
      host.apply(action('nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {}),
      (e: unknown) => e instanceof HostActionError && /The object already exists/.test(e.cmdletMessage),
    );
  });

  it('the shell dying mid-call gives a clear error, and later calls say the session is gone', async () => {
    process.env.MOBYKIT_HARNESS_DIE = 'New-NetNat';
    const host = await open();
    await assert.rejects(
      host.apply(action('nat.create', { Name: 'DockerNAT', InternalIPInterfaceAddressPrefix: '10.0.75.0/24' }), {}),
      (e: unknown) => e instanceof HostActionError && /PowerShell exited unexpectedly \(code 7\) during New-MobyKitNat/.test(e.message),
    );
    await assert.rejects(host.gather(), /PowerShell session is closed|exited unexpectedly/);
  });

  it('a hung call times out and the shell is stopped', async () => {
    process.env.MOBYKIT_HARNESS_HANG = 'Get-NetNat';
    const host = await open(15_000);
    const pid = host.pid;
    await assert.rejects(host.gather(), (e: unknown) => e instanceof PowerShellError && e.reason === 'timeout' && /timed out after 15/.test(e.message));
    assert.equal(isAlive(pid), false, 'the shell was stopped');
  });
});

(havePwsh ? describe : describe.skip)('Get-MobyKitHostSnapshot in real pwsh over stubs answering a snapshot', function () {
  this.timeout(300_000);
  it('writes JSON that the spec validator accepts and that equals examples/converged.json and fresh-win10-pro.json', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mobykit-gather-'));
    try {
      // The Pester test gathers each example through Invoke-MobyKitCall and compares it; here its
      // output goes through the TypeScript reader, which holds it to the spec.
      execFileSync(process.execPath, ['scripts/test-ps.mjs', 'test/ps/Public/Get-MobyKitHostSnapshot.Tests.ps1'], {
        env: { ...process.env, MOBYKIT_SNAPSHOT_OUT: out },
        stdio: 'pipe',
      });
      for (const example of ['converged.json', 'fresh-win10-pro.json']) {
        const gathered = parseSnapshot(JSON.parse(readFileSync(path.join(out, example), 'utf8').replace(/^\uFEFF/, '')));
        const expected = JSON.parse(readFileSync(path.join('examples', example), 'utf8')) as Record<string, unknown>;
        const comparable = (s: Record<string, unknown>) => {
          const c = structuredClone(s) as Record<string, any>;
          delete c.mobykit;
          delete c.platform.identity;
          delete c.platform.powershell;
          if (Array.isArray(c.files.vhdx.Attributes) && c.files.vhdx.Attributes.length === 0) delete c.files.vhdx.Attributes;
          c.errors = c.errors.filter((e: { Source: string }) => e.Source !== 'WindowsIdentity');
          return c;
        };
        assert.deepEqual(comparable(gathered as unknown as Record<string, unknown>), comparable(expected), example);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
