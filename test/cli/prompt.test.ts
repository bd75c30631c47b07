// On a terminal: install asks once, then asks for the password without echoing it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAIN, userEnv } from './run-cli.js';

const PASSWORD = 'TtyCanary-7731';

describe('prompts on a terminal', function () {
  this.timeout(30000);

  it('asks once before changing anything, then for the password, hidden', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-prompt-'));
    const host = path.join(dir, 'host.json');
    copyFileSync('examples/fresh-win10-pro.json', host);
    const cmd = `stty cols 120 rows 40; exec '${process.execPath}' '${MAIN}' install --simulate '${host}' --simulate-out '${host}'`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
      env: userEnv({ MOBYKIT_PASSWORD: undefined, MOBYKIT_STATE_DIR: path.join(dir, 'state') }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    const seen = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (screen.includes(text)) {
            child.stdout.off('data', check);
            resolve();
          }
        };
        child.stdout.on('data', check);
        check();
      });
    child.stdout.on('data', (d) => {
      screen += d.toString();
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    await seen('Apply these 11 changes? [y/N]');
    assert.equal(JSON.parse(readFileSync(host, 'utf8')).vmSwitches.length, 0, 'changed before the answer');
    child.stdin.write('y\r');
    await seen('Windows password of DEV-PC\\alice');
    child.stdin.write(`${PASSWORD}\r`);
    assert.equal(await exited, 0, screen);
    assert.match(screen, /Done: 11 actions applied and verified/);
    assert.ok(!screen.includes(PASSWORD), 'the password was echoed');
    assert.equal(JSON.parse(readFileSync(host, 'utf8')).vmSwitches.length, 1);
  });

  it('answering no changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-prompt-no-'));
    const host = path.join(dir, 'host.json');
    copyFileSync('examples/fresh-win10-pro.json', host);
    const before = readFileSync(host, 'utf8');
    const cmd = `stty cols 120 rows 40; exec '${process.execPath}' '${MAIN}' install --simulate '${host}' --simulate-out '${host}'`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: userEnv({ MOBYKIT_STATE_DIR: path.join(dir, 'state') }), stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d) => {
      screen += d.toString();
      if (screen.includes('[y/N]') && !screen.includes('answered')) {
        screen += 'answered';
        child.stdin.write('n\r');
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 1);
    assert.match(screen, /Cancelled: nothing was changed/);
    assert.deepEqual(JSON.parse(readFileSync(host, 'utf8')), JSON.parse(before));
  });

  it('Ctrl-C at the question exits 130 and changes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-prompt-c-'));
    const host = path.join(dir, 'host.json');
    copyFileSync('examples/fresh-win10-pro.json', host);
    const cmd = `stty cols 120 rows 40; exec '${process.execPath}' '${MAIN}' install --simulate '${host}' --simulate-out '${host}'`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: userEnv({ MOBYKIT_STATE_DIR: path.join(dir, 'state') }), stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d) => {
      screen += d.toString();
      if (screen.includes('[y/N]') && !screen.includes('sent')) {
        screen += 'sent';
        child.stdin.write('\u0003');
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 130, screen);
    assert.match(screen, /interrupted: nothing was changed/);
    assert.equal(JSON.parse(readFileSync(host, 'utf8')).vmSwitches.length, 0);
  });
  it('SIGTERM at the question (a service manager, a closed terminal) ends it as an interruption: 130, nothing changed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-prompt-term-'));
    const host = path.join(dir, 'host.json');
    copyFileSync('examples/fresh-win10-pro.json', host);
    // exec keeps the shell's pid: the one printed is mobykit's.
    const cmd = `stty cols 120 rows 40; echo "pid=$$"; exec '${process.execPath}' '${MAIN}' install --simulate '${host}' --simulate-out '${host}'`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: userEnv({ MOBYKIT_STATE_DIR: path.join(dir, 'state') }), stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d) => {
      screen += d.toString();
      const pid = /pid=(\d+)/.exec(screen);
      if (pid && screen.includes('[y/N]') && !screen.includes('sent')) {
        screen += 'sent';
        process.kill(Number(pid[1]), 'SIGTERM');
      }
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 130, screen);
    assert.match(screen, /interrupted: nothing was changed/);
    assert.equal(JSON.parse(readFileSync(host, 'utf8')).vmSwitches.length, 0);
  });
});
