import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fake qemu-img: a node script that checks its arguments, prints progress like -p and copies the file. */
export function fakeQemuImg(dir: string, opts: { fail?: boolean; slow?: boolean } = {}): string {
  const bin = join(dir, 'bin');
  const script = join(bin, 'qemu-img');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    script,
    `#!${process.execPath}
const fs = require('fs');
const args = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(join(dir, 'args.json'))}, JSON.stringify(args));
const out = args[args.length - 1];
const src = args[args.length - 2];
if (args[0] !== 'convert') { console.error('unknown command'); process.exit(2); }
if (args[1] !== '-f' || args[2] !== 'vmdk') { console.error('qemu-img: no -f vmdk: would guess the format'); process.exit(3); }
${opts.slow ? `fs.writeFileSync(out, 'partial'); process.stdout.write('    (10.00/100%)\\r'); setInterval(() => {}, 1000); return;` : ''}
${opts.fail ? `fs.writeFileSync(out, 'partial'); process.stderr.write("qemu-img: Could not open '" + src + "': Invalid footer\\n"); process.exit(1);` : ''}
for (const p of ['0.00', '12.50', '50.01', '100.00']) process.stdout.write('    (' + p + '/100%)\\r');
fs.writeFileSync(out, 'VHDX:' + fs.readFileSync(src, 'utf8'));
`,
  );
  chmodSync(script, 0o755);
  return bin;
}

/** A fake VBoxManage in `bin` whose showvminfo reports `state` for every VM. */
export function fakeVBoxManage(bin: string, state: string): void {
  const script = join(bin, 'VBoxManage');
  writeFileSync(
    script,
    `#!${process.execPath}
const args = process.argv.slice(2);
if (args[0] !== 'showvminfo' || args[2] !== '--machinereadable') process.exit(1);
process.stdout.write('name="' + args[1] + '"\\nVMState="${state}"\\n');
`,
  );
  chmodSync(script, 0o755);
}
