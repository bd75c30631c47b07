// migrate-toolbox: copy a Docker Toolbox disk.vmdk into the VM's VHDX with qemu-img, never over
// an existing disk and never while the Toolbox VM runs. Then `mobykit install --adopt` builds the
// VM around the migrated disk. Holds the host lock: install must not build a VM on a half disk.
import { basename, dirname, join } from 'node:path';
import { defaultVhdxPath } from '../../config/desired.js';
import { migrateToolbox } from '../../migrate/toolbox.js';
import { acquireLock } from '../../state/lock.js';
import { hostStateDir } from '../../state/paths.js';
import { EXIT } from '../exit.js';
import { printJson } from '../json.js';
import { loadConfigFromArgv } from '../session.js';
import { expandWindowsPath } from './paths.js';
import type { RunContext } from '../context.js';
import { sameName } from '../../windows/names.js';

export async function migrate(argv: Record<string, unknown>, ctx: RunContext): Promise<number> {
  const config = loadConfigFromArgv(argv).config;
  const given = argv.vmdk as string | undefined;
  // The machine whose VM must be stopped: --machine, else the folder a given disk sits in
  // (…\machines\<name>\disk.vmdk), else 'default'.
  const machine =
    (argv.machine as string | undefined) ?? (given && sameName(basename(dirname(dirname(given))), 'machines') ? basename(dirname(given)) : given ? undefined : 'default');
  const vmdkPath = given ?? join(expandWindowsPath('%USERPROFILE%'), '.docker', 'machine', 'machines', machine ?? 'default', 'disk.vmdk');
  const vhdxPath = (argv.to as string | undefined) ?? expandWindowsPath(config.vm.vhdxPath ?? defaultVhdxPath(config.vm.name));
  const release = acquireLock(join(hostStateDir(), 'host.lock'), 'migrate-toolbox');
  // Ctrl-C stops qemu-img and removes the partial disk; a second one waits for that.
  const stopListening = ctx.interrupts.graceful('wait');
  const plain = !process.stderr.isTTY || ctx.view === 'json';
  let last = -1;
  try {
    const result = await migrateToolbox({
      vmdkPath,
      vhdxPath,
      machine,
      signal: ctx.signal,
      onProgress(p) {
        const step = Math.floor(p / 10);
        if (plain && step === last) return;
        last = step;
        process.stderr.write(plain ? `${p.toFixed(0)}%\n` : `\rConverting ${vmdkPath}: ${p.toFixed(1)}%   `);
      },
    });
    if (!plain) process.stderr.write('\n');
    if (ctx.view === 'json') printJson('migrate-toolbox', { ...result, next: 'mobykit install --adopt' });
    else process.stdout.write(`Wrote ${result.vhdxPath}. Run mobykit install --adopt to build the VM around it.\n`);
    return EXIT.ok;
  } finally {
    stopListening();
    release();
  }
}
