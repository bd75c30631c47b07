// doctor over N hosts through real PowerShell remoting over SSH on loopback (one sshd per host,
// test/fleet/sshd.ts): the wall time of the whole run as a ratio to a one-host run in the same
// bench, and each host's remote round trips. Target: <= 2x for 20 hosts (parallel, not 20x).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REAL_PWSH } from '../test/real-pwsh.js';
import { fleetUnavailable, startFleet, type TestFleet } from '../test/fleet/sshd.js';

const MAIN = path.resolve('dist/src/cli/main.js');

interface Timed {
  ms: number;
  hosts: { computerName: string; outcome: string; error: string | null; roundTrips?: number }[];
}

function doctor(fleet: TestFleet, names: string[], state: string): Promise<Timed> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      MAIN,
      'doctor',
      '--computer-name',
      names.join(','),
      '--throttle',
      String(names.length),
      '--ssh',
      '--ssh-user',
      'root',
      '--ssh-key',
      fleet.key,
      '--ssh-known-hosts',
      fleet.knownHosts,
      '--json',
    ],
    {
      env: { ...process.env, NODE_POWERSHELL: REAL_PWSH, MOBYKIT_STATE_DIR: state, MOBYKIT_RUN_LOG_DIR: state },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
  });
  return new Promise((resolve, reject) =>
    child.once('close', () => {
      try {
        resolve({ ms: performance.now() - started, hosts: (JSON.parse(out) as Timed).hosts });
      } catch (e) {
        reject(new Error(`doctor gave no JSON: ${(e as Error).message}`));
      }
    }),
  );
}

export async function benchFleet(n = Number(process.env.MOBYKIT_BENCH_HOSTS ?? 20)): Promise<string> {
  const why = fleetUnavailable(REAL_PWSH);
  if (why) return `skipped: ${why}`;
  const fleet = await startFleet(
    REAL_PWSH,
    Array.from({ length: n }, () => path.resolve('examples/fresh-win10-pro.json')),
  );
  const state = mkdtempSync(path.join(os.tmpdir(), 'mobykit-bench-fleet-'));
  try {
    const one = await doctor(fleet, fleet.names().slice(0, 1), state);
    if (one.hosts[0]?.error) return `the one-host run failed, no ratio: ${one.hosts[0].computerName}: ${one.hosts[0].error}`;
    const all = await doctor(fleet, fleet.names(), state);
    const failed = all.hosts.filter((h) => !['healthy', 'problems'].includes(h.outcome));
    return [
      `doctor, 1 host:   ${(one.ms / 1000).toFixed(1)} s (whole CLI run: node, the local pwsh, the SSH session, module delivery, gather, close)`,
      `doctor, ${n} hosts: ${(all.ms / 1000).toFixed(1)} s = ${(all.ms / one.ms).toFixed(2)}x one host (target <= 2x)${failed.length ? `; ${failed.length} hosts failed: ${failed.map((h) => `${h.computerName} ${h.outcome}: ${h.error}`).join('; ')}` : ''}`,
      `remote round trips per host: ${all.hosts.map((h) => `${h.computerName}=${h.roundTrips ?? '?'}`).join(' ')}`,
      // Every host is an sshd and a pwsh on this machine: their start-up shares its cores.
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end`,
    ].join('\n');
  } finally {
    await fleet.stop();
    rmSync(state, { recursive: true, force: true });
  }
}
