// migrate-toolbox: copy a Docker Toolbox disk.vmdk into the VM's VHDX with qemu-img, never over
// an existing disk. Then `mobykit install --adopt` builds the VM around the migrated disk.
import { join } from 'node:path';
import { defaultVhdxPath } from '../../config/desired.js';
import { migrateToolbox } from '../../doctor/migrate-toolbox.js';
import { loadConfigFromArgv } from '../session.js';
import { expandWindowsPath } from './paths.js';

export async function migrate(argv: Record<string, unknown>): Promise<number> {
  const config = loadConfigFromArgv(argv).config;
  const machine = (argv.machine as string | undefined) ?? 'default';
  const vmdkPath = (argv.vmdk as string | undefined)
    ?? join(expandWindowsPath('%USERPROFILE%'), '.docker', 'machine', 'machines', machine, 'disk.vmdk');
  // No host is asked here: unset, the disk goes to Hyper-V's out-of-the-box folder.
  const vhdxPath = (argv.to as string | undefined) ?? config.vm.vhdxPath ?? defaultVhdxPath(config.vm.name);
  const plain = !process.stderr.isTTY || !!argv.json;
  let last = -1;
  const result = await migrateToolbox({
    vmdkPath, vhdxPath,
    onProgress(p) {
      const step = Math.floor(p / 10);
      if (plain && step === last) return;
      last = step;
      process.stderr.write(plain ? `${p.toFixed(0)}%\n` : `\rConverting ${vmdkPath}: ${p.toFixed(1)}%   `);
    },
  });
  if (!plain) process.stderr.write('\n');
  process.stdout.write(argv.json ? `${JSON.stringify(result)}\n`
    : `Wrote ${result.vhdxPath}. Run mobykit install --adopt to build the VM around it.\n`);
  return 0;
}
