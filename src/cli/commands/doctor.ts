// doctor: every check against one snapshot, each problem with its evidence and exact fix, then
// what passed, was skipped or could not be checked; --report FILE also writes them as a
// self-contained HTML page (or Markdown for FILE.md).
import { loadConfig, type LoadedConfig } from '../../config/config.js';
import { resolveDesired } from '../../config/desired.js';
import { CHECKS, diagnose, findingsExitCode } from '../../doctor/catalog.js';
import { adviseInstall } from '../../doctor/install-advice.js';
import { withJournaledDisk } from '../../engine/run.js';
import { UsageError } from '../../errors.js';
import { emptyJournal, parseJournal, type JournalDoc } from '../../state/journal.js';
import type { GatheredFor, Snapshot } from '../../snapshot/types.js';
import { readSnapshotFile } from '../../snapshot/validate.js';
import { printJson } from '../json.js';
import { doctorJson, renderDiagnosis } from '../doctor-view.js';
import type { RunContext } from '../context.js';
import { loadConfigFromArgv, openSession } from '../session.js';
import { version } from '../version.js';

/** The settings a snapshot's gatheredFor stands for, as flags, by setting key. */
function scopeSettings(g: GatheredFor): Record<string, [flag: string, value: unknown]> {
  return {
    'switch.name': ['switch-name', g.switchName],
    'nat.name': ['nat-name', g.natName],
    'network.subnet': ['subnet', g.subnet],
    'network.hostAddress': ['host-address', g.hostAddress],
    'ports.tcp': ['tcp-ports', g.tcpPorts.join(',')],
    'ports.udp': ['udp-ports', g.udpPorts.join(',')],
    'vm.name': ['vm-name', g.vmName],
    'kvp.itemName': ['kvp-item', g.kvpItem],
    'share.name': ['share-name', g.shareName],
    'share.user': ['share-user', g.shareUser],
    'credential.target': ['credential-target', g.credentialTarget],
    // firewallRules holds the proxy rules then the SMB rule, in the order install names them.
    ...(g.firewallRules.length === 3
      ? {
          'firewall.tcpRuleName': ['firewall-tcp-rule', g.firewallRules[0]],
          'firewall.udpRuleName': ['firewall-udp-rule', g.firewallRules[1]],
          'firewall.smbRuleName': ['firewall-smb-rule', g.firewallRules[2]],
        }
      : {}),
  };
}

/**
 * The configuration for a snapshot read from a file: what it was gathered for, wherever the
 * user gave nothing (no flag, variable or file value). What the user did give wins, and
 * snapshot.scope then says where it differs from what was gathered.
 */
export function configForSnapshot(argv: Record<string, unknown>, snapshot: Snapshot): LoadedConfig {
  const loaded = loadConfigFromArgv(argv);
  const g = snapshot.gatheredFor;
  if (!g) return loaded;
  const fromScope: Record<string, unknown> = {};
  for (const [key, [flag, value]] of Object.entries(scopeSettings(g))) {
    if (loaded.sources[key] === 'default') fromScope[flag] = value;
  }
  if (!Object.keys(fromScope).length) return loaded;
  try {
    return loadConfig({ flags: { ...argv, ...fromScope }, env: process.env, configFile: argv.config as string | undefined });
  } catch (e) {
    // A snapshot can hold anything: a scope that is no valid configuration is not used (snapshot.scope then says where it differs).
    if (e instanceof UsageError) return loaded;
    throw e;
  }
}

export async function doctor(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  if (argv.list) {
    const width = Math.max(...CHECKS.map((c) => c.id.length));
    const rows = CHECKS.map((c) => `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.title}`);
    if (ctx.view === 'json')
      printJson('doctor --list', {
        checks: CHECKS.map(({ id, severity, title, why, fixedByInstall, needs }) => ({ id, severity, title, why, fixedByInstall, needs: needs ?? [] })),
      });
    else process.stdout.write(`${rows.join('\n')}\n`);
    return 0;
  }
  const skip = ((argv.skip as string[] | undefined) ?? [])
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Set(CHECKS.map((c) => c.id));
  const unknown = skip.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UsageError(`--skip ${unknown.map((u) => JSON.stringify(u)).join(', ')}: no such check; mobykit doctor --list shows the check ids`);
  }
  const from = argv.from as string | undefined;
  if (from && argv.simulate) throw new UsageError('--from and --simulate both name a snapshot: use --from FILE to diagnose a snapshot');
  let snapshot: Snapshot;
  let config;
  let journal: JournalDoc = emptyJournal();
  if (from) {
    snapshot = readSnapshotFile(from);
    // `mobykit snapshot` carries the journal: the install advice is then what install would do.
    const stored = (snapshot as Snapshot & { mobykit?: { journal?: unknown } }).mobykit?.journal;
    if (stored !== undefined) journal = parseJournal(stored, 'in the snapshot ($.mobykit.journal)');
    config = withJournaledDisk(configForSnapshot(argv, snapshot).config, journal);
  } else {
    const session = await openSession(argv, ctx);
    try {
      journal = await session.host.loadJournal();
      // A VM renamed by install keeps the disk mobykit made for it: that is the disk checked.
      config = withJournaledDisk(session.loaded.config, journal);
      snapshot = await session.host.gather(config);
    } finally {
      await session.finish();
    }
  }
  const desired = resolveDesired(config, snapshot);
  const diagnosis = diagnose({ snapshot, desired }, { skip });
  // A snapshot from a file carries no journal: ownership then rests on the on-resource markers.
  adviseInstall(diagnosis, snapshot, desired, journal);
  // Both views come from the one versioned document.
  const { formatVersion, ...doc } = doctorJson(diagnosis, snapshot);
  ctx.log.section(`findings on ${snapshot.computerName}`, renderDiagnosis(doc, { verbose: true }));
  // The doctor document keeps its own formatVersion; `command` is what every --json document carries.
  if (ctx.view === 'json') process.stdout.write(`${JSON.stringify({ formatVersion, command: 'doctor', ...doc }, null, 2)}\n`);
  else process.stdout.write(renderDiagnosis(doc, { verbose: ctx.verbose }));

  const report = argv.report as string | undefined;
  if (report) {
    const { writeReport } = await import('../../report/report.js');
    const source = from ? `snapshot ${from}` : argv.simulate ? `simulated host ${String(argv.simulate)}` : 'the host';
    try {
      writeReport(report, diagnosis, {
        computer: snapshot.computerName,
        capturedAt: snapshot.capturedAt,
        os: `${snapshot.platform?.os?.Caption ?? 'Windows'} (build ${snapshot.platform?.os?.BuildNumber ?? '?'})`,
        version: version(),
        generatedAt: new Date().toISOString(),
        source,
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code) throw new UsageError(`--report ${report}: cannot write the file (${code})`);
      throw e;
    }
    process.stderr.write(`Report written to ${report}\n`);
    ctx.log.line(`report written to ${report}`);
  }
  return findingsExitCode(diagnosis.findings);
}
