// The real PowerShell that scripts/install-pwsh.sh puts in .tools/ (as npm run test:ps uses).
// Tests that need it skip with a reason when it is absent, unless MOBYKIT_REQUIRE_PWSH=1 (CI),
// where its absence is a failure.
import { existsSync } from 'node:fs';
import path from 'node:path';

// .tools/bin/pwsh execs PowerShell itself (the tool's shim would start it as a child a kill orphans).
export const REAL_PWSH = path.join(process.cwd(), '.tools', process.platform === 'win32' ? 'pwsh' : 'bin', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');

/** The pwsh path, or skips the calling test (fails it under MOBYKIT_REQUIRE_PWSH=1). */
export function realPwsh(ctx: Mocha.Context): string {
  if (existsSync(REAL_PWSH)) return REAL_PWSH;
  if (process.env.MOBYKIT_REQUIRE_PWSH === '1') throw new Error(`${REAL_PWSH} is missing: run scripts/install-pwsh.sh`);
  ctx.skip();
  return '';
}
