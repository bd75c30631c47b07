// doctor: every check against one snapshot, each problem with its evidence and exact fix.
import { resolveDesired } from '../../config/desired.js';
import { CHECKS, findingsExitCode, runChecks } from '../../doctor/catalog.js';
import { readSnapshotFile } from '../../snapshot/validate.js';
import { renderFindings } from '../render.js';
import { loadConfigFromArgv, openSession } from '../session.js';

export async function doctor(argv: Record<string, unknown>): Promise<number> {
  if (argv.list) {
    const rows = CHECKS.map((c) => `${c.id.padEnd(34)} ${c.severity.padEnd(8)} ${c.title}`);
    process.stdout.write(argv.json ? `${JSON.stringify(CHECKS.map(({ id, severity, title, why, fixedByInstall }) => ({ id, severity, title, why, fixedByInstall })), null, 2)}\n` : `${rows.join('\n')}\n`);
    return 0;
  }
  const from = argv.from as string | undefined;
  let snapshot;
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
  const findings = runChecks({ snapshot, desired: resolveDesired(config, snapshot) }, { skip: (argv.skip as string[] | undefined) ?? [] });
  process.stdout.write(argv.json ? `${JSON.stringify({ findings }, null, 2)}\n` : renderFindings(findings));
  return findingsExitCode(findings);
}
