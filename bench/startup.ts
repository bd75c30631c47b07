// Cold start of the CLI as a ratio to `node -e 0` measured in the same run (median of several
// runs of each), so the targets hold on a slow CI machine as on a fast laptop:
// `mobykit --version` <= 1.5x, `mobykit --help` <= 2.5x.
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));

const STARTUP_TARGETS = { version: 1.5, help: 2.5 } as const;

function timeOnce(args: string[]): number {
  const began = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - began) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface StartupResult {
  baselineMs: number;
  versionMs: number;
  helpMs: number;
  versionRatio: number;
  helpRatio: number;
  ok: boolean;
}

/** Interleaves the three commands so that machine noise hits them alike. */
function measureStartup(runs = 11): StartupResult {
  const cases = { baseline: ['-e', '0'], version: [MAIN, '--version'], help: [MAIN, '--help'] };
  const times: Record<keyof typeof cases, number[]> = { baseline: [], version: [], help: [] };
  for (const k of Object.keys(cases) as (keyof typeof cases)[]) timeOnce(cases[k]); // warm the file cache
  for (let i = 0; i < runs; i++) {
    for (const k of Object.keys(cases) as (keyof typeof cases)[]) times[k].push(timeOnce(cases[k]));
  }
  const baselineMs = median(times.baseline);
  const versionMs = median(times.version);
  const helpMs = median(times.help);
  const versionRatio = versionMs / baselineMs;
  const helpRatio = helpMs / baselineMs;
  return { baselineMs, versionMs, helpMs, versionRatio, helpRatio, ok: versionRatio <= STARTUP_TARGETS.version && helpRatio <= STARTUP_TARGETS.help };
}

export async function benchStartup(): Promise<string> {
  const r = measureStartup();
  const line = (name: string, ms: number, ratio: number, target: number) =>
    `  ${name.padEnd(18)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x node -e 0  (target <= ${target}x)  ${ratio <= target ? 'ok' : 'OVER'}`;
  return [
    `startup (median of 11 cold starts; node -e 0: ${r.baselineMs.toFixed(1)} ms)`,
    line('mobykit --version', r.versionMs, r.versionRatio, STARTUP_TARGETS.version),
    line('mobykit --help', r.helpMs, r.helpRatio, STARTUP_TARGETS.help),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${await benchStartup()}\n`);
}
