// Ctrl-C during a change on many hosts: the run's one handler stops the fleet as it stops one
// host. Hosts not started are not started; the table says so; the exit code is 130.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const MAIN = path.join(process.cwd(), 'dist/src/cli/main.js');

describe('fleet: Ctrl-C during install on many hosts', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'mobykit-fleet-int-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('stops after the host at work: the others are reported interrupted and left as they were; exit 130', () => {
    const dir = path.join(root, 'hosts');
    const out = path.join(root, 'out');
    const state = path.join(root, 'state');
    mkdirSync(dir);
    mkdirSync(out);
    for (const name of ['a', 'b', 'c']) copyFileSync(path.join('examples', 'fresh-win10-pro.json'), path.join(dir, `${name}.json`));
    // Ctrl-C as the first host's line is printed (one host at a time: --throttle 1). The rehearsal never
    // waits on I/O, so a real signal would only be seen at the end: the probe calls the listeners as the signal would.
    const probe = path.join(root, 'probe.mjs');
    writeFileSync(
      probe,
      'const write = process.stderr.write.bind(process.stderr);\n' +
        'let sent = false;\n' +
        'process.stderr.write = (chunk, ...rest) => { const r = write(chunk, ...rest); ' +
        "if (!sent && /^a: /m.test(String(chunk))) { sent = true; process.emit('SIGINT', 'SIGINT'); } return r; };\n",
    );
    const r = spawnSync(process.execPath, ['--import', probe, MAIN, 'install', '--simulate', dir, '--simulate-out', out, '--yes', '--throttle', '1'], {
      env: { ...process.env, MOBYKIT_STATE_DIR: state, MOBYKIT_RUN_LOG_DIR: state, NO_COLOR: '1' },
      encoding: 'utf8',
      input: '',
    });
    assert.equal(r.status, 130, r.stderr);
    assert.match(r.stderr, /Stopping each host after its current action \(SIGINT again to quit at once\)/);
    assert.deepEqual(
      r.stdout
        .split('\n')
        .filter((l) => /^[abc] /.test(l))
        .map((l) => l.split(/\s+/).slice(0, 2)),
      [
        ['a', 'done'],
        ['b', 'interrupted'],
        ['c', 'interrupted'],
      ],
      r.stdout,
    );
    assert.deepEqual(readdirSync(out), ['a.json'], 'only the host at work was changed');
  });
});
