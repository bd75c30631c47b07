// snapshot: the host as mobykit sees it, redacted, for doctor --from or a support engineer.
import { writeFileSync } from 'node:fs';
import { redactSnapshot } from '../../snapshot/validate.js';
import { openSession } from '../session.js';

export async function snapshot(argv: Record<string, unknown>): Promise<number> {
  const session = await openSession(argv);
  try {
    const text = `${JSON.stringify(redactSnapshot(await session.host.gather()), null, 2)}\n`;
    const out = argv.output as string | undefined;
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await session.finish();
  }
}
