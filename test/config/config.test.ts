import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { resolveDesired } from '../../src/config/desired.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { UsageError } from '../../src/errors.js';

const tmp = mkdtempSync(join(tmpdir(), 'mobykit-config-'));
function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe('configuration', () => {
  it("defaults are the article's values", () => {
    const { config, sources } = loadConfig();
    assert.equal(config.switch.name, 'DockerNAT');
    assert.equal(config.network.subnet, '10.0.75.0/24');
    assert.equal(config.network.hostAddress, '10.0.75.1');
    assert.equal(config.share.name, 'C');
    assert.equal(config.vm.comPipe, '\\\\.\\pipe\\dockerMobyLinuxVM-com1');
    assert.deepEqual(config.ports, { tcp: [53, 2375], udp: [53, 67] });
    assert.equal(sources['switch.name'], 'default');
  });

  it('takes flags over MOBYKIT_* over the file over defaults, and says where each came from', () => {
    const cfg = file('layered.json', JSON.stringify({ switch: { name: 'FromFile' }, nat: { name: 'NatFromFile' }, vm: { name: 'VmFromFile' } }));
    const { config, sources } = loadConfig({
      configFile: cfg,
      env: { MOBYKIT_NAT_NAME: 'NatFromEnv', MOBYKIT_SWITCH_NAME: 'SwitchFromEnv' },
      flags: { 'switch-name': 'SwitchFromFlag' },
    });
    assert.equal(config.switch.name, 'SwitchFromFlag');
    assert.equal(config.nat.name, 'NatFromEnv');
    assert.equal(config.vm.name, 'VmFromFile');
    assert.deepEqual([sources['switch.name'], sources['nat.name'], sources['vm.name'], sources['share.name']], ['flag', 'env', 'file', 'default']);
  });

  it('parses ports and numbers from flags and env', () => {
    const { config } = loadConfig({ flags: { 'tcp-ports': '53, 2376', 'vm-memory': '4096' }, env: { MOBYKIT_VM_CPUS: '4' } });
    assert.deepEqual(config.ports.tcp, [53, 2376]);
    assert.equal(config.vm.memoryStartupMB, 4096);
    assert.equal(config.vm.processorCount, 4);
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['a malformed CIDR', { subnet: '10.0.75/24' }, /--subnet "10\.0\.75\/24" must be an IPv4 subnet in CIDR form/],
    ['a subnet with host bits', { subnet: '10.0.75.9/24' }, /has host bits set/],
    ['a /31', { subnet: '10.0.75.0/31' }, /prefix \/31.*from \/8 to \/30/],
    ['a /32', { subnet: '10.0.75.1/32' }, /prefix \/32/],
    ['a host IP outside the subnet', { 'host-address': '10.0.76.1' }, /--host-address "10\.0\.76\.1" is outside the subnet 10\.0\.75\.0\/24/],
    ['the network address', { 'host-address': '10.0.75.0' }, /network address/],
    ['the broadcast address', { 'host-address': '10.0.75.255' }, /broadcast address/],
    ['a VM address equal to the host address', { 'vm-address': '10.0.75.1' }, /VM needs its own/],
    ['port 0', { 'tcp-ports': '0' }, /holds 0; ports are whole numbers from 1 to 65535/],
    ['port 70000', { 'udp-ports': '53,70000' }, /holds 70000/],
    ['a name with a newline', { 'switch-name': 'Docker\nNAT' }, /control characters/],
    ['a name too long for Hyper-V', { 'vm-name': 'x'.repeat(101) }, /101 characters long; Windows allows at most 100/],
    ['a share name with a slash', { 'share-name': 'C/D' }, /must not contain any of/],
    ['a relative path', { iso: 'mobylinux.iso' }, /--iso "mobylinux\.iso" must be an absolute Windows path/],
    ['a pipe that is not a pipe', { 'com-pipe': 'C:\\com1' }, /named pipe/],
    ['a non-number', { 'vm-memory': 'lots' }, /--vm-memory: "lots" is not a whole number/],
    [
      'memory that is not a multiple of 2 MB (New-VM: "not properly aligned")',
      { 'vm-memory': '2049' },
      /--vm-memory "?2049"? is not a multiple of 2 MB, which Hyper-V requires; use 2048 or 2050/,
    ],
    [
      'a firewall rule name with a wildcard (-Name would match other rules)',
      { 'firewall-tcp-rule': 'Docker*' },
      /--firewall-tcp-rule "Docker\*" must not contain any of \| \* \? \[ \]/,
    ],
    ['a firewall rule name with a bracket', { 'firewall-smb-rule': 'Smb[1]' }, /--firewall-smb-rule "Smb\[1\]" must not contain/],
    ['a firewall rule name with a question mark', { 'firewall-udp-rule': 'Docker?' }, /--firewall-udp-rule "Docker\?" must not contain/],
    ['a KVP item name over 255 characters (512 bytes of UTF-16 with the NUL)', { 'kvp-item': 'k'.repeat(256) }, /--kvp-item .* is 256 characters long; Windows allows at most 255/],
    ['an unknown firewall profile', { 'firewall-profile': 'Home' }, /must be one of Any, Domain, Private, Public/],
  ];
  for (const [what, flags, message] of bad) {
    it(`rejects ${what} with exit code 2 and a message naming it`, () => {
      assert.throws(
        () => loadConfig({ flags }),
        (e: unknown) => e instanceof UsageError && e.exitCode === 2 && message.test(e.message),
      );
    });
  }

  it('reports every bad value at once', () => {
    assert.throws(() => loadConfig({ flags: { 'vm-name': 'a\tb', 'share-name': 'a*b' } }), /--vm-name[\s\S]*--share-name/);
  });

  it('rejects a config file that is not JSON, naming the file', () => {
    const p = file('broken.json', '{ "switch": { "name": ');
    assert.throws(
      () => loadConfig({ configFile: p }),
      (e: Error) => e instanceof UsageError && e.message.includes(p) && /not valid JSON/.test(e.message),
    );
  });

  it('rejects unknown settings in the file (a typo must not be silently ignored)', () => {
    const p = file('typo.json', JSON.stringify({ switch: { nmae: 'X' } }));
    assert.throws(() => loadConfig({ configFile: p }), /unknown setting switch\.nmae/);
  });

  it('names the file when a value in it is bad', () => {
    const p = file('bad-value.json', JSON.stringify({ network: { subnet: '300.0.0.0/24' } }));
    assert.throws(
      () => loadConfig({ configFile: p }),
      (e: Error) => e.message.includes(`network.subnet in ${p}`),
    );
  });

  it('leaves the VM disk to the host: <vm>.vhdx in the folder the gather reports (Get-VMHost), or --vhdx', () => {
    const snapshot = JSON.parse(readFileSync('examples/fresh-win10-pro.json', 'utf8')) as Snapshot;
    snapshot.files.vhdx.Path = 'D:\\Hyper-V\\Disks\\MobyLinuxVM.vhdx';
    assert.equal(loadConfig({}).config.vm.vhdxPath, null);
    assert.equal(resolveDesired(loadConfig({}).config, snapshot).vm.vhdxPath, 'D:\\Hyper-V\\Disks\\MobyLinuxVM.vhdx');
    assert.equal(resolveDesired(loadConfig({ flags: { vhdx: 'E:\\vm.vhdx' } }).config, snapshot).vm.vhdxPath, 'E:\\vm.vhdx');
  });

  it('accepts %APPDATA% style paths for the settings and log folders only', () => {
    assert.doesNotThrow(() => loadConfig({ flags: { 'log-dir': '%LOCALAPPDATA%\\Moby' } }));
    assert.throws(() => loadConfig({ flags: { vhdx: '%APPDATA%\\x.vhdx' } }), /absolute Windows path/);
  });
});
