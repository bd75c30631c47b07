// Many hosts at once: doctor, install, uninstall and plan over every host of --computer-name /
// --inventory (PowerShell remoting, one local shell), or over every snapshot of a folder
// (doctor --from DIR, --simulate DIR). Each host on its own: its own configuration, plan,
// journal and rollback; a host that fails or cannot be reached is reported for that host and the
// others go on (--fail-fast stops the rest). One line per host as it finishes, then a table.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import type { RunContext } from '../cli/context.js';
import type { Config } from '../config/config.js';
import { UsageError } from '../errors.js';
import type { Finding } from '../doctor/finding.js';
import type { Host, Secrets } from '../host/host.js';
import type { Snapshot } from '../snapshot/types.js';
import type { JournalDoc } from '../state/journal.js';
import { plainText } from '../windows/text.js';
import type { Connection, FleetShell } from './remote.js';
import { readTargets, type Target } from './targets.js';

const FLEET_FORMAT_VERSION = 1;
const DEFAULT_THROTTLE = 16;
/** As long as one local PowerShell call may take (DEFAULT_TIMEOUT_MS). */
const DEFAULT_CALL_TIMEOUT_S = 120;

export function fleetOptions<T>(y: Argv<T>): Argv<T> {
  const group = 'Many hosts:';
  return y
    .option('computer-name', { type: 'string', array: true, requiresArg: true, group, describe: 'Hosts to act on over PowerShell remoting: A,B,... (NAME or NAME:PORT)' })
    .option('inventory', { type: 'string', requiresArg: true, group, describe: 'File of hosts: one a line (# comments), or JSON with per-host settings' })
    .option('throttle', { type: 'number', requiresArg: true, group, describe: `Hosts worked on at once [default: ${DEFAULT_THROTTLE}]` })
    .option('ssh', { type: 'boolean', group, describe: 'PowerShell over SSH instead of WinRM' })
    .option('ssh-user', { type: 'string', requiresArg: true, group, describe: 'SSH: the account to log in as' })
    .option('ssh-key', { type: 'string', requiresArg: true, group, describe: 'SSH: the private key file' })
    .option('ssh-known-hosts', { type: 'string', requiresArg: true, group, describe: "SSH: the known_hosts file to check hosts' keys against" })
    .option('credential-user', { type: 'string', requiresArg: true, group, describe: 'WinRM: connect as this user; the password is asked once, hidden' })
    .option('call-timeout', {
      type: 'number',
      requiresArg: true,
      group,
      describe: `Seconds one remote call may take before its host is reported hung [default: ${DEFAULT_CALL_TIMEOUT_S}]`,
    })
    .option('fail-fast', { type: 'boolean', group, describe: 'Stop every host once one fails' });
}

const isDir = (p: unknown) =>
  typeof p === 'string' &&
  (() => {
    try {
      return statSync(p).isDirectory();
    } catch {
      return false;
    }
  })();

/** Whether this run is for many hosts. */
export function isFleet(argv: Record<string, unknown>): boolean {
  return argv['computer-name'] !== undefined || argv.inventory !== undefined || isDir(argv.from) || isDir(argv.simulate);
}

type FleetCommand = 'doctor' | 'install' | 'uninstall' | 'plan';

interface HostReport {
  computerName: string;
  /** doctor: healthy | problems; install/uninstall/plan: the run's outcome; or unreachable | locked | failed | skipped | interrupted (not started). */
  outcome: string;
  findings: Finding[];
  plan: unknown[] | null;
  applied: string[] | null;
  error: string | null;
  /** Remote round trips (remoting only). */
  roundTrips?: number;
}

/** When every host stops after its current action: --fail-fast tripped or the run interrupted. */
interface Stop {
  signal: AbortSignal;
  tripped(): boolean;
}

/** Work on one host: it reports what happened, it never throws. */
interface Job {
  computerName: string;
  work(): Promise<HostReport>;
}

