// Runs the built CLI as a user would: in a pipe, or under a pseudo-terminal (util-linux `script`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The compiled CLI beside this compiled test: <outDir>/src/cli/main.js from <outDir>/test/cli/. */
export const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const ROOT = process.cwd(); // mocha runs from the repository root (examples/, templates/)
export const ESC = '\u001b';
export const SGR = /\u001b\[[0-9;]*m/;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

const LOG_DIR = mkdtempSync(path.join(tmpdir(), 'mobykit-test-logs-'));
/** An empty user configuration folder: a config file on the machine running the tests is not read. */
const TEST_CONFIG_HOME = mkdtempSync(path.join(tmpdir(), 'mobykit-test-config-'));
export const TEST_LOG_DIR = LOG_DIR;

/** The environment of a user's shell: no CI, no colour overrides, logs in a temp folder. */
export function userEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TERM: 'xterm-256color',
    MOBYKIT_RUN_LOG_DIR: LOG_DIR,
    MOBYKIT_PASSWORD: 'canary-Pa55word-7f3e91',
    XDG_CONFIG_HOME: TEST_CONFIG_HOME,
    APPDATA: TEST_CONFIG_HOME,
  };
  for (const k of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS', 'TF_BUILD', 'MOBYKIT_CONFIG']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** In a pipe: stdout and stderr apart. */
export function runPiped(args: string[], opts: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: userEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}

const shQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Under a pseudo-terminal of 120x40 (a pty of width 0 is not a real terminal): stdout and stderr
 * are both the terminal, so they come back together.
 */
export function runInTerminal(args: string[], opts: { env?: Record<string, string | undefined> } = {}): CliResult {
  const command = `stty cols 120 rows 40 2>/dev/null; exec ${[process.execPath, MAIN, ...args].map(shQuote).join(' ')}`;
  const r = spawnSync('script', ['-qfec', command, '/dev/null'], {
    cwd: ROOT,
    env: userEnv(opts.env),
    input: '',
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: r.stdout + r.stderr };
}

export const FRESH = 'examples/fresh-win10-pro.json';
export const BROKEN = 'examples/broken.json';

/** Runs under a pseudo-terminal and answers each prompt when it shows. */
export async function typeInTerminal(args: string[], env: Record<string, string>, answers: [string, string][]): Promise<{ code: number | null; text: string }> {
  const cmd = `stty cols 120 rows 40; exec '${process.execPath}' '${MAIN}' ${args.map((a) => `'${a}'`).join(' ')}`;
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: userEnv({ MOBYKIT_PASSWORD: undefined, ...env }), stdio: ['pipe', 'pipe', 'pipe'] });
  let text = '';
  let next = 0;
  child.stdout.on('data', (d) => {
    text += d.toString();
    while (next < answers.length && text.includes(answers[next][0])) child.stdin.write(answers[next++][1]);
  });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  return { code, text };
}
