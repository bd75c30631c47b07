import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fakeQemuImg, fakeVBoxManage } from './fake-qemu-img.js';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { migrateToolbox, MigrateError, parseProgress, partialPath, qemuImgArgs, type SpawnLike } from '../../src/migrate/toolbox.js';

describe('doctor migrate-toolbox', function () {
  this.timeout(20000);
  let dir: string;
  let vmdk: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mobykit-migrate-'));
    vmdk = join(dir, 'disk.vmdk');
    writeFileSync(vmdk, 'toolbox-disk');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('parses qemu-img progress', () => {
    assert.deepEqual(parseProgress('    (0.00/100%)\r    (45.03/100%)\r'), [0, 45.03]);
    assert.deepEqual(parseProgress('no progress here'), []);
  });

  it('converts with qemu-img convert -O vhdx -o subformat=dynamic -p, streaming progress', async () => {
    const bin = fakeQemuImg(dir);
    const vhdx = join(dir, 'out', 'MobyLinuxVM.vhdx');
    const progress: number[] = [];
    const res = await migrateToolbox({
      vmdkPath: vmdk,
      vhdxPath: vhdx,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` },
      onProgress: (p) => progress.push(p),
    });
    assert.equal(readFileSync(vhdx, 'utf8'), 'VHDX:toolbox-disk');
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8')), qemuImgArgs(vmdk, partialPath(vhdx)));
    assert.deepEqual(qemuImgArgs(vmdk, vhdx).slice(0, 8), ['convert', '-f', 'vmdk', '-O', 'vhdx', '-o', 'subformat=dynamic', '-p']);
    assert.ok(!existsSync(partialPath(vhdx)), 'the partial name is gone once the disk has its name');
    assert.deepEqual(progress, [0, 12.5, 50.01, 100]);
    assert.equal(res.qemuImg, join(bin, 'qemu-img'));
  });

  it('uses the injected spawn', async () => {
    const bin = fakeQemuImg(dir);
    const calls: string[] = [];
    const run: SpawnLike = (cmd, args, o) => {
      calls.push(cmd);
      return spawn(cmd, args, o);
    };
    await migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 'a.vhdx'), run, env: { PATH: bin } });
    assert.deepEqual(calls, [join(bin, 'qemu-img')]);
  });

  it('never overwrites an existing disk', async () => {
    const bin = fakeQemuImg(dir);
    const vhdx = join(dir, 'MobyLinuxVM.vhdx');
    writeFileSync(vhdx, 'precious');
    await assert.rejects(
      migrateToolbox({ vmdkPath: vmdk, vhdxPath: vhdx, env: { PATH: bin } }),
      (e: Error) => e instanceof MigrateError && /already exists/.test(e.message) && /never overwrites/.test(e.message),
    );
    assert.equal(readFileSync(vhdx, 'utf8'), 'precious');
    assert.ok(!existsSync(join(dir, 'args.json')), 'qemu-img was not run');
  });

  it('says how to get qemu-img when it is not on PATH', async () => {
    await assert.rejects(
      migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 'x.vhdx'), env: { PATH: join(dir, 'empty') } }),
      (e: Error) => /qemu-img was not found on PATH/.test(e.message) && /QEMU/.test(e.message),
    );
  });

  it('reports a missing vmdk and a non-.vhdx target', async () => {
    await assert.rejects(migrateToolbox({ vmdkPath: join(dir, 'nope.vmdk'), vhdxPath: join(dir, 'x.vhdx') }), /does not exist/);
    await assert.rejects(migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 'x.vhd') }), /must end in \.vhdx/);
  });

  it('refuses an empty file: qemu-img is told the format and never guesses', async () => {
    const bin = fakeQemuImg(dir);
    writeFileSync(vmdk, '');
    await assert.rejects(migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 'e.vhdx'), env: { PATH: bin } }), /is empty: it is not a Toolbox disk/);
  });

  it('refuses while the Toolbox VM runs (VBoxManage), and goes ahead when it is off', async () => {
    const bin = fakeQemuImg(dir);
    fakeVBoxManage(bin, 'running');
    await assert.rejects(
      migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 'r.vhdx'), env: { PATH: bin }, machine: 'dev' }),
      /The Toolbox VM dev is running: stop it first \(docker-machine stop dev\)/,
    );
    assert.ok(!existsSync(join(dir, 'args.json')), 'qemu-img was not run');
    fakeVBoxManage(bin, 'poweroff');
    await migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 'r.vhdx'), env: { PATH: bin }, machine: 'dev' });
    assert.ok(existsSync(join(dir, 'r.vhdx')));
  });

  it('checks free space before converting', async () => {
    const bin = fakeQemuImg(dir);
    await assert.rejects(migrateToolbox({ vmdkPath: vmdk, vhdxPath: join(dir, 's.vhdx'), env: { PATH: bin }, freeBytes: () => 3 }), /has 0\.0 GB free and the Toolbox disk holds/);
    assert.ok(!existsSync(join(dir, 'args.json')));
  });

  it('aborting (Ctrl-C) stops qemu-img and removes the partial file; the disk path never existed', async () => {
    const bin = fakeQemuImg(dir, { slow: true });
    const vhdx = join(dir, 'c.vhdx');
    const stop = new AbortController();
    const done = migrateToolbox({ vmdkPath: vmdk, vhdxPath: vhdx, env: { PATH: bin }, signal: stop.signal, onProgress: () => stop.abort() });
    await assert.rejects(done, (e: Error & { exitCode?: number }) => e.exitCode === 130 && /partial disk was removed/.test(e.message));
    assert.ok(!existsSync(partialPath(vhdx)));
    assert.ok(!existsSync(vhdx));
    assert.ok(!existsSync(partialPath(vhdx)));
  });

  it('reports qemu-img failure with its message and removes the partial disk', async () => {
    const bin = fakeQemuImg(dir, { fail: true });
    const vhdx = join(dir, 'y.vhdx');
    await assert.rejects(
      migrateToolbox({ vmdkPath: vmdk, vhdxPath: vhdx, env: { PATH: bin } }),
      (e: Error) => /exited with code 1/.test(e.message) && /Invalid footer/.test(e.message),
    );
    assert.ok(!existsSync(vhdx));
  });
});
