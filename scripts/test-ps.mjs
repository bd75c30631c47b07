#!/usr/bin/env node
// Runs the Pester suite (test/ps) under the PowerShell and Pester that scripts/install-pwsh.sh put
// in .tools/. `npm run test:ps` fails when they are missing; `npm test` passes --if-available and
// skips the suite with a printed line instead, unless MOBYKIT_REQUIRE_PWSH=1 (CI sets it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PWSH = path.join(root, '.tools', 'pwsh', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
export const PESTER = path.join(root, '.tools', 'pester', 'pester', '5.7.1', 'tools', 'Pester.psd1');

function main() {
  const args = process.argv.slice(2);
  const ifAvailable = args.includes('--if-available');
  const paths = args.filter((a) => a !== '--if-available');
  const missing = [PWSH, PESTER].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    const what = `PowerShell/Pester not installed (${missing.map((f) => path.relative(root, f)).join(', ')} missing): run scripts/install-pwsh.sh`;
    if (ifAvailable && process.env.MOBYKIT_REQUIRE_PWSH !== '1') {
      console.log(`Pester suite SKIPPED: ${what}`);
      return 0;
    }
    console.error(`Pester suite cannot run: ${what}`);
    return 1;
  }
  const run = spawnSync(
    PWSH,
    ['-NoProfile', '-NonInteractive', '-File', path.join(root, 'test', 'ps', 'run.ps1'), '-PesterPath', PESTER, ...(paths.length ? ['-Path', paths.join(',')] : [])],
    { stdio: 'inherit', cwd: root, env: { ...process.env, MOBYKIT_PWSH: PWSH } },
  );
  if (run.error) {
    console.error(`Pester suite could not start ${PWSH}: ${run.error.message}`);
    return 1;
  }
  return run.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
