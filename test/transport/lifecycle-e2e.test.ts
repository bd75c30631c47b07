// status, stop/start, password and console through the real PowerShellHost and node-powershell,
// with the stand-in shell answering the module's status and console functions.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_MAIN, cliEnv, fixture, type Fixture } from './fixture.js';

const MAIN = CLI_MAIN;
const CANARY = 'life-Canary-Pa55-40c7';

describe('lifecycle commands through PowerShell (stand-in shell)', function () {
  this.timeout(60000);
  let f: Fixture;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    f = fixture();
    env = cliEnv(f, CANARY);
    const r = cli('install', '--yes');
    assert.equal(r.status, 0, r.stderr + r.stdout);
    delete env.MOBYKIT_PASSWORD;
  });
  afterEach(() => f.cleanup());

  const cli = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { env, encoding: 'utf8', timeout: 45000, input: '' });
  const withInput = (input: string, ...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { env, encoding: 'utf8', timeout: 45000, input });

  it('status reports the uptime the module gives, and stop/start change the VM', () => {
    const s = JSON.parse(cli('status', '--json').stdout) as { vm: { state: string; uptimeSeconds: number; address: string } };
    assert.deepEqual([s.vm.state, s.vm.uptimeSeconds, s.vm.address], ['Running', 3725, '10.0.75.2']);
    assert.match(cli('status').stdout, /uptime: +1h 2m/);
    assert.equal(cli('stop', '--timeout', '7').status, 0);
    assert.ok(
      f.lines().some((l) => l.startsWith('Invoke-MobyKitCall')),
      'calls went through the dispatcher',
    );
    const off = JSON.parse(cli('status', '--json').stdout) as { vm: { state: string; uptimeSeconds: null } };
    assert.deepEqual([off.vm.state, off.vm.uptimeSeconds], ['Off', null]);
    assert.equal(cli('start').status, 0);
  });

  it('password is checked with Windows first: a wrong one changes nothing; the right one updates both places', () => {
    env.MOBYKIT_FAKE_ACCOUNT_PASSWORD = CANARY;
    const wrong = withInput('not-it', 'password', '--password-stdin', '--yes');
    assert.equal(wrong.status, 1, wrong.stderr);
    assert.match(wrong.stderr, /Windows does not accept this password for DEV-PC\\alice: nothing was changed/);
    const right = withInput(`${CANARY}\n`, 'password', '--password-stdin', '--yes', '--json');
    assert.equal(right.status, 0, right.stderr);
    assert.deepEqual(JSON.parse(right.stdout).applied, ['kvp.modify', 'credential.write']);
    assert.ok(!(right.stdout + right.stderr).includes(CANARY));
    assert.ok(!readFileSync(f.log, 'utf8').includes(CANARY), 'the password reached the shell only as data');
    delete env.MOBYKIT_FAKE_ACCOUNT_PASSWORD;
    const unchecked = withInput(`${CANARY}\n`, 'password', '--password-stdin', '--yes');
    assert.equal(unchecked.status, 0, unchecked.stderr);
    assert.match(unchecked.stderr, /Windows could not check the password of DEV-PC\\alice; storing it as given/);
  });

  it('renames go through the module, on a shell that reads only the names asked for: Rename-MobyKitVM by Id, the old share, rules and credential removed', () => {
    env.MOBYKIT_FAKE_SCOPED = '1';
    const r = withInput(
      `${CANARY}\n`,
      'install',
      '--vm-name',
      'NewVM',
      '--share-name',
      'D',
      '--firewall-tcp-rule',
      'NewTcp',
      '--credential-target',
      'NewCred',
      '--password-stdin',
      '--yes',
      '--json',
    );
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.deepEqual((JSON.parse(r.stdout) as { applied: string[] }).applied.sort(), [
      'credential.remove:Docker Host Filesystem Access',
      'credential.write',
      'firewall.create:NewTcp',
      'firewall.remove:DockerTcp',
      'kvp.modify',
      'share.create',
      'share.remove:C',
      'vm.rename',
    ]);
    const host = (JSON.parse(readFileSync(f.state, 'utf8')) as { doc: { vms: { Name: string; HardDrives: { Path: string }[] }[]; smbShares: { Name: string }[] } }).doc;
    assert.deepEqual(
      host.vms.map((v) => v.Name),
      ['NewVM'],
    );
    assert.match(host.vms[0].HardDrives[0].Path, /MobyLinuxVM\.vhdx$/, 'the disk mobykit made stays');
    assert.deepEqual(
      host.smbShares.map((s) => s.Name),
      ['D'],
    );
    const again = cli('plan', '--vm-name', 'NewVM', '--share-name', 'D', '--firewall-tcp-rule', 'NewTcp', '--credential-target', 'NewCred', '--detailed-exitcode');
    assert.equal(again.status, 0, again.stdout + again.stderr);
  });

  it('console streams the pipe read-only, without control sequences, until Ctrl-C (130)', async () => {
    env.MOBYKIT_FAKE_CONSOLE = 'Welcome to Moby\r\n\u001b[31mmoby login:\u001b[0m ';
    const child = spawn(process.execPath, [MAIN, 'console'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (out.includes('login:')) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    assert.equal(await exited, 130, err);
    assert.match(err, /Console of VM MobyLinuxVM \(\\\\\.\\pipe\\dockerMobyLinuxVM-com1\), read-only/);
    assert.equal(out, 'Welcome to Moby\r\n[31mmoby login:[0m ');
    assert.ok(!out.includes('\u001b'));
    const calls = f
      .lines()
      .filter((l) => l.startsWith('Invoke-MobyKitCall'))
      .map((l) => JSON.parse(Buffer.from(/'(.*)'/.exec(l)![1], 'base64').toString()).function);
    assert.ok(calls.includes('Read-MobyKitVMConsole') && calls.includes('Close-MobyKitVMConsole'), calls.join());
    assert.ok(!calls.includes('Write-MobyKitVMConsole'));
  });

  it('console --interactive on a terminal: keystrokes reach the VM, Ctrl-] ends it (0)', async () => {
    env.MOBYKIT_FAKE_CONSOLE = 'moby login: ';
    const typed = join(mkdtempSync(join(tmpdir(), 'mobykit-console-')), 'typed');
    env.MOBYKIT_FAKE_CONSOLE_INPUT = typed;
    const cmd = `stty cols 120 rows 40; exec '${process.execPath}' '${MAIN}' console --interactive`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        const t = setInterval(() => {
          if (ok()) {
            clearInterval(t);
            resolve();
          }
        }, 20);
      });
    await until(() => text.includes('login:'));
    child.stdin.write('root\r');
    await until(() => existsSync(typed) && readFileSync(typed, 'utf8').includes('root'));
    child.stdin.write('\u001d');
    assert.equal(await exited, 0, text);
    assert.match(text, /interactive: Ctrl-\] ends it/);
    assert.equal(readFileSync(typed, 'utf8'), 'root\r', 'what was typed, and not the Ctrl-]');
    assert.match(text, /Console closed\./);
  });
});