export async function fleet(command: FleetCommand, argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const throttle = argv.throttle === undefined ? DEFAULT_THROTTLE : Number(argv.throttle);
  if (!Number.isInteger(throttle) || throttle < 1 || throttle > 1024) throw new UsageError(`--throttle ${String(argv.throttle)}: give a whole number of hosts from 1 to 1024`);
  if (command !== 'doctor' && !argv.yes && !argv['dry-run'] && command !== 'plan') {
    throw new UsageError(`${command} on many hosts asks no host-by-host question: review with mobykit plan first, then re-run with --yes`);
  }
  const callTimeout = argv['call-timeout'] === undefined ? DEFAULT_CALL_TIMEOUT_S : Number(argv['call-timeout']);
  if (!Number.isInteger(callTimeout) || callTimeout < 1 || callTimeout > 86400) {
    throw new UsageError(`--call-timeout ${String(argv['call-timeout'])}: give whole seconds from 1 to 86400`);
  }
  // Every host stops after its current action once a host fails (--fail-fast) or the run is interrupted.
  const failFast = new AbortController();
  const stop: Stop = { signal: AbortSignal.any([failFast.signal, ctx.signal]), tripped: () => failFast.signal.aborted };
  const targets = readTargets(argv);
  let jobs: Job[];
  let cleanup = async () => {};
  if (targets.length) {
    if (argv.from || argv.simulate) throw new UsageError('--computer-name/--inventory act on real hosts: leave out --from and --simulate (or give a folder to them without hosts)');
    const opened = await remoteJobs(command, argv, targets, stop, callTimeout * 1000, ctx);
    jobs = opened.jobs;
    cleanup = opened.cleanup;
  } else {
    jobs = await folderJobs(command, argv, stop);
  }
  const json = ctx.view === 'json';
  let reports: HostReport[];
  // A change stops gracefully, as on one host: each host after its current action; a second Ctrl-C quits at once.
  const changes = command !== 'doctor' && command !== 'plan' && !argv['dry-run'];
  const release = changes ? ctx.interrupts.graceful('quit') : () => {};
  const announce = () => {
    process.stderr.write(`\nStopping each host after its current action (${String(ctx.signal.reason)} again to quit at once)...\n`);
  };
  if (changes) ctx.signal.addEventListener('abort', announce, { once: true });
  try {
    reports = await pool(jobs, throttle, async (job) => {
      if (ctx.signal.aborted) return blank(job.computerName, 'interrupted', 'not started: the run was interrupted');
      if (stop.tripped()) return blank(job.computerName, 'skipped', 'not started: another host failed (--fail-fast)');
      const r = await job.work();
      if (failed(r) && argv['fail-fast']) failFast.abort();
      if (!json) process.stderr.write(`${progressLine(r)}\n`);
      return r;
    });
  } finally {
    ctx.signal.removeEventListener('abort', announce);
    release();
    await cleanup();
  }
  const summary = summarize(reports);
  if (json) process.stdout.write(`${JSON.stringify({ formatVersion: FLEET_FORMAT_VERSION, command, hosts: reports, summary }, null, 2)}\n`);
  else process.stdout.write(table(reports, command));
  if (ctx.signal.aborted) return 130;
  return reports.some(failed) ? 1 : 0;
}

function failed(r: HostReport): boolean {
  return ['unreachable', 'locked', 'failed', 'blocked', 'unverified', 'cancelled', 'interrupted', 'skipped'].includes(r.outcome) || r.findings.some((f) => f.severity === 'error');
}

const blank = (computerName: string, outcome: string, error: string | null = null): HostReport => ({ computerName, outcome, findings: [], plan: null, applied: null, error });

