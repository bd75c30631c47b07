// migrate-toolbox as a user runs it: Ctrl-C mid-conversion leaves no disk behind and exits 130;
// it waits for no one else's run (the host lock).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeQemuImg } from '../migrate/fake-qemu-img.js';
import { MAIN, runPiped, userEnv } from './run-cli.js';

describe('migrate-toolbox on the command line', function () {
  this.timeout(30_000);

  it('Ctrl-C stops qemu-img, removes the partial disk and exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mobykit-migrate-c-'));
    const bin = fakeQemuImg(dir, { slow: true });
    const vmdk = join(dir, 'disk.vmdk');
    writeFileSync(vmdk, 'toolbox images');
    const vhdx = join(dir, 'out', 'MobyLinuxVM.vhdx');
    const child = spawn(process.execPath, [MAIN, 'migrate-toolbox', '--vmdk', vmdk, '--to', vhdx], {
      env: userEnv({ PATH: `${bin}:${process.env.PATH}`, MOBYKIT_STATE_DIR: join(dir, 'state') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', r));
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (err.includes('10%')) {
          clearInterval(t);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    assert.equal(await exited, 130, err);
    assert.deepEqual(readdirSync(join(dir, 'out')), [], 'no partial and no disk');
    assert.match(err, /partial disk was removed/);
  });

  it('refuses while another mobykit holds the host lock', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mobykit-migrate-l-'));
    const state = join(dir, 'state');
    const vmdk = join(dir, 'disk.vmdk');
    writeFileSync(vmdk, 'x');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      mkdirSync(state, { recursive: true });
      writeFileSync(join(state, 'host.lock'), JSON.stringify({ pid: holder.pid, command: 'install', since: new Date().toISOString() }));
      const r = runPiped(['migrate-toolbox', '--vmdk', vmdk, '--to', join(dir, 'a.vhdx')], { env: { MOBYKIT_STATE_DIR: state, PATH: `${fakeQemuImg(dir)}:${process.env.PATH}` } });
      assert.equal(r.code, 1, r.output);
      assert.match(r.stderr, new RegExp(`${holder.pid}`));
      assert.ok(!existsSync(join(dir, 'a.vhdx')));
    } finally {
      holder.kill();
    }
  });
});
