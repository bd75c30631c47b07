// `mobykit migrate-toolbox`: copy a Docker Toolbox VirtualBox disk (disk.vmdk) into a dynamic
// VHDX with qemu-img, so the images and containers come along to the Hyper-V VM.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';

export type SpawnLike = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface MigrateOptions {
  vmdkPath: string;
  vhdxPath: string;
  /** Spawns qemu-img; default child_process.spawn. */
  run?: SpawnLike;
  /** Percent done, 0-100, as qemu-img reports it. */
  onProgress?: (percent: number) => void;
  /** Environment to find qemu-img in (PATH, PATHEXT); default process.env. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

export interface MigrateResult { vhdxPath: string; qemuImg: string; args: string[] }

export class MigrateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrateError';
  }
}

export const QEMU_IMG_HELP =
  'qemu-img was not found on PATH. It comes with QEMU for Windows: install it (for example `winget install SoftwareFreedomConservancy.QEMU`, ' +
  'or the installer from qemu.org), add its folder (e.g. C:\\Program Files\\qemu) to PATH, open a new terminal and run mobykit migrate-toolbox again.';

/** The full path of an executable on PATH, or null. Honors PATHEXT on Windows. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const pathVar = env.PATH ?? env.Path ?? env.path ?? '';
  const sep = platform === 'win32' ? ';' : delimiter;
  const exts = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = join(dir.replace(/^"(.*)"$/, '$1'), name + ext);
      try {
        if (!statSync(candidate).isFile()) continue;
        if (platform !== 'win32') accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

const PROGRESS = /\((\d{1,3}(?:\.\d+)?)\/100%\)/g;

/** Percentages in a piece of qemu-img -p output, e.g. "    (45.03/100%)\r" -> [45.03]. */
export function parseProgress(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(PROGRESS)) out.push(Number(m[1]));
  return out;
}

export function qemuImgArgs(vmdkPath: string, vhdxPath: string): string[] {
  return ['convert', '-O', 'vhdx', '-o', 'subformat=dynamic', '-p', vmdkPath, vhdxPath];
}

export async function migrateToolbox(opts: MigrateOptions): Promise<MigrateResult> {
  const { vmdkPath, vhdxPath } = opts;
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  if (!existsSync(vmdkPath)) {
    throw new MigrateError(`The Toolbox disk ${vmdkPath} does not exist; give the disk.vmdk of a docker-machine VM (under %USERPROFILE%\\.docker\\machine\\machines\\<name>\\).`);
  }
  if (!/\.vhdx$/i.test(vhdxPath)) {
    throw new MigrateError(`${vhdxPath} must end in .vhdx: Hyper-V only opens VHDX disks by that extension.`);
  }
  if (existsSync(vhdxPath)) {
    throw new MigrateError(`${vhdxPath} already exists; mobykit never overwrites a disk. Move or delete it first, or choose another path for the new disk.`);
  }
  const qemuImg = findOnPath('qemu-img', env, platform);
  if (!qemuImg) throw new MigrateError(QEMU_IMG_HELP);

  mkdirSync(dirname(vhdxPath), { recursive: true });
  const args = qemuImgArgs(vmdkPath, vhdxPath);
  const run = opts.run ?? (spawn as unknown as SpawnLike);
  let last = -1;

  await new Promise<void>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = run(qemuImg, args, { stdio: ['ignore', 'pipe', 'pipe'], env, windowsHide: true });
    } catch (e) {
      reject(e);
      return;
    }
    let stderr = '';
    let carry = '';
    const report = (chunk: Buffer | string) => {
      const text = carry + chunk.toString();
      // keep an unfinished "(12.3" for the next chunk
      const open = text.lastIndexOf('(');
      carry = open >= 0 && text.indexOf(')', open) < 0 ? text.slice(open) : '';
      for (const p of parseProgress(text)) {
        if (p !== last) {
          last = p;
          opts.onProgress?.(p);
        }
      }
    };
    child.stdout?.on('data', report);
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (stderr.length > 16_384) stderr = stderr.slice(-16_384);
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ENOENT' ? new MigrateError(QEMU_IMG_HELP) : e);
    });
    child.on('close', (code, sig) => {
      if (code === 0) {
        resolve();
        return;
      }
      const why = sig ? `was stopped by ${sig}` : `exited with code ${code}`;
      reject(new MigrateError(`qemu-img ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
    });
  }).catch((e) => {
    // The disk did not exist before; a half-written one must not be mistaken for a good one.
    try {
      rmSync(vhdxPath, { force: true });
    } catch {
      // best effort
    }
    throw e;
  });

  if (!existsSync(vhdxPath)) throw new MigrateError(`qemu-img finished but ${vhdxPath} was not written.`);
  if (last !== 100) opts.onProgress?.(100);
  return { vhdxPath: isAbsolute(vhdxPath) ? vhdxPath : join(process.cwd(), vhdxPath), qemuImg, args };
}
