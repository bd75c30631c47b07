import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeQemuImg } from '../migrate/fake-qemu-img.js';
import { runPiped } from './run-cli.js';

describe('mobykit logs and migrate-toolbox', () => {
  it('logs prints the newest log of the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mobykit-logs-cli-'));
    writeFileSync(join(dir, 'old.log'), 'old lines\n');
    utimesSync(join(dir, 'old.log'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    writeFileSync(join(dir, 'log.txt'), 'vpnkit started\nMoby booted\n');
    const r = runPiped(['logs', '--dir', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'vpnkit started\nMoby booted\n');
  });

  it('logs says where it looked when there is nothing, exit 1', () => {
    const r = runPiped(['logs', '--dir', mkdtempSync(join(tmpdir(), 'mobykit-nologs-'))]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no \.log or \.txt file in/);
  });

  it('migrate-toolbox converts with qemu-img and never overwrites a disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mobykit-migrate-cli-'));
    const bin = fakeQemuImg(dir);
    const vmdk = join(dir, 'disk.vmdk');
    writeFileSync(vmdk, 'toolbox images');
    const vhdx = join(dir, 'MobyLinuxVM.vhdx');
    // Its own state folder: the host lock of another mobykit run on this machine is not in the way.
    const env = { PATH: `${bin}:${process.env.PATH}`, MOBYKIT_STATE_DIR: join(dir, 'state') };
    const r = runPiped(['migrate-toolbox', '--vmdk', vmdk, '--to', vhdx], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(vhdx, 'utf8'), 'VHDX:toolbox images');
    assert.match(r.stderr, /100%/);
    assert.match(r.stdout, /mobykit install --adopt/);
    const again = runPiped(['migrate-toolbox', '--vmdk', vmdk, '--to', vhdx], { env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists; mobykit never overwrites a disk/);
    assert.ok(existsSync(vhdx));
    // --json: one versioned document on stdout, progress kept off it; an error is the error document.
    const other = join(dir, 'Other.vhdx');
    const json = runPiped(['migrate-toolbox', '--vmdk', vmdk, '--to', other, '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const doc = JSON.parse(json.stdout) as { formatVersion: number; command: string; next: string };
    assert.equal(doc.command, 'migrate-toolbox');
    assert.equal(typeof doc.formatVersion, 'number');
    assert.equal(doc.next, 'mobykit install --adopt');
    const refused = runPiped(['migrate-toolbox', '--vmdk', vmdk, '--to', other, '--json'], { env });
    assert.equal(refused.code, 1);
    assert.match((JSON.parse(refused.stdout) as { error: { message: string } }).error.message, /never overwrites a disk/);
  });
});
