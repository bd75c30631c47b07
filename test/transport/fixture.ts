// Shared set-up for the transport tests: a temp dir with a `pwsh` wrapper that runs the stand-in
// (fake-pwsh.mjs) on the built simulated host, and the env node-powershell and the stand-in read.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type Config } from '../../src/config/config.js';
import type { Action, Op, OpParams } from '../../src/plan/action.js';
import { PowerShellHost, type PowerShellHostOptions } from '../../src/host/powershell/host.js';

/** Root of the build this test runs from (dist/ or another --outDir): the stand-in loads the same JS. */
export const DIST_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FAKE = path.resolve('test/transport/fake-pwsh.mjs');
export const SNAPSHOT = path.resolve('examples/fresh-win10-pro.json');
export const DELIMITER_LINE = /^\[Console\]::(Error|Out)\.WriteLine\("[0-9A-Za-z]{16}"\)$/;

const FAKE_ENV = [
  'NODE_POWERSHELL',
  'MOBYKIT_FAKE_SNAPSHOT',
  'MOBYKIT_FAKE_STATE',
  'MOBYKIT_FAKE_DIST',
  'MOBYKIT_FAKE_LOG',
  'MOBYKIT_FAKE_STDERR_ON',
  'MOBYKIT_FAKE_FAIL_ON',
  'MOBYKIT_FAKE_DIE_ON',
  'MOBYKIT_FAKE_HANG_ON',
];

export interface Fixture {
  dir: string;
  log: string;
  state: string;
  stateDir: string;
  modulePath: string;
  calls: string[];
  hosts: PowerShellHost[];
  open(extra?: Partial<PowerShellHostOptions>): Promise<PowerShellHost>;
  /** Every line the shell received on stdin, across processes. */
  lines(): string[];
  cleanup(): Promise<void>;
}

export function fixture(): Fixture {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mobykit-transport-'));
  const wrapper = path.join(dir, 'pwsh');
  writeFileSync(wrapper, `#!/bin/sh\nexec '${process.execPath}' '${FAKE}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const modulePath = path.join(dir, 'ps1', 'MobyKit.psd1');
  mkdirSync(path.dirname(modulePath));
  writeFileSync(modulePath, "@{ RootModule = 'MobyKit.psm1' }\n");
  const f: Fixture = {
    dir,
    log: path.join(dir, 'stdin.log'),
    state: path.join(dir, 'host-state.json'),
    stateDir: path.join(dir, 'state'),
    modulePath,
    calls: [],
    hosts: [],
    async open(extra = {}) {
      const host = await PowerShellHost.open({
        config: defaultConfig(),
        stateDir: f.stateDir,
        modulePath,
        onCall: (l) => f.calls.push(l),
        ...extra,
      });
      f.hosts.push(host);
      return host;
    },
    lines() {
      return existsSync(f.log) ? readFileSync(f.log, 'utf8').split('\n').slice(0, -1) : [];
    },
    async cleanup() {
      for (const h of f.hosts) await h.dispose();
      for (const k of FAKE_ENV) delete process.env[k];
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const k of FAKE_ENV) delete process.env[k];
  Object.assign(process.env, {
    NODE_POWERSHELL: wrapper,
    MOBYKIT_FAKE_SNAPSHOT: SNAPSHOT,
    MOBYKIT_FAKE_STATE: f.state,
    MOBYKIT_FAKE_DIST: DIST_ROOT,
    MOBYKIT_FAKE_LOG: f.log,
  });
  return f;
}

/** The built CLI, and the environment that makes it drive the stand-in shell of `f`. */
export const CLI_MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
export function cliEnv(f: Fixture, password: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MOBYKIT_HOST: 'powershell',
    MOBYKIT_STATE_DIR: f.stateDir,
    MOBYKIT_RUN_LOG_DIR: mkdtempSync(path.join(os.tmpdir(), 'mobykit-e2e-logs-')),
    MOBYKIT_PASSWORD: password,
  };
}

export function config(): Config {
  return defaultConfig();
}

export function action<O extends Op>(op: O, params: OpParams[O], target = ''): Action<O> {
  return { id: target ? `${op}:${target}` : op, op, step: 'switch', kind: 'create', target, resource: `${op}:${target}`, description: op, params };
}

/** The request documents the shell received, decoded. */
export function requests(lines: string[]): { function: string; parameters: Record<string, unknown>; secret?: string }[] {
  return lines
    .map((l) => /^Invoke-MobyKitCall -Request '([A-Za-z0-9+/=]+)'$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')));
}

export function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
