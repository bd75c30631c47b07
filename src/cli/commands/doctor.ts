// doctor: every check against one snapshot, each problem with its evidence and exact fix;
// --report FILE also writes them as a self-contained HTML page (or Markdown for FILE.md).
import { resolveDesired } from '../../config/desired.js';
import { CHECKS, findingsExitCode, runChecks } from '../../doctor/catalog.js';
import { UsageError } from '../../errors.js';
import type { Snapshot } from '../../snapshot/types.js';
import { readSnapshotFile } from '../../snapshot/validate.js';
import { printJson } from '../json.js';
import { runLog } from '../log.js';
import { renderFindings } from '../render.js';
import { loadConfigFromArgv, openSession } from '../session.js';
import { version } from '../version.js';

export async function doctor(argv: Record<string, unknown>): Promise<number> {
  if (argv.list) {
    const width = Math.max(...CHECKS.map((c) => c.id.length));
    const rows = CHECKS.map((c) => `${c.id.padEnd(width)}  ${c.severity.padEnd(7)}  ${c.title}`);
    if (argv.json) printJson('doctor --list', { checks: CHECKS.map(({ id, severity, title, why, fixedByInstall }) => ({ id, severity, title, why, fixedByInstall })) });
    else process.stdout.write(`${rows.join('\n')}\n`);
    return 0;
  }
  const skip = (argv.skip as string[] | undefined) ?? [];
  const known = new Set(CHECKS.map((c) => c.id));
  const unknown = skip.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UsageError(`--skip ${unknown.map((u) => JSON.stringify(u)).join(', ')}: no such check; mobykit doctor --list shows the check ids`);
  }
  const from = argv.from as string | undefined;
  let snapshot: Snapshot;
  let config;
  if (from) {
    config = loadConfigFromArgv(argv).config;
    snapshot = readSnapshotFile(from);
  } else {
    const session = await openSession(argv);
    try {
      config = session.loaded.config;
      snapshot = await session.host.gather();
    } finally {
      await session.finish();
    }
  }
  const findings = runChecks({ snapshot, desired: resolveDesired(config, snapshot) }, { skip });
  runLog().section(`findings on ${snapshot.computerName}`, renderFindings(findings));
  process.stdout.write(argv.json ? `${JSON.stringify({ findings }, null, 2)}\n` : renderFindings(findings));

  const report = argv.report as string | undefined;
  if (report) {
    const { writeReport } = await import('../../report/report.js');
    const source = from ? `snapshot ${from}` : argv.simulate ? `simulated host ${String(argv.simulate)}` : 'the host';
    try {
      writeReport(report, findings, {
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
    runLog().line(`report written to ${report}`);
  }
  return findingsExitCode(findings);
}
