import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/errors.js';
import { parseSnapshot, readSnapshotFile, redactSnapshot, SnapshotError } from '../../src/snapshot/validate.js';

const EXAMPLES = ['examples/fresh-win10-pro.json', 'examples/broken.json'];

/** A fresh, mutable copy of an example document. */
function example(name = 'examples/fresh-win10-pro.json'): any {
  return JSON.parse(readFileSync(name, 'utf8'));
}

/** Asserts that `fn` throws a SnapshotError at `path` whose message names the path. */
function rejects(fn: () => unknown, path: string, ...fragments: (string | RegExp)[]): SnapshotError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof SnapshotError, `expected a SnapshotError, got ${String(caught)}`);
  assert.equal(caught.path, path);
  if (path !== '$') assert.ok(caught.message.includes(`${path}:`), `message should name ${path}: ${caught.message}`);
  for (const f of fragments) {
    if (typeof f === 'string') assert.ok(caught.message.includes(f), `message should include ${f}: ${caught.message}`);
    else assert.match(caught.message, f);
  }
  return caught;
}

/** A VM in the shape of the spec's example, for tests that need one. */
function mobyVm(): any {
  return example('examples/broken.json').vms[0];
}

describe('snapshot/validate', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'mobykit-snapshot-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('the shipped examples', () => {
    for (const file of EXAMPLES) {
      it(`${file} is a valid host snapshot`, () => {
        const s = readSnapshotFile(file);
        assert.equal(s.kind, 'mobykit.host-snapshot');
        assert.equal(s.version, 1);
        assert.equal(s.computerName, 'DEV-PC');
        assert.equal(s.platform.identity.UserName, 'DEV-PC\\alice');
      });
    }

    it('broken.json shows the classic breakages', () => {
      const s = readSnapshotFile('examples/broken.json');
      assert.equal(s.vmSwitches[0]!.Name, 'DockerNAT');
      assert.ok(!s.netIPAddresses.some((a) => a.IPAddress === '10.0.75.1'));
      assert.ok(s.netIPAddresses.some((a) => a.InterfaceAlias === 'vEthernet (DockerNAT)' && a.IPAddress.startsWith('169.254.')));
      assert.equal(s.netNats[0]!.InternalIPInterfaceAddressPrefix, '10.0.0.0/16');
      assert.deepEqual(s.udpEndpoints, [{ LocalAddress: '0.0.0.0', LocalPort: 53, OwningProcess: 2200 }]);
      assert.equal(s.vms[0]!.State, 'Off');
      assert.equal(s.vms[0]!.IntegrationServices.find((i) => i.Name === 'Key-Value Pair Exchange')!.Enabled, false);
      assert.deepEqual(s.smbShares, []);
      assert.deepEqual(s.credentials, []);
      assert.equal(s.platform.environment!.DOCKER_HOST, 'tcp://192.168.99.100:2376');
    });

    it('returns the very document it was given', () => {
      const doc = example();
      assert.equal(parseSnapshot(doc), doc);
    });
  });

  describe('rejects', () => {
    it('a wrong version, naming the version this mobykit reads', () => {
      const doc = example();
      doc.version = 2;
      const err = rejects(() => parseSnapshot(doc), '$.version', 'expected 1, got 2', 'this mobykit reads host snapshot version 1');
      assert.equal(err.message, '$.version: expected 1, got 2 (this mobykit reads host snapshot version 1)');
    });

    it('a version given as a string', () => {
      const doc = example();
      doc.version = '1';
      rejects(() => parseSnapshot(doc), '$.version', 'got the string "1"');
    });

    it('a wrong kind', () => {
      const doc = example();
      doc.kind = 'docker.settings';
      rejects(() => parseSnapshot(doc), '$.kind', 'expected "mobykit.host-snapshot"', '"docker.settings"');
    });

    it('something that is not an object at all', () => {
      rejects(() => parseSnapshot([]), '$', 'expected an object', 'an array');
      rejects(() => parseSnapshot(null), '$', 'got null');
    });

    it('a missing required section', () => {
      const doc = example();
      delete doc.netNats;
      rejects(() => parseSnapshot(doc), '$.netNats', 'expected an array', 'missing');
    });

    it('a missing required property deep inside', () => {
      const doc = example();
      delete doc.platform.identity.IsAdministrator;
      rejects(() => parseSnapshot(doc), '$.platform.identity.IsAdministrator', 'expected a boolean', 'missing');
    });

    it('a wrong type deep inside: $.vms[0].ProcessorCount as a string', () => {
      const doc = example();
      doc.vms = [mobyVm()];
      doc.vms[0].ProcessorCount = '2';
      rejects(() => parseSnapshot(doc), '$.vms[0].ProcessorCount', 'expected a whole number', 'got the string "2"');
    });

    it('a wrong type in a list element', () => {
      const doc = example();
      doc.vms = [mobyVm(), mobyVm()];
      doc.vms[1].NetworkAdapters[0].IPAddresses = ['10.0.75.2', 7];
      rejects(() => parseSnapshot(doc), '$.vms[1].NetworkAdapters[0].IPAddresses[1]', 'expected a string', 'got 7');
    });

    it('a list given as an object', () => {
      const doc = example();
      doc.services = { Name: 'vmms', Status: 'Running', StartType: 'Automatic' };
      rejects(() => parseSnapshot(doc), '$.services', 'expected an array', 'got an object');
    });

    it('null where the spec has no null', () => {
      const doc = example();
      doc.platform.hyperVModuleAvailable = null;
      rejects(() => parseSnapshot(doc), '$.platform.hyperVModuleAvailable', 'got null');
    });

    const badEnums: [string, (doc: any) => void, string][] = [
      [
        '$.vmSwitches[0].SwitchType',
        (d) => {
          d.vmSwitches = [{ Name: 'DockerNAT', Id: 'x', SwitchType: 'internal' }];
        },
        '"Internal" | "External" | "Private"',
      ],
      [
        '$.platform.optionalFeatures[0].State',
        (d) => {
          d.platform.optionalFeatures[0].State = 'On';
        },
        '"EnablePending"',
      ],
      [
        '$.platform.hypervisorLaunchType',
        (d) => {
          d.platform.hypervisorLaunchType = 'On';
        },
        '"Auto" | "Off"',
      ],
      [
        '$.netIPAddresses[0].AddressFamily',
        (d) => {
          d.netIPAddresses[0].AddressFamily = 'InterNetwork';
        },
        '"IPv4" | "IPv6"',
      ],
      [
        '$.netIPInterfaces[0].Dhcp',
        (d) => {
          d.netIPInterfaces[0].Dhcp = true;
        },
        '"Enabled" | "Disabled"',
      ],
      [
        '$.netConnectionProfiles[0].NetworkCategory',
        (d) => {
          d.netConnectionProfiles[0].NetworkCategory = 'Domain';
        },
        '"DomainAuthenticated"',
      ],
      [
        '$.excludedPortRanges[1].Protocol',
        (d) => {
          d.excludedPortRanges[1].Protocol = 'tcp';
        },
        '"TCP" | "UDP"',
      ],
    ];
    for (const [path, spoil, expected] of badEnums) {
      it(`a bad enum value at ${path}`, () => {
        const doc = example();
        spoil(doc);
        rejects(() => parseSnapshot(doc), path, expected);
      });
    }

    it('a bad firewall Direction and share AccessControlType', () => {
      const rule = {
        Name: 'DockerTcp',
        DisplayName: 'DockerTcp',
        Enabled: true,
        Direction: 'In',
        Action: 'Allow',
        Profile: 'Any',
        EdgeTraversalPolicy: 'DeferToUser',
        Program: 'C:\\x.exe',
        Protocol: 'TCP',
        LocalPort: ['Any'],
        LocalAddress: ['Any'],
        RemoteAddress: ['Any'],
      };
      const doc = example();
      doc.firewallRules = [rule];
      rejects(() => parseSnapshot(doc), '$.firewallRules[0].Direction', '"Inbound" | "Outbound"');

      const doc2 = example();
      doc2.smbShares = [{ Name: 'C', Path: 'C:\\', CachingMode: 'None', Access: [{ AccountName: 'DEV-PC\\alice', AccessControlType: 'Permit', AccessRight: 'Full' }] }];
      rejects(() => parseSnapshot(doc2), '$.smbShares[0].Access[0].AccessControlType', '"Allow" | "Deny"');
    });

    it('a capturedAt that is not ISO-8601', () => {
      const doc = example();
      doc.capturedAt = '22/11/2026 10:00';
      rejects(() => parseSnapshot(doc), '$.capturedAt', 'ISO-8601');
    });

    it('a password in a KVP item, without echoing it', () => {
      const doc = example();
      doc.vms = [mobyVm()];
      doc.vms[0].KvpHostExchangeItems = [{ Name: 'cifsmount', Data: '/c;/C;username=alice,password=hunter2,noperm', Source: 0 }];
      const err = rejects(() => parseSnapshot(doc), '$.vms[0].KvpHostExchangeItems[0].Data', 'password=***');
      assert.ok(!err.message.includes('hunter2'));
    });
  });

  describe('accepts', () => {
    it('snapshots without the optional sections', () => {
      const doc = example('examples/broken.json');
      delete doc.platform.virtualBox;
      delete doc.platform.environment;
      delete doc.excludedPortRanges;
      delete doc.files.logDir.LatestLog;
      delete doc.files.vhdx.Attributes;
      assert.equal(parseSnapshot(doc), doc);
    });

    it('empty lists everywhere', () => {
      const doc = example('examples/broken.json');
      for (const key of Object.keys(doc)) if (Array.isArray(doc[key])) doc[key] = [];
      doc.platform.processors = [];
      doc.platform.optionalFeatures = [];
      doc.files.toolboxMachines = [];
      parseSnapshot(doc);
    });

    it('the nulls the spec allows', () => {
      const doc = example('examples/broken.json');
      doc.platform.hypervisorLaunchType = null;
      doc.platform.virtualBox = null;
      doc.processes[0].Path = null;
      doc.vms[0].DvdDrives[0].Path = null;
      doc.vms[0].NetworkAdapters[0].SwitchName = null;
      parseSnapshot(doc);
    });

    it('any VM State and service Status the cmdlets emit', () => {
      const doc = example('examples/broken.json');
      doc.vms[0].State = 'FastSavedCritical';
      doc.services[0].Status = 'StartPending';
      parseSnapshot(doc);
    });

    it('unknown extra properties, and keeps them', () => {
      const doc = example('examples/broken.json');
      doc.producedBy = { tool: 'gather.ps1', version: '0.1.0' };
      doc.vmSwitches[0].Notes = 'mobykit:owned';
      doc.vmSwitches[0].NetAdapterInterfaceDescription = 'Hyper-V Virtual Ethernet Adapter #2';
      doc.vms[0].CheckpointType = 'Production';
      const s = parseSnapshot(doc) as any;
      assert.deepEqual(s.producedBy, { tool: 'gather.ps1', version: '0.1.0' });
      assert.equal(s.vmSwitches[0].NetAdapterInterfaceDescription, 'Hyper-V Virtual Ethernet Adapter #2');
      assert.equal(s.vms[0].CheckpointType, 'Production');
      assert.equal(s.vmSwitches[0].Notes, 'mobykit:owned');
    });
  });

  describe('readSnapshotFile', () => {
    it('rejects a truncated file, naming the file', () => {
      const file = join(dir, 'truncated.json');
      const text = readFileSync('examples/fresh-win10-pro.json', 'utf8');
      writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
      const err = rejects(() => readSnapshotFile(file), '$', 'truncated');
      assert.ok(err.message.startsWith(`${file}: `), err.message);
    });

    it('rejects a file that is not JSON, naming the file', () => {
      const file = join(dir, 'not-json.json');
      writeFileSync(file, 'kind: mobykit.host-snapshot\n');
      const err = rejects(() => readSnapshotFile(file), '$', 'not valid JSON');
      assert.ok(err.message.startsWith(`${file}: `), err.message);
    });

    it('rejects an empty file', () => {
      const file = join(dir, 'empty.json');
      writeFileSync(file, '');
      rejects(() => readSnapshotFile(file), '$', 'empty');
    });

    it('rejects a missing file, naming it', () => {
      const file = join(dir, 'nope.json');
      const err = rejects(() => readSnapshotFile(file), '$', 'cannot read');
      assert.ok(err.message.includes(file));
    });

    it('names the file and the path for an invalid document', () => {
      const file = join(dir, 'v2.json');
      writeFileSync(file, JSON.stringify({ ...example(), version: 2 }));
      const err = rejects(() => readSnapshotFile(file), '$.version', 'expected 1, got 2');
      assert.equal(err.message, `${file}: $.version: expected 1, got 2 (this mobykit reads host snapshot version 1)`);
      assert.equal(err.file, file);
    });

    it('reads what PowerShell 5.1 writes: UTF-8 with a BOM and UTF-16LE', () => {
      const text = readFileSync('examples/fresh-win10-pro.json', 'utf8');
      const bom8 = join(dir, 'bom8.json');
      writeFileSync(bom8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
      assert.equal(readSnapshotFile(bom8).computerName, 'DEV-PC');
      const utf16 = join(dir, 'utf16.json');
      writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      assert.equal(readSnapshotFile(utf16).computerName, 'DEV-PC');
    });

    it('is a usage error (exit code 2)', () => {
      const err = rejects(() => parseSnapshot({}), '$.kind');
      assert.ok(err instanceof UsageError);
      assert.ok(err instanceof Error);
      assert.equal(err.exitCode, 2);
    });
  });

  describe('redactSnapshot', () => {
    it('writes every password= value in KVP Data as ***, in a deep copy', () => {
      const doc = example('examples/broken.json');
      doc.vms[0].KvpHostExchangeItems = [
        { Name: 'cifsmount', Data: '/c;/C;username=alice,password=hunter2,noperm', Source: 0 },
        { Name: 'other', Data: 'password=p@ss w0rd;Password=Zz9', Source: 0 },
        { Name: 'tail', Data: 'user=bob,password=s3cret', Source: 0 },
        { Name: 'plain', Data: 'nothing to hide', Source: 0 },
      ];
      const before = JSON.stringify(doc);
      const red = redactSnapshot(doc);
      assert.deepEqual(
        red.vms[0]!.KvpHostExchangeItems.map((i) => i.Data),
        ['/c;/C;username=alice,password=***,noperm', 'password=***;Password=***', 'user=bob,password=***', 'nothing to hide'],
      );
      assert.equal(JSON.stringify(doc), before, 'the input is untouched');
      assert.notEqual(red.vms[0], doc.vms[0]);
      assert.equal(parseSnapshot(red), red, 'a redacted snapshot is valid');
    });

    it('keeps an already redacted snapshot as it was', () => {
      const s = readSnapshotFile('examples/broken.json');
      assert.deepEqual(redactSnapshot(s), s);
    });
  });
});