/** Runs `work` over `items`, at most `limit` at a time, results in the items' order. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function loadConfigFor(argv: Record<string, unknown>, settings: Record<string, string>): Promise<Config> {
  const { loadConfigFromArgv } = await import('../cli/session.js');
  return loadConfigFromArgv({ ...argv, ...settings }).config;
}

/** doctor's findings for one snapshot, with install's advice weighed against the host's journal. */
async function diagnoseOne(computerName: string, snapshot: Snapshot, config: Config, journal: JournalDoc, argv: Record<string, unknown>): Promise<HostReport> {
  const [{ resolveDesired }, { diagnose }, { adviseInstall }] = await Promise.all([
    import('../config/desired.js'),
    import('../doctor/catalog.js'),
    import('../doctor/install-advice.js'),
  ]);
  const skip = ((argv.skip as string[] | undefined) ?? [])
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const desired = resolveDesired(config, snapshot);
  const diagnosis = diagnose({ snapshot, desired }, { skip });
  adviseInstall(diagnosis, snapshot, desired, journal);
  const errors = diagnosis.findings.some((f) => f.severity === 'error');
  return { computerName, outcome: errors ? 'problems' : 'healthy', findings: diagnosis.findings, plan: null, applied: null, error: null };
}

/** install / uninstall / plan on one host, through the engine as on a single host. */
async function changeOne(
  command: FleetCommand,
  computerName: string,
  host: Host,
  config: Config,
  argv: Record<string, unknown>,
  secrets: () => Promise<Secrets>,
  signal: AbortSignal,
): Promise<HostReport> {
  const { run } = await import('../engine/run.js');
  const engineCommand = command === 'plan' ? (argv.uninstall ? 'uninstall' : 'install') : (command as 'install' | 'uninstall');
  const result = await run(engineCommand, host, config, {
    dryRun: command === 'plan' || !!argv['dry-run'],
    adopt: !!argv.adopt,
    rollback: argv.rollback !== false,
    confirm: async () => true, // asked once for all hosts: --yes (see fleet())
    secrets,
    signal,
  });
  return {
    computerName,
    outcome: result.outcome,
    findings: result.findings,
    plan: result.plan.actions,
    applied: result.applied.map((a) => a.id),
    error: result.failed ? `${result.failed.action.id}: ${result.failed.error.message}` : null,
  };
}

/** The share password, asked once for every host that needs it. */
function onceSecrets(argv: Record<string, unknown>, rehearsal: boolean): () => Promise<Secrets> {
  let asked: Promise<Secrets> | undefined;
  return () =>
    (asked ??= (async () => {
      const [{ sharePassword, interactive }, { passwordFromEnv }] = await Promise.all([import('../cli/prompt.js'), import('../cli/env-password.js')]);
      const stdin = !!argv['password-stdin'];
      if (rehearsal && !stdin && !passwordFromEnv() && !interactive()) return { sharePassword: 'rehearsal-placeholder' };
      return { sharePassword: await sharePassword({ stdin, user: String(argv['share-user'] ?? 'the share user') }) };
    })());
}

const errorText = (e: unknown) => plainText(e instanceof Error ? e.message : String(e));

