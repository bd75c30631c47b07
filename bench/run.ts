// npm run bench: speed and round-trip targets, measured and printed (never timed tests).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../src/config/config.js';
import { run } from '../src/engine/run.js';
import { SimulatedHost } from '../src/host/simulated/host.js';
import type { Snapshot } from '../src/snapshot/types.js';
import { benchDoctor } from './doctor.js';
import { benchFleet } from './fleet.js';
import { benchRoundTrips, doctorScenario, type Scenario } from './roundtrips.js';
import { benchStartup } from './startup.js';
import { benchRealPwsh } from './realpwsh.js';

const secrets = async () => ({ sharePassword: 'bench-password' });

async function roundTrips(): Promise<string> {
  const fresh = path.resolve('examples/fresh-win10-pro.json');
  const planned = await run('install', new SimulatedHost(JSON.parse(readFileSync(fresh, 'utf8')) as Snapshot), defaultConfig(), { dryRun: true });
  const converged = new SimulatedHost(planned.plan.predicted);
  const convergedFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'mobykit-bench-')), 'converged.json');
  writeFileSync(convergedFile, JSON.stringify(converged.current()));
  const install: Scenario = async (host) => {
    await run('install', host, defaultConfig(), { secrets });
  };
  const actions = planned.plan.actions.length;
  return [
    `targets: doctor = 1, install on a converged host = 1, fresh install <= ${actions} actions + 2 = ${actions + 2}`,
    await benchRoundTrips({ doctor: doctorScenario, 'install (fresh host)': install }, fresh),
    await benchRoundTrips({ 'install (converged host)': install }, convergedFile),
  ].join('\n');
}

for (const [title, bench] of [
  ['doctor', benchDoctor],
  ['PowerShell round trips', roundTrips],
  ['start-up', benchStartup],
  ['real PowerShell 7.6.9 (.tools/)', benchRealPwsh],
  ['fleet: doctor over many hosts (PowerShell remoting over SSH)', benchFleet],
] as const) {
  console.log(`== ${title}`);
  console.log(await bench());
}
