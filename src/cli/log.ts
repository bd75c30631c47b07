// The log of every run: where it goes, what it holds, and what it never holds (the password).
// One file per run, `<logDir>/mobykit-<timestamp>.log`. Writes are synchronous so that an
// interrupted or crashing run still leaves its record. A log that cannot be written never stops
// a command: it is reported once and the run goes on.
// The password never enters any text mobykit writes: it travels only beside the actions, to the
// host. It is not masked by search-and-replace either, which would show where a weak password
// occurs in predictable text (a password "Docker" turning DockerNAT into ***NAT).
import { closeSync, mkdirSync, openSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/**
 * The variable that moves the run logs. Not MOBYKIT_LOG_DIR: that one is the `paths.logDir`
 * setting (Docker's own log folder, a Windows path the config validates).
 */
export const RUN_LOG_ENV = 'MOBYKIT_RUN_LOG_DIR';

export function logDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env[RUN_LOG_ENV]) return env[RUN_LOG_ENV]!;
  if (platform === 'win32') {
    return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(homedir(), 'AppData', 'Local'), 'mobykit', 'logs');
  }
  const state = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(homedir(), '.local', 'state');
  return path.join(state, 'mobykit', 'logs');
}

const SECRET_FLAG = /pass(word)?|secret|token|credential-value/i;
const BOOLEAN_SECRETISH = /-stdin$/;

/** The command line as logged: the value of any password-ish flag replaced by ***. */
export function redactArgv(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^(--?[^=]+)=(.*)$/s.exec(a);
    if (m && SECRET_FLAG.test(m[1]) && !BOOLEAN_SECRETISH.test(m[1])) {
      out.push(`${m[1]}=***`);
    } else if (/^--?[A-Za-z]/.test(a) && SECRET_FLAG.test(a) && !BOOLEAN_SECRETISH.test(a) && i + 1 < args.length && !args[i + 1].startsWith('-')) {
      out.push(a, '***');
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./\\-]+$/.test(a) ? a : JSON.stringify(a);
}

export interface RunLog {
  /** The file, or undefined when none is being written. */
  readonly path?: string;
  line(text: string): void;
  section(title: string, body: string): void;
  close(outcome: string, exitCode: number): void;
}

class FileLog implements RunLog {
  private fd: number | undefined;
  private closed = false;

  constructor(
    readonly path: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  private write(text: string): void {
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, stripVTControlCharacters(text));
    } catch {
      this.fd = undefined; // a full disk or a vanished folder: stop logging, keep running
    }
  }

  line(text: string): void {
    this.write(`${new Date().toISOString()} ${text.replace(/\n(?!$)/g, '\n    ')}\n`);
  }

  section(title: string, body: string): void {
    const indented = body
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    this.write(`${new Date().toISOString()} ${title}\n${indented}\n`);
  }

  close(outcome: string, exitCode: number): void {
    if (this.closed) return;
    this.closed = true;
    this.line(`outcome: ${outcome} (exit code ${exitCode})`);
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        /* already gone */
      }
      this.fd = undefined;
    }
  }
}

/** The log of a run that keeps none (commands that do not touch a host). */
export const NO_LOG: RunLog = { line() {}, section() {}, close() {} };

/** Opens the log of this run; on failure warns once on stderr and logs nothing. */
export function openRunLog(opts: { command: string; args: readonly string[]; version: string; verbose: boolean }): RunLog {
  const dir = logDirectory();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `mobykit-${stamp}-${process.pid}.log`);
  let log: RunLog;
  try {
    mkdirSync(dir, { recursive: true });
    log = new FileLog(file, openSync(file, 'wx', 0o600));
  } catch (e) {
    process.stderr.write(
      `mobykit: warning: cannot write the run log in ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ` + `set ${RUN_LOG_ENV} to another folder.\n`,
    );
    return NO_LOG;
  }
  rotate(dir, file);
  log.line(`mobykit ${opts.version} ${opts.command} (node ${process.version}, ${process.platform}, pid ${process.pid})`);
  log.line(`command line: mobykit ${redactArgv(opts.args).map(quoteArg).join(' ')}`);
  log.line(`working directory: ${process.cwd()}`);
  if (opts.verbose) process.stderr.write(`mobykit: logging to ${file}\n`);
  return log;
}

/** How many run logs are kept: the oldest go when a run starts. */
export const KEEP_RUN_LOGS = 50;
const RUN_LOG_NAME = /^mobykit-\d{4}-\d\d-\d\dT[\d-]+Z-\d+\.log$/;

/** Deletes all but the newest KEEP_RUN_LOGS run logs (names sort by time); never `keep`, never other files. */
function rotate(dir: string, keep: string): void {
  try {
    const logs = readdirSync(dir)
      .filter((n) => RUN_LOG_NAME.test(n))
      .sort();
    for (const name of logs.slice(0, Math.max(0, logs.length - KEEP_RUN_LOGS))) {
      const full = path.join(dir, name);
      if (full !== keep) unlinkSync(full);
    }
  } catch {
    // Another run rotating at the same time, or a file in use: the next run tries again.
  }
}