async function remoteJobs(
  command: FleetCommand,
  argv: Record<string, unknown>,
  targets: Target[],
  stop: Stop,
  callTimeoutMs: number,
  ctx: RunContext,
): Promise<{ jobs: Job[]; cleanup(): Promise<void> }> {
  const connection: Connection = {
    transport: argv.ssh ? 'SSH' : 'WinRM',
    ...(typeof argv['ssh-user'] === 'string' ? { userName: argv['ssh-user'] } : {}),
    ...(typeof argv['ssh-key'] === 'string' ? { keyFilePath: path.resolve(argv['ssh-key']) } : {}),
    ...(typeof argv['ssh-known-hosts'] === 'string' ? { knownHostsFile: path.resolve(argv['ssh-known-hosts']) } : {}),
  };
  if (typeof argv['credential-user'] === 'string') {
    if (argv.ssh) throw new UsageError('--credential-user is for WinRM; over SSH use --ssh-user and --ssh-key');
    const { hiddenPrompt, interactive } = await import('../cli/prompt.js');
    if (!interactive()) throw new UsageError('--credential-user asks for the password on a terminal, and there is none');
    connection.userName = argv['credential-user'];
    connection.password = await hiddenPrompt(`Password of ${plainText(argv['credential-user'])} (for PowerShell remoting): `);
  }
  // Every host's configuration is checked before anything connects.
  const configs = await Promise.all(targets.map((t) => loadConfigFor(argv, t.settings)));
  const [{ PowerShellHost }, { FleetShell, RemoteHost }] = await Promise.all([import('../host/powershell/host.js'), import('./remote.js')]);
  const local = await PowerShellHost.open({ config: configs[0], onCall: ctx.progress.hostCall });
  const shell: FleetShell = new FleetShell(local, connection, callTimeoutMs);
  const secrets = onceSecrets(argv, false);
  const jobs = targets.map((target, i): Job => ({
    computerName: target.computerName,
    async work() {
      let host: InstanceType<typeof RemoteHost> | undefined;
      try {
        try {
          host = new RemoteHost(shell, await shell.open(target), target, configs[i]);
        } catch (e) {
          return blank(target.computerName, 'unreachable', errorText(e));
        }
        let report: HostReport;
        if (command === 'doctor') {
          report = await diagnoseOne(target.computerName, await host.gather(), configs[i], await host.loadJournal(), argv);
        } else {
          // A change holds the host's own lock, as on the host itself: two runs never interleave on one host.
          const changes = command !== 'plan' && !argv['dry-run'];
          let release: (() => Promise<void>) | undefined;
          try {
            if (changes) release = await host.lock(command);
          } catch (e) {
            return { ...blank(target.computerName, 'locked', errorText(e)), roundTrips: shell.roundTrips.get(target.computerName) ?? 0 };
          }
          try {
            report = await changeOne(command, target.computerName, host, configs[i], argv, secrets, stop.signal);
          } finally {
            // A lock not released (its session broke) goes stale once the session's process is gone.
            await release?.().catch(() => undefined);
          }
        }
        return { ...report, roundTrips: shell.roundTrips.get(target.computerName) ?? 0 };
      } catch (e) {
        return { ...blank(target.computerName, 'failed', errorText(e)), roundTrips: shell.roundTrips.get(target.computerName) ?? 0 };
      } finally {
        await host?.dispose();
      }
    },
  }));
  return { jobs, cleanup: () => local.dispose() };
}

/** The `<host>.json` snapshots of a folder, by host name. */
function snapshotFiles(dir: string, flag: string): { name: string; file: string }[] {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.json'))
    .sort();
  if (!files.length) throw new UsageError(`${flag} ${dir}: the folder holds no <host>.json snapshot`);
  return files.map((f) => ({ name: f.slice(0, -'.json'.length), file: path.join(dir, f) }));
}

