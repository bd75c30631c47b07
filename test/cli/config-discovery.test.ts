// The configuration file is found on its own, in the encodings Windows tools write, and its values are trimmed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, userConfigFile } from '../../src/config/config.js';
import { runPiped } from './run-cli.js';

interface Shown {
  file: string | null;
  found: string | null;
  settings: { key: string; value: unknown; source: string }[];
}
const show = (r: { stdout: string }) => JSON.parse(r.stdout) as Shown;
const value = (s: Shown, key: string) => s.settings.find((x) => x.key === key)!.value;

function utf16(text: string, bigEndian = false): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (!bigEndian) return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
}

describe('configuration found on its own', function () {
  this.timeout(30_000);

  it('--config, else MOBYKIT_CONFIG, else ./mobykit.config.json, else the user config folder; config show names it', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'mobykit-home-'));
    const cwd = mkdtempSync(path.join(tmpdir(), 'mobykit-cwd-'));
    const userFile = userConfigFile({ XDG_CONFIG_HOME: home, APPDATA: home });
    mkdirSync(path.dirname(userFile), { recursive: true });
    writeFileSync(userFile, '{"switch":{"name":"UserNet"}}');
    const env = { XDG_CONFIG_HOME: home, APPDATA: home };
    let s = show(runPiped(['config', 'show', '--json'], { env, cwd }));
    assert.deepEqual([s.file, s.found, value(s, 'switch.name')], [userFile, 'user folder', 'UserNet']);
    writeFileSync(path.join(cwd, 'mobykit.config.json'), '{"switch":{"name":"HereNet"}}');
    s = show(runPiped(['config', 'show', '--json'], { env, cwd }));
    assert.deepEqual([s.found, value(s, 'switch.name')], ['current folder', 'HereNet']);
    const envFile = path.join(cwd, 'team.json');
    writeFileSync(envFile, '{"switch":{"name":"EnvNet"}}');
    s = show(runPiped(['config', 'show', '--json'], { env: { ...env, MOBYKIT_CONFIG: envFile }, cwd }));
    assert.deepEqual([s.file, s.found, value(s, 'switch.name')], [envFile, 'env', 'EnvNet']);
    const flagFile = path.join(cwd, 'flag.json');
    writeFileSync(flagFile, '{"switch":{"name":"FlagNet"}}');
    s = show(runPiped(['config', 'show', '--json', '--config', flagFile], { env: { ...env, MOBYKIT_CONFIG: envFile }, cwd }));
    assert.deepEqual([s.found, value(s, 'switch.name')], ['flag', 'FlagNet']);
    const text = runPiped(['config', 'show'], { env, cwd });
    assert.match(text.stdout, /Effective configuration \(file .*mobykit\.config\.json, found in the current folder\)/);
    const none = runPiped(['config', 'show'], {
      env: { XDG_CONFIG_HOME: mkdtempSync(path.join(tmpdir(), 'mobykit-empty-')) },
      cwd: mkdtempSync(path.join(tmpdir(), 'mobykit-cwd2-')),
    });
    assert.match(none.stdout, /no configuration file: none given with --config or MOBYKIT_CONFIG/);
  });

  it('a found file is used by every command: uninstall removes the custom-named switch it installed', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mobykit-found-'));
    writeFileSync(path.join(cwd, 'mobykit.config.json'), '{"switch":{"name":"MobyNet"}}');
    const host = path.join(cwd, 'host.json');
    const env = { MOBYKIT_STATE_DIR: path.join(cwd, 'state') };
    assert.equal(runPiped(['install', '--simulate', path.resolve('examples/fresh-win10-pro.json'), '--simulate-out', host, '--yes'], { env, cwd }).code, 0);
    const u = runPiped(['uninstall', '--simulate', host, '--simulate-out', host, '--yes', '--json'], { env, cwd });
    assert.equal(u.code, 0, u.output);
    assert.ok((JSON.parse(u.stdout) as { applied: string[] }).applied.some((id) => id.startsWith('switch.remove')));
  });

  it('reads UTF-8 with a BOM and UTF-16 LE and BE (what Windows PowerShell 5.1 and Notepad write)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-enc-'));
    const json = '{"switch":{"name":"Zoë-Net"}}';
    const files: [string, Buffer][] = [
      ['bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])],
      ['le.json', utf16(json)],
      ['be.json', utf16(json, true)],
    ];
    for (const [name, bytes] of files) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      assert.equal(loadConfig({ configFile: file }).config.switch.name, 'Zoë-Net', name);
    }
  });

  it('trims every value before it is validated: a pasted space never reaches PowerShell', () => {
    const r = runPiped(['plan', '--simulate', 'examples/fresh-win10-pro.json', '--host-address', ' 10.0.75.1', '--switch-name', 'DockerNAT ', '--json']);
    assert.equal(r.code, 0, r.output);
    const plan = (JSON.parse(r.stdout) as { plan: { op: string; params: Record<string, unknown> }[] }).plan;
    assert.equal(plan.find((a) => a.op === 'vnic.set-address')!.params.IPAddress, '10.0.75.1');
    assert.equal(plan.find((a) => a.op === 'switch.create')!.params.Name, 'DockerNAT');
    const fromEnv = loadConfig({ env: { MOBYKIT_VM_NAME: '  Moby  ' } });
    assert.equal(fromEnv.config.vm.name, 'Moby');
  });

  it('a bad value in a found file names the file', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'mobykit-bad-'));
    writeFileSync(path.join(cwd, 'mobykit.config.json'), '{"switch":{"nam":"X"}}');
    const r = runPiped(['config', 'show'], { cwd });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /config file .*mobykit\.config\.json: unknown setting switch\.nam/);
  });
});
