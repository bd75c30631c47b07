// --version, --help with examples for every command, shell completion, and the run log.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { logDirectory, redactArgv } from '../../src/cli/log.js';
import { CANARY_PASSWORD } from '../helpers.js';
import { FRESH, runPiped, TEST_LOG_DIR } from './run-cli.js';

const COMMANDS = ['install', 'uninstall', 'plan', 'doctor', 'snapshot', 'init', 'config show'];

describe('CLI help, version, completion and logs', function () {
  this.timeout(30_000);

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    const r = runPiped(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  it('--help lists every command, the exit codes, and exits 0', () => {
    const r = runPiped(['--help']);
    assert.equal(r.code, 0);
    for (const c of ['install', 'uninstall', 'plan', 'doctor', 'snapshot', 'init', 'config', 'completion']) assert.match(r.stdout, new RegExp(`mobykit ${c}\\b`));
    assert.match(r.stdout, /Exit codes: 0 [^]*130\s+interrupted/);
  });

  for (const c of COMMANDS) {
    it(`${c} --help has examples`, () => {
      const r = runPiped([...c.split(' '), '--help']);
      assert.equal(r.code, 0, r.output);
      assert.match(r.stdout, /Examples:\n\s+mobykit /);
    });
  }

  it('completion prints a completion script (bash here), and completes commands and flags', () => {
    const script = runPiped(['completion'], { env: { SHELL: '/bin/bash' } });
    assert.equal(script.code, 0);
    assert.match(script.stdout, /complete -o default -F _mobykit_completions mobykit/);
    const cmds = runPiped(['--get-yargs-completions', 'ins']);
    assert.match(cmds.stdout, /^install$/m);
    const flags = runPiped(['--get-yargs-completions', 'doctor', '--re']);
    assert.match(flags.stdout, /^--report$/m);
  });

  it('each run leaves a redacted log: command line, plan, each action, outcome; never the password', () => {
    const before = new Set(readdirSync(TEST_LOG_DIR));
    const r = runPiped(['install', '--simulate', FRESH, '--yes'], { env: { MOBYKIT_PASSWORD: CANARY_PASSWORD } });
    assert.equal(r.code, 0, r.output);
    const added = readdirSync(TEST_LOG_DIR).filter((f) => !before.has(f));
    assert.equal(added.length, 1, `one new log: ${added.join(', ')}`);
    assert.match(added[0], /^mobykit-\d{4}-\d\d-\d\dT[\d-]+Z-\d+\.log$/);
    const log = readFileSync(path.join(TEST_LOG_DIR, added[0]), 'utf8');
    assert.match(log, /command line: mobykit install --simulate examples\/fresh-win10-pro\.json --yes/);
    assert.match(log, /plan \(install, 11 actions\)/);
    assert.match(log, /action switch\.create: ok/);
    assert.match(log, /action kvp\.add: ok/);
    assert.match(log, /outcome: ok \(exit code 0\)/);
    assert.ok(!log.includes(CANARY_PASSWORD));
    assert.ok(!log.includes('\u001b'), 'no escape codes in the log');
  });

  it('the log folder: MOBYKIT_RUN_LOG_DIR, else %LOCALAPPDATA%\\mobykit\\logs, else XDG state', () => {
    assert.equal(logDirectory({ MOBYKIT_RUN_LOG_DIR: '/x' }, 'linux'), '/x');
    assert.equal(logDirectory({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32'), 'C:\\Users\\a\\AppData\\Local\\mobykit\\logs');
    assert.equal(logDirectory({ XDG_STATE_HOME: '/state' }, 'linux'), '/state/mobykit/logs');
    assert.match(logDirectory({}, 'linux'), /\.local\/state\/mobykit\/logs$/);
  });

  it('password-ish flag values are removed from the logged command line', () => {
    assert.deepEqual(redactArgv(['install', '--password', 'hunter2', '--password-stdin', 'x', '--share-secret=abc']), [
      'install',
      '--password',
      '***',
      '--password-stdin',
      'x',
      '--share-secret=***',
    ]);
  });
});
