// Completion as each shell runs it: commands, a command's flags, and check ids after --skip.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAIN, runPiped, userEnv } from './run-cli.js';

const PWSH = [process.env.MOBYKIT_PWSH, '/tmp/pwshtest/tools/pwsh'].find((p) => p && existsSync(p));

/** A `mobykit` on PATH, as npm installs it. */
function onPath(): string {
  const bin = mkdtempSync(path.join(tmpdir(), 'mobykit-bin-'));
  const exe = path.join(bin, 'mobykit');
  writeFileSync(exe, `#!/bin/sh\nexec '${process.execPath}' '${MAIN}' "$@"\n`);
  chmodSync(exe, 0o755);
  return bin;
}

const complete = (...words: string[]) =>
  runPiped(['--get-yargs-completions', 'mobykit', ...words])
    .stdout.split('\n')
    .filter(Boolean);

describe('shell completion', function () {
  this.timeout(60_000);

  it("completes commands, a command's own flags, and check ids after --skip", () => {
    assert.deepEqual(complete('sta'), ['status', 'start']);
    assert.ok(complete('install', '--').includes('--keep-disk') === false);
    assert.ok(complete('uninstall', '--').includes('--keep-disk'));
    assert.ok(!complete('doctor', '--').includes('--simulate-fail'), 'no rehearsal failures on doctor');
    assert.ok(!complete('doctor', '--').includes('--yes'));
    assert.ok(complete('doctor', '--skip', 'vm.').includes('vm.state'));
    assert.ok(complete('doctor', '--skip', 'vm.').every((id) => id.startsWith('vm.')));
  });

  it('completion --help is help, and each shell has a script', () => {
    assert.match(runPiped(['completion', '--help']).stdout, /--shell/);
    assert.match(runPiped(['completion', '--shell', 'powershell']).stdout, /Register-ArgumentCompleter -Native -CommandName mobykit/);
    assert.match(runPiped(['completion', '--shell', 'bash']).stdout, /complete -o default -F _mobykit_completions mobykit/);
    assert.match(runPiped(['completion', '--shell', 'zsh']).stdout, /compdef _mobykit mobykit/);
  });

  it('bash: the script completes check ids', () => {
    const bin = onPath();
    const script = runPiped(['completion', '--shell', 'bash']).stdout;
    const r = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(mobykit doctor --skip vm.st); COMP_CWORD=3; _mobykit_completions; printf '%s\\n' "\${COMPREPLY[@]}"`], {
      env: userEnv({ PATH: `${bin}:${process.env.PATH}` }),
      encoding: 'utf8',
    });
    assert.deepEqual(r.stdout.split('\n').filter(Boolean).sort(), ['vm.state']);
  });

  it('PowerShell: Register-ArgumentCompleter completes commands and check ids (TabExpansion2)', function () {
    if (!PWSH) this.skip();
    const bin = onPath();
    const script = runPiped(['completion', '--shell', 'powershell']).stdout;
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-pscomp-'));
    const file = path.join(dir, 'test.ps1');
    writeFileSync(
      file,
      `${script}
foreach ($line in @('mobykit sta', 'mobykit doctor --skip vm.st', 'mobykit uninstall --keep')) {
    $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
    ($line + ' => ' + (($r.CompletionMatches | ForEach-Object { $_.CompletionText }) -join ','))
}
`,
    );
    const r = spawnSync(PWSH!, ['-NoProfile', '-NonInteractive', '-File', file], { env: userEnv({ PATH: `${bin}:${process.env.PATH}` }), encoding: 'utf8', timeout: 50_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^mobykit sta => status,start$/m);
    assert.match(r.stdout, /^mobykit doctor --skip vm\.st => vm\.state$/m);
    assert.match(r.stdout, /^mobykit uninstall --keep => --keep-disk$/m);
  });
});
