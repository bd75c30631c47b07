// snapshot: the host as mobykit sees it, redacted, for doctor --from or a support engineer.
import { writeFileSync } from 'node:fs';
import { redactSnapshot } from '../../snapshot/validate.js';
import { openSession } from '../session.js';
import type { RunContext } from '../context.js';

export async function snapshot(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const session = await openSession(argv, ctx);
  try {
    // mobykit's journal travels with the snapshot (an extra property): a rehearsal on it plans what the real run would.
    const { notes: _notes, ...journal } = await session.host.loadJournal();
    const doc = { ...redactSnapshot(await session.host.gather()), ...(journal.entries.length ? { mobykit: { journal } } : {}) };
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const out = argv.output as string | undefined;
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await session.finish();
  }
}
