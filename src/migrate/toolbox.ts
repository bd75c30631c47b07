// `mobykit migrate-toolbox`: copy a Docker Toolbox VirtualBox disk (disk.vmdk) into a dynamic
// VHDX with qemu-img, so the images and containers come along to the Hyper-V VM.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, linkSync, mkdirSync, rmSync, statfsSync, statSync, unlinkSync } from 'node:fs';
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
  /** The docker-machine name, to check with VBoxManage that its VM is not running. */
  machine?: string;
  /** Free bytes in a folder; default statfs. */
  freeBytes?: (dir: string) => number;
  /** Aborting (Ctrl-C) stops qemu-img and removes the partial file. */
  signal?: AbortSignal;
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

export interface MigrateResult {
  vhdxPath: string;
  qemuImg: string;
  args: string[];
}

export class MigrateError extends Error {
  /** 2 for bad input (a disk that is not there, a target that is not .vhdx); 1 otherwise. */
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'MigrateError';
  }
}

const QEMU_IMG_HELP =
  'qemu-img was not found on PATH. It comes with QEMU for Windows: install it (for example `winget install SoftwareFreedomConservancy.QEMU`, ' +
  'or the installer from qemu.org), add its folder (e.g. C:\\Program Files\\qemu) to PATH, open a new terminal and run mobykit migrate-toolbox again.';

/** The full path of an executable on PATH, or null. Honors PATHEXT on Windows. */
function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
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

/** -f vmdk: qemu-img must not guess (an empty or foreign file would "convert" to an empty disk). */
export function qemuImgArgs(vmdkPath: string, vhdxPath: string): string[] {
  return ['convert', '-f', 'vmdk', '-O', 'vhdx', '-o', 'subformat=dynamic', '-p', vmdkPath, vhdxPath];
}

/** Where qemu-img writes until it is done: the VHDX path only ever holds a whole disk. */
export const partialPath = (vhdxPath: string) => `${vhdxPath}.partial`;

/** VirtualBox's VBoxManage: on PATH, or where its installer records it. */
function vboxManage(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  const found = findOnPath('VBoxManage', env, platform);
  if (found) return found;
  const dir = env.VBOX_MSI_INSTALL_PATH ?? env.VBOX_INSTALL_PATH;
  const candidate = dir ? join(dir, platform === 'win32' ? 'VBoxManage.exe' : 'VBoxManage') : '';
  return candidate && existsSync(candidate) ? candidate : null;
}

/**
 * The docker-machine VM's state from `VBoxManage showvminfo NAME --machinereadable` (VMState="running"),
 * or null when VirtualBox is not there to ask. The name is an argument, never shell text.
 */
async function toolboxVmState(machine: string, run: SpawnLike, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string | null> {
  const exe = vboxManage(env, platform);
  if (!exe) return null;
  return new Promise((resolve) => {
    let out = '';
    let child: ChildProcess;
    try {
      child = run(exe, ['showvminfo', machine, '--machinereadable'], { stdio: ['ignore', 'pipe', 'ignore'], env, windowsHide: true });
    } catch {
      resolve(null);
      return;
    }
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve(code === 0 ? (/^VMState="([^"]*)"/m.exec(out)?.[1] ?? null) : null));
  });
}

export async function migrateToolbox(opts: MigrateOptions): Promise<MigrateResult> {
  const { vmdkPath, vhdxPath } = opts;
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  if (!existsSync(vmdkPath)) {
    throw new MigrateError(
      `The Toolbox disk ${vmdkPath} does not exist; give the disk.vmdk of a docker-machine VM (under %USERPROFILE%\\.docker\\machine\\machines\\<name>\\).`,
      2,
    );
  }
  if (!/\.vhdx$/i.test(vhdxPath)) {
    throw new MigrateError(`${vhdxPath} must end in .vhdx: Hyper-V only opens VHDX disks by that extension.`, 2);
  }
  if (existsSync(vhdxPath)) {
    throw new MigrateError(`${vhdxPath} already exists; mobykit never overwrites a disk. Move or delete it first, or choose another path for the new disk.`);
  }
  const size = statSync(vmdkPath).size;
  if (size === 0) throw new MigrateError(`${vmdkPath} is empty: it is not a Toolbox disk.`);
  const qemuImg = findOnPath('qemu-img', env, platform);
  if (!qemuImg) throw new MigrateError(QEMU_IMG_HELP);
  const run = opts.run ?? (spawn as unknown as SpawnLike);

  // Copying a disk the VM is writing gives a corrupt copy.
  if (opts.machine) {
    const state = await toolboxVmState(opts.machine, run, env, platform);
    if (state && !['poweroff', 'aborted', 'saved'].includes(state)) {
      throw new MigrateError(`The Toolbox VM ${opts.machine} is ${state}: stop it first (docker-machine stop ${opts.machine}), then run mobykit migrate-toolbox again.`);
    }
  }

  mkdirSync(dirname(vhdxPath), { recursive: true });
  // A dynamic VHDX holds about what the VMDK holds: that much must be free where it goes.
  const free = (
    opts.freeBytes ??
    ((dir: string) => {
      const f = statfsSync(dir);
      return f.bavail * f.bsize;
    })
  )(dirname(vhdxPath));
  if (free < size) {
    throw new MigrateError(`${dirname(vhdxPath)} has ${gib(free)} free and the Toolbox disk holds ${gib(size)}: free some space or choose another path with --to.`);
  }

  const partial = partialPath(vhdxPath);
  rmSync(partial, { force: true }); // left by a run that was killed outright
  const args = qemuImgArgs(vmdkPath, partial);
  let last = -1;

  await new Promise<void>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = run(qemuImg, args, { stdio: ['ignore', 'pipe', 'pipe'], env, windowsHide: true });
    } catch (e) {
      reject(e);
      return;
    }
    const onAbort = () => child.kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
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
      opts.signal?.removeEventListener('abort', onAbort);
      reject(e.code === 'ENOENT' ? new MigrateError(QEMU_IMG_HELP) : e);
    });
    child.on('close', (code, sig) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (opts.signal?.aborted) {
        reject(Object.assign(new MigrateError('interrupted: the partial disk was removed'), { exitCode: 130 }));
        return;
      }
      if (code === 0) {
        resolve();
        return;
      }
      const why = sig ? `was stopped by ${sig}` : `exited with code ${code}`;
      reject(new MigrateError(`qemu-img ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
    });
  }).catch((e) => {
    // A half-written disk must not be mistaken for a good one.
    rmSync(partial, { force: true });
    throw e;
  });

  if (!existsSync(partial)) throw new MigrateError(`qemu-img finished but ${partial} was not written.`);
  // The whole disk takes its name only now, and never over one that appeared meanwhile
  // (a hard link fails when the name exists).
  try {
    linkSync(partial, vhdxPath);
  } catch (e) {
    rmSync(partial, { force: true });
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new MigrateError(`${vhdxPath} appeared while converting; mobykit never overwrites a disk. Nothing was changed.`);
    throw e;
  }
  unlinkSync(partial);
  if (last !== 100) opts.onProgress?.(100);
  return { vhdxPath: isAbsolute(vhdxPath) ? vhdxPath : join(process.cwd(), vhdxPath), qemuImg, args };
}
