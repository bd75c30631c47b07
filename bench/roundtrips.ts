// PowerShell round trips per command, through the real PowerShellHost, node-powershell and a
// child shell (the stand-in test/transport/fake-pwsh.mjs answering from the simulated host).
// Every gather() and apply() is exactly one `Invoke-MobyKitCall` line; start-up is one more.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../src/config/config.js';
import type { Host } from '../src/host/host.js';
import { PowerShellHost } from '../src/host/powershell/host.js';

export interface RoundTripCounts {
  gather: number;
  apply: number;
  total: number;
}

/** Wraps any host so the calls that would be PowerShell round trips are counted. */
export function countingHost(inner: Host): { host: Host; counts: () => RoundTripCounts } {
  let gather = 0;
  let apply = 0;
  const host: Host = {
    get kind() {
      return inner.kind;
    },
    gather: () => {
      gather++;
      return inner.gather();
    },
    apply: (action, secrets) => {
      apply++;
      return inner.apply(action, secrets);
    },
    loadJournal: () => inner.loadJournal(),
    saveJournal: (entries) => inner.saveJournal(entries),
    dispose: () => inner.dispose(),
  };
  return { host, counts: () => ({ gather, apply, total: gather + apply }) };
}

/** A command to measure: gets a host, does what the command does with it. */
export type Scenario = (host: Host) => Promise<void>;

/** doctor: one read-only gather. */
export const doctorScenario: Scenario = async (host) => {
  await host.gather();
};

/**
 * Runs each scenario against a fresh stand-in shell and reports its round trips and time.
 * Needs a POSIX system (the stand-in is started through a /bin/sh wrapper) and the built JS.
 */
export async function benchRoundTrips(
  scenarios: Record<string, Scenario> = { doctor: doctorScenario },
  snapshotFile = path.resolve('examples/fresh-win10-pro.json'),
): Promise<string> {
  if (process.platform === 'win32') return 'round trips: skipped (the stand-in shell needs a POSIX system)';
  const distRoot = fileURLToPath(new URL('../', import.meta.url));
  const fake = path.resolve('test/transport/fake-pwsh.mjs');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mobykit-bench-'));
  const saved = { ...process.env };
  const lines: string[] = [];
  try {
    const wrapper = path.join(dir, 'pwsh');
    writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${fake}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    const modulePath = path.join(dir, 'ps1', 'MobyKit.psd1');
    mkdirSync(path.dirname(modulePath));
    writeFileSync(modulePath, '@{}\n');
    for (const [name, scenario] of Object.entries(scenarios)) {
      Object.assign(process.env, {
        NODE_POWERSHELL: wrapper,
        MOBYKIT_FAKE_DIST: distRoot,
        MOBYKIT_FAKE_SNAPSHOT: snapshotFile,
        MOBYKIT_FAKE_STATE: path.join(dir, `${name}.state.json`),
      });
      const started = performance.now();
      const ps = await PowerShellHost.open({ config: defaultConfig(), modulePath, stateDir: path.join(dir, name) });
      const opened = performance.now();
      const { host, counts } = countingHost(ps);
      try {
        await scenario(host);
      } finally {
        await host.dispose();
      }
      const done = performance.now();
      const c = counts();
      lines.push(
        `${name}: ${ps.roundTrips} PowerShell round trip${ps.roundTrips === 1 ? '' : 's'} ` +
          `(${c.gather} gather, ${c.apply} apply) + 1 start-up; start-up ${(opened - started).toFixed(0)} ms, ` +
          `calls ${(done - opened).toFixed(0)} ms`,
      );
    }
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}