async function folderJobs(command: FleetCommand, argv: Record<string, unknown>, stop: Stop): Promise<Job[]> {
  const { readSnapshotFile } = await import('../snapshot/validate.js');
  if (command === 'doctor') {
    if (!isDir(argv.from)) throw new UsageError('doctor on many hosts: give --computer-name, --inventory or --from FOLDER');
    const [{ configForSnapshot }, { parseJournal, emptyJournal }] = await Promise.all([import('../cli/commands/doctor.js'), import('../state/journal.js')]);
    return snapshotFiles(String(argv.from), '--from').map(({ name, file }): Job => ({
      computerName: name,
      async work() {
        try {
          const snapshot = readSnapshotFile(file);
          const stored = (snapshot as Snapshot & { mobykit?: { journal?: unknown } }).mobykit?.journal;
          const journal = stored === undefined ? emptyJournal() : parseJournal(stored, `in ${file} ($.mobykit.journal)`);
          return await diagnoseOne(name, snapshot, configForSnapshot(argv, snapshot).config, journal, argv);
        } catch (e) {
          return blank(name, 'failed', errorText(e));
        }
      },
    }));
  }
  if (!isDir(argv.simulate)) throw new UsageError(`${command} on many hosts: give --computer-name, --inventory or --simulate FOLDER`);
  const out = argv['simulate-out'] as string | undefined;
  if (out && !isDir(out)) throw new UsageError(`--simulate-out ${out}: with --simulate FOLDER, give an existing folder (one <host>.json is written per host)`);
  const files = snapshotFiles(String(argv.simulate), '--simulate');
  const failures = new Map<string, string[]>();
  for (const spec of ((argv['simulate-fail'] as string[] | undefined) ?? []).flatMap((s) => String(s).split(','))) {
    const m = /^(.+):([^:]+)$/.exec(spec.trim());
    if (!m || !files.some((f) => f.name === m[1])) {
      throw new UsageError(`--simulate-fail ${JSON.stringify(spec)}: give HOST:ACTION_ID, HOST one of ${files.map((f) => f.name).join(', ')}`);
    }
    failures.set(m[1], [...(failures.get(m[1]) ?? []), m[2]]);
  }
  const { SimulatedHost } = await import('../host/simulated/host.js');
  const secrets = onceSecrets(argv, true);
  const config = await loadConfigFor(argv, {});
  return files.map(({ name, file }): Job => ({
    computerName: name,
    async work() {
      let host: InstanceType<typeof SimulatedHost> | undefined;
      try {
        host = new SimulatedHost(readSnapshotFile(file), { failActions: failures.get(name) ?? [] });
        return await changeOne(command, name, host, config, argv, secrets, stop.signal);
      } catch (e) {
        return blank(name, 'failed', errorText(e));
      } finally {
        if (host && out) writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify(host.current(), null, 2)}\n`);
        await host?.dispose();
      }
    },
  }));
}

function counts(r: HostReport): { errors: number; warnings: number } {
  return { errors: r.findings.filter((f) => f.severity === 'error').length, warnings: r.findings.filter((f) => f.severity === 'warning').length };
}

function summarize(reports: HostReport[]): Record<string, number> {
  const byOutcome: Record<string, number> = { hosts: reports.length, failed: reports.filter(failed).length };
  for (const r of reports) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  return byOutcome;
}

function detail(r: HostReport): string {
  if (r.error) return r.error;
  const { errors, warnings } = counts(r);
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (r.plan) parts.push(`${r.applied?.length ?? 0}/${r.plan.length} actions applied`);
  return parts.join(', ');
}

function progressLine(r: HostReport): string {
  return `${plainText(r.computerName)}: ${r.outcome} (${plainText(detail(r)).slice(0, 200)})`;
}

function table(reports: HostReport[], command: FleetCommand): string {
  const rows = [
    ['HOST', 'OUTCOME', 'ERRORS', 'WARNINGS', command === 'doctor' ? 'DETAIL' : 'APPLIED', 'ROUND TRIPS'],
    ...reports.map((r) => {
      const { errors, warnings } = counts(r);
      return [
        plainText(r.computerName),
        r.outcome,
        String(errors),
        String(warnings),
        command === 'doctor'
          ? plainText(
              r.error ??
                r.findings
                  .filter((f) => f.severity === 'error')
                  .map((f) => f.id)
                  .join(', '),
            ).slice(0, 100)
          : `${r.applied?.length ?? 0}/${r.plan?.length ?? 0}${r.error ? ` ${plainText(r.error).slice(0, 60)}` : ''}`,
        r.roundTrips === undefined ? '-' : String(r.roundTrips),
      ];
    }),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const lines = rows.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
  const s = summarize(reports);
  return `${lines.join('\n')}\n\n${s.hosts} host${s.hosts === 1 ? '' : 's'}, ${s.failed} failed or with errors\n`;
}
