// What every command starts from: the configuration and the host it acts on.
import { writeFileSync } from 'node:fs';
import { findConfigFile, loadConfig, type LoadedConfig } from '../config/config.js';
import { UsageError } from '../errors.js';
import type { Host } from '../host/host.js';
import type { RunContext } from './context.js';
import { AnnouncedHost } from './progress.js';
import { hostStateDir, legacyJournalDir } from '../state/paths.js';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { psString } from '../windows/powershell.js';

export interface Session {
  loaded: LoadedConfig;
  host: Host;
  /** The lock file that keeps two runs from changing this host at once. */
  lockPath: string;
  finish(): Promise<void>;
}

export function loadConfigFromArgv(argv: Record<string, unknown>): LoadedConfig {
  const found = findConfigFile(argv.config as string | undefined, process.env);
  return loadConfig({ flags: argv, env: process.env, configFile: found?.file, found: found?.found });
}

export async function openSession(argv: Record<string, unknown>, ctx: RunContext): Promise<Session> {
  const loaded = loadConfigFromArgv(argv);
  const simulate = argv.simulate as string | undefined;
  const simulateOut = argv['simulate-out'] as string | undefined;
  const fail = (argv['simulate-fail'] as string[] | undefined) ?? [];
  if (!simulate && (simulateOut || fail.length)) {
    throw new UsageError(`${simulateOut ? '--simulate-out' : '--simulate-fail'} needs --simulate SNAPSHOT`, { help: true });
  }
  if (simulate) {
    const [{ readSnapshotFile }, { SimulatedHost }] = await Promise.all([import('../snapshot/validate.js'), import('../host/simulated/host.js')]);
    const simulated = new SimulatedHost(readSnapshotFile(simulate), { failActions: fail });
    const key = createHash('sha256').update(resolve(simulate)).digest('hex').slice(0, 16);
    return {
      loaded,
      host: new AnnouncedHost(simulated, ctx.progress),
      lockPath: join(hostStateDir(), `simulated-${key}.lock`),
      async finish() {
        if (simulateOut) writeFileSync(simulateOut, `${JSON.stringify(simulated.current(), null, 2)}\n`);
        await simulated.dispose();
      },
    };
  }
  // MOBYKIT_HOST=powershell drives PowerShell on any OS: for the transport tests' stand-in shell.
  if (process.platform !== 'win32' && process.env.MOBYKIT_HOST !== 'powershell') {
    // The example ships in the package: named by its full path, it works from any folder; the command is the one being run.
    const example = fileURLToPath(new URL('../../../examples/fresh-win10-pro.json', import.meta.url));
    const command = String((argv._ as unknown[] | undefined)?.[0] ?? 'install');
    throw new UsageError(
      'The real host needs Windows 10/11 Pro, Enterprise or Server with Hyper-V, and this is ' +
        `${process.platform}. To rehearse here: mobykit ${command} --simulate ${psString(example)}`,
    );
  }
  const { PowerShellHost } = await import('../host/powershell/host.js');
  const opened = await ctx.progress.activity('Starting PowerShell', () =>
    PowerShellHost.open({ config: loaded.config, onCall: ctx.progress.hostCall, stateDir: hostStateDir(), legacyStateDir: legacyJournalDir() }),
  );
  const host = new AnnouncedHost(opened, ctx.progress);
  return { loaded, host, lockPath: join(hostStateDir(), 'host.lock'), finish: () => host.dispose() };
}
