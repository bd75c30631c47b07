// The real Get-MobyKitHostSnapshot under a real PowerShell (on Linux most queries fail, which is
// the "partial is fine" path): the document is a valid snapshot, records what it was gathered
// for, keeps only the DOCKER_* variables the spec allows, and probes the engine read-only.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSnapshot } from '../../src/snapshot/validate.js';
import { canonicalAddress } from '../../src/windows/address.js';
import { psString } from '../../src/windows/powershell.js';

const PWSH = '/tmp/pwshtest/tools/pwsh';
const MODULE = path.resolve('ps1/MobyKit.psd1');
const run = promisify(execFile);

async function pwsh(script: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await run(PWSH, ['-NoProfile', '-NonInteractive', '-Command', `Import-Module ${psString(MODULE)} -Force; ${script}`], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

describe('Get-MobyKitHostSnapshot: the sections doctor reads (real PowerShell)', function () {
  this.timeout(120_000);
  before(function () {
    if (!existsSync(PWSH)) this.skip();
  });

  it('is a valid snapshot with gatheredFor, and no DOCKER_* secret', async () => {
    const out = await pwsh(
      "Get-MobyKitHostSnapshot -SwitchName 'MobyNet' -NatName 'MobyNat' -FirewallRuleName 'A','B','C','FPS-SMB-In-TCP' -TcpPort 53,2375 " +
        "-UdpPort 53,67 -VMName 'Vm' -ShareName 'D' -CredentialTarget 'T' -Subnet '10.1.0.0/24' -HostAddress '10.1.0.1' " +
        "-ShareUser 'PC\\bob' -KvpItemName 'cifsmount' -EngineEndpoint 'tcp://10.1.0.2:2375' | ConvertTo-Json -Depth 20",
      { DOCKER_HOST: 'tcp://bob:s3cret@192.168.99.100:2376', DOCKER_AUTH_CONFIG: '{"auths":{"r":{"auth":"c2VjcmV0"}}}', DOCKER_TLS_VERIFY: '1' },
    );
    assert.ok(!out.includes('s3cret') && !out.includes('c2VjcmV0'), 'no secret in the document');
    const s = parseSnapshot(JSON.parse(out));
    assert.deepEqual(s.platform.environment, { DOCKER_HOST: 'tcp://192.168.99.100:2376', DOCKER_TLS_VERIFY: '1' });
    assert.deepEqual(s.gatheredFor, {
      switchName: 'MobyNet',
      natName: 'MobyNat',
      subnet: '10.1.0.0/24',
      hostAddress: '10.1.0.1',
      firewallRules: ['A', 'B', 'C'],
      tcpPorts: [53, 2375],
      udpPorts: [53, 67],
      vmName: 'Vm',
      kvpItem: 'cifsmount',
      shareName: 'D',
      shareUser: 'PC\\bob',
      credentialTarget: 'T',
    });
    // Without Hyper-V the host vNIC query fails: the section is left out and errors says why.
    assert.equal(s.hostVNics, undefined);
    assert.ok(s.errors.some((e) => e.Source === 'Get-VMNetworkAdapter'));
    assert.equal(s.engine, undefined, 'no VM runs, so the engine is not probed');
  });

  it('probes the engine with GET /version, and reports a refusal as unreachable', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(req.url === '/version' && req.method === 'GET' ? '{"Version":"1.12.0","ApiVersion":"1.24"}' : '{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    try {
      const up = JSON.parse(await pwsh(`& (Get-Module MobyKit) { Get-MobyKitEngineState -Endpoint 'tcp://127.0.0.1:${port}' } | ConvertTo-Json`));
      assert.deepEqual(up, { Endpoint: `tcp://127.0.0.1:${port}`, Reachable: true, ServerVersion: '1.12.0', Error: null });
    } finally {
      server.close();
    }
    const down = JSON.parse(await pwsh(`& (Get-Module MobyKit) { Get-MobyKitEngineState -Endpoint 'tcp://127.0.0.1:${port}' -TimeoutMilliseconds 1000 } | ConvertTo-Json`));
    assert.equal(down.Reachable, false);
    assert.match(down.Error, /refused|actively|connect/i);
  });
});

describe('firewall addresses: PowerShell and TypeScript compare alike (real PowerShell)', function () {
  this.timeout(60_000);
  before(function () {
    if (!existsSync(PWSH)) this.skip();
  });

  it('ConvertTo-MobyKitAddressKey gives what canonicalAddress gives, and the SMB rule as Windows reports it has no difference', async () => {
    const inputs = [
      '10.0.75.0/255.255.255.0',
      '10.0.75.0/24',
      '10.0.75.1/255.255.255.255',
      '10.0.75.1',
      'Any',
      '*',
      'LocalSubnet',
      '10.0.75.9/24',
      '10.0.75.0/255.0.255.0',
      '10.0.75.1-10.0.75.9',
      '0.0.0.0/0',
    ];
    const list = inputs.map((i) => psString(i)).join(',');
    const out = await pwsh(`& (Get-Module MobyKit) { param($l) $l | ForEach-Object { ConvertTo-MobyKitAddressKey -Address $_ } } @(${list}) | ConvertTo-Json`);
    assert.deepEqual(JSON.parse(out), inputs.map(canonicalAddress));
    const compare = (remote: string) =>
      pwsh(
        '& (Get-Module MobyKit) { param($remote) ' +
          "$c = @{ DisplayName = 'D'; Protocol = 'TCP'; Program = 'System'; EdgeTraversalPolicy = 'Block'; Direction = 'Inbound'; Action = 'Allow'; " +
          "Group = 'mobykit'; Description = 'x'; Profile = 'Any'; LocalPort = @('445'); LocalAddress = @('10.0.75.1/255.255.255.255'); RemoteAddress = @($remote); Enabled = $true }; " +
          "$w = @{} + $c; $w.Remove('Enabled'); $w.LocalAddress = @('10.0.75.1'); $w.RemoteAddress = @('10.0.75.0/24'); " +
          `@(Compare-MobyKitFirewallRule -Current $c -Wanted $w) -join ',' } ${psString(remote)}`,
      );
    assert.equal((await compare('10.0.75.0/255.255.255.0')).trim(), '', 'as Windows reports it: no difference');
    assert.equal((await compare('10.0.0.0/255.255.0.0')).trim(), 'RemoteAddress', 'another subnet is a difference');
  });
});
