// Every command's --json is one document with formatVersion and command; so is an error.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRESH, runPiped } from './run-cli.js';

const doc = (args: string[], opts: { cwd?: string } = {}) => {
  const r = runPiped([...args, '--json'], opts);
  return { code: r.code, body: JSON.parse(r.stdout) as Record<string, unknown> & { formatVersion: number; command?: string } };
};

describe('--json everywhere', function () {
  this.timeout(60_000);

  it('install, plan, status, docker-env, config show, init, logs and doctor --list each give one versioned document', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-json-'));
    writeFileSync(path.join(dir, 'log.txt'), 'a\nb\n');
    const cases: [string[], string][] = [
      [['plan', '--simulate', path.resolve(FRESH)], 'install'],
      [['status', '--simulate', path.resolve(FRESH)], 'status'],
      [['docker-env'], 'docker-env'],
      [['config', 'show'], 'config show'],
      [['init', '--output', path.join(dir, 'team.json')], 'init'],
      [['logs', '--dir', dir], 'logs'],
      [['doctor', '--list'], 'doctor --list'],
    ];
    for (const [args, command] of cases) {
      const { body } = doc(args, { cwd: dir });
      assert.equal(body.formatVersion, 1, args.join(' '));
      assert.equal(body.command, command, args.join(' '));
    }
    const checks = doc(['doctor', '--list']).body.checks as { id: string }[];
    assert.ok(checks.some((c) => c.id === 'vm.state'));
    const init = doc(['init', '--output', path.join(dir, 'mobykit.config.json')], { cwd: dir }).body;
    assert.equal(init.foundInThisFolder, true);
  });

  it('init --output - with --json is refused: the file itself is the output', () => {
    const r = runPiped(['init', '--output', '-', '--json']);
    assert.equal(r.code, 2);
    assert.deepEqual(Object.keys(JSON.parse(r.stdout)), ['formatVersion', 'error']);
  });
});
