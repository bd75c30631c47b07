// Bad input, as a table: each is a clear error naming the value and what would be valid,
// exit code 2, and the (simulated) host is left exactly as it was.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

describe('bad input: exit 2, a message naming it, nothing changed', function () {
  this.timeout(60000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'mobykit-bad-input-'));
  const host = path.join(work, 'host.json');
  const fresh = readFileSync('examples/fresh-win10-pro.json', 'utf8');
  const file = (name: string, text: string) => {
    const p = path.join(work, name);
    writeFileSync(p, text);
    return p;
  };
  const wrongVersion = file('v2.json', fresh.replace('"version": 1', '"version": 2'));
  const truncated = file('truncated.json', fresh.slice(0, 900));
  const notJson = file('config.txt', 'switch.name = DockerNAT\n');

  const cases: [string, string[], RegExp, string?][] = [
    ['a malformed CIDR', ['--subnet', '10.0.75.0/33'], /--subnet "10\.0\.75\.0\/33"/],
    ['a host IP outside the subnet', ['--host-address', '192.168.1.1'], /outside the subnet 10\.0\.75\.0\/24/],
    ['the network address', ['--host-address', '10.0.75.0'], /network address/],
    ['the broadcast address', ['--host-address', '10.0.75.255'], /broadcast address/],
    ['a /31', ['--subnet', '10.0.75.0/31', '--host-address', '10.0.75.1', '--vm-address', '10.0.75.0'], /from \/8 to \/30/],
    ['a /32', ['--subnet', '10.0.75.1/32'], /\/32/],
    ['port 0', ['--tcp-ports', '0'], /holds 0; ports are whole numbers from 1 to 65535/],
    ['port 70000', ['--udp-ports', '70000'], /holds 70000/],
    ['a name with a control character', ['--vm-name', 'Moby\u0007VM'], /control characters/],
    ['a name too long for Windows', ['--switch-name', 'S'.repeat(101)], /at most 100/],
    ['a relative path', ['--iso', 'moby.iso'], /absolute Windows path/],
    ['a truncated snapshot', ['--simulate', truncated], /truncated/],
    ['a wrong-version snapshot', ['--simulate', wrongVersion], /\$\.version: expected 1, got 2/],
    ['a config file that is not JSON', ['--config', notJson], /not valid JSON/],
    ['an unknown flag', ['--swich-name', 'X'], /swich-name/],
    ['memory Hyper-V cannot align', ['--vm-memory', '4095'], /--vm-memory "?4095"? is not a multiple of 2 MB/],
    ['a wildcard in a firewall rule name', ['--firewall-tcp-rule', 'Docker*'], /--firewall-tcp-rule "Docker\*" must not contain any of \| \* \? \[ \]/],
    // 1023 UTF-16 characters is Hyper-V's KVP value limit; the token around the password (/c;/C;username=alice,password=,noperm) takes 37.
    [
      'a password the cifsmount KVP value cannot hold',
      ['--password-stdin'],
      /The share password is 1000 characters long; the C mount token has room for 986 \(Hyper-V holds a KVP value of at most 1023 UTF-16 characters\)/,
      'p'.repeat(1000),
    ],
  ];

  for (const [what, args, message, input] of cases) {
    it(`${what}`, () => {
      copyFileSync('examples/fresh-win10-pro.json', host);
      const simulate = args.includes('--simulate') ? [] : ['--simulate', host];
      const r = spawnSync(process.execPath, [MAIN, 'install', ...simulate, '--simulate-out', host, '--yes', ...args], {
        encoding: 'utf8',
        input,
        env: { ...process.env, MOBYKIT_STATE_DIR: path.join(work, 'state'), MOBYKIT_RUN_LOG_DIR: path.join(work, 'logs') },
      });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, message);
      assert.deepEqual(JSON.parse(readFileSync(host, 'utf8')), JSON.parse(fresh), 'the host changed');
    });
  }
});
