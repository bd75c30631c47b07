// The PowerShell process behind the real host: one long-lived node-powershell session, started with
// the MobyKit module imported once, its calls run one at a time with a time limit, its exit watched,
// and ended gently or by signal. The lines it runs are protocol.ts's; the Host on top is host.ts.
//
// How node-powershell (child-shell 5) talks to the shell, which this file relies on:
// - spawn(executable, ['-NoLogo', ...executableOptions, '-NoExit', '-Command', '-']) with
//   stdio pipes and no shell; NODE_POWERSHELL, when set, is the executable (else `powershell` on
//   Windows, `pwsh` elsewhere, or the `executable` option).
// - each invoke() writes five lines to stdin: [Console]::Error.WriteLine("<delim>"),
//   [Console]::Out.WriteLine("<delim>"), the command, then the two delimiter lines again
//   (<delim> is 16 random [0-9A-Za-z]); the result is the trimmed bytes between the two
//   delimiters on stdout and on stderr. Anything on stderr marks the invocation as failed.
// - a process exit during an invocation rejects it (ProcessError) when the exit code is not 0.
// The session reaches into node-powershell's private fields (ShellInternals) for the child
// process, its exit promise and its debug loggers: that reach stays in this file.
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { PowerShell, type PowerShellOptions } from 'node-powershell';
import { sameName } from '../../windows/names.js';
import { callLine, describeCall, DISPATCHER, parseReply, parseStderr, PowerShellError, replyValue, scrub, sealSecret, SESSION_KEY_VARIABLE, startupLine } from './protocol.js';

const DEFAULT_TIMEOUT_MS = 120_000;
/** The arguments PowerShell is started with (node-powershell adds -NoLogo first and -NoExit -Command - last). */
const EXECUTABLE_OPTIONS = { '-NoProfile': true, '-NonInteractive': true, '-ExecutionPolicy': 'Bypass' } as const;

export interface ShellOptions {
  /** Per-call limit, start-up included; default 120 s. A call that runs over stops the session. */
  timeoutMs?: number;
  /** Told about every call (function and parameters, the password as ***), for --verbose. */
  onCall?: (line: string) => void;
  /** `powershell` (Windows PowerShell 5.1, the default on Windows), `pwsh`, or a path. NODE_POWERSHELL wins. */
  executable?: string;
}

interface ShellInternals {
  process?: ChildProcess;
  exitPromise?: Promise<void>;
  debuggers?: Record<string, { enabled?: boolean; log?: unknown } | undefined>;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

interface RawResult {
  stdout: string;
  stderr: string;
}

const STDERR_TAIL = 4000;

/**
 * One PowerShell process with the module loaded. mobykit's own exit kills it; Ctrl-C is not its
 * business: whoever owns the run (the CLI's run context) decides whether the current call finishes.
 */
export class PowerShellSession {
  private calls = 0;
  private startups = 0;
  private closed: string | undefined;
  private exit: Exit | undefined;
  private exited!: Promise<Exit>;
  private stderrTail = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly onCall?: (line: string) => void;
  private child: ChildProcess | undefined;
  private shell!: PowerShell;
  private sessionKey = randomBytes(32);
  private readonly killNow = () => {
    try {
      this.child?.kill();
    } catch {
      /* already gone */
    }
  };

  /** A session not started yet: start() runs the start-up line. */
  constructor(
    private readonly modulePath: string,
    private readonly opts: ShellOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.onCall = opts.onCall;
    this.attach(new PowerShell(this.shellOptions()));
  }

  /** Wires a freshly started shell: its exit, its stderr, and mobykit's own exit. */
  private attach(shell: PowerShell): void {
    this.shell = shell;
    const internals = shell as unknown as ShellInternals;
    this.child = internals.process;
    // node-powershell's exit promise rejects on a non-zero exit; nobody awaits it between calls.
    internals.exitPromise?.catch(() => undefined);
    // DEBUG=* would print every command (the request, password included, in base64) and every
    // error record PowerShell writes, which echoes the command line: both stay quiet.
    for (const name of ['command', 'output']) {
      const d = internals.debuggers?.[name];
      if (d) {
        d.enabled = false;
        d.log = () => undefined;
      }
    }
    this.exited = new Promise<Exit>((resolve) => {
      const child = this.child;
      if (!child) return;
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      });
      child.once('error', (error) => {
        this.exit ??= { code: null, signal: null, error };
        resolve(this.exit);
      });
    });
    // Writes after the shell is gone must not crash mobykit; the exit is reported instead.
    shell.streams.stdin.on('error', () => undefined);
    shell.streams.stderr.on('data', (chunk: string | Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-STDERR_TAIL);
    });
    process.on('exit', this.killNow);
  }

  private shellOptions(): PowerShellOptions {
    return {
      executableOptions: { ...EXECUTABLE_OPTIONS },
      // The session key, for sealed passwords; MOBYKIT_PASSWORD stays out of the shell's environment.
      spawnOptions: { windowsHide: true, env: { ...withoutPassword(process.env), [SESSION_KEY_VARIABLE]: this.sessionKey.toString('base64') } },
      throwOnInvocationError: false,
      ...(this.opts.executable ? { executable: this.opts.executable } : {}),
    };
  }

  /** Sets UTF-8 output and imports the module: one round trip. */
  async start(): Promise<void> {
    this.onCall?.(`Import-Module ${JSON.stringify(this.modulePath)}`);
    const out = await this.run(startupLine(this.modulePath), 'start-up (Import-Module)');
    this.startups++;
    if (out.stderr) {
      const err = parseStderr(out.stderr);
      throw new PowerShellError(
        `PowerShell could not load the MobyKit module (${this.modulePath}): ${err.message}`,
        'Import-Module',
        'start',
        err.message,
        err.cmdlet,
        err.category,
      );
    }
  }

  /** Whether the session can take calls (false once PowerShell exited, timed out or was stopped). */
  get usable(): boolean {
    return !this.closed && !this.exit;
  }

  /** A new PowerShell process in place of one that died or timed out (for a rollback). */
  async restart(): Promise<void> {
    await this.stop(true);
    this.closed = undefined;
    this.exit = undefined;
    this.stderrTail = '';
    this.queue = Promise.resolve();
    this.sessionKey = randomBytes(32); // each shell its own key
    this.attach(new PowerShell(this.shellOptions()));
    await this.start();
  }

  /** Dispatcher round trips made (gather and apply calls). */
  get roundTrips(): number {
    return this.calls;
  }

  /** Round trips including the start-up (Import-Module) ones. */
  get totalRoundTrips(): number {
    return this.calls + this.startups;
  }

  /** The shell's process id, while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** A password sealed with this shell's key (protocol.ts sealSecret). */
  seal(password: string): string {
    return sealSecret(this.sessionKey, password);
  }

  /** Ends the session: gently (end of input ends `-Command -`) unless `force`, then by signal. */
  async stop(force: boolean): Promise<void> {
    process.off('exit', this.killNow);
    this.closed ??= 'disposed';
    if (this.exit || !this.child) {
      await this.shell.dispose().catch(() => undefined);
      return;
    }
    if (!force) {
      try {
        this.shell.streams.stdin.end();
      } catch {
        /* gone */
      }
    }
    if (force || !(await within(this.exited, 1500))) {
      await this.shell.dispose().catch(() => undefined);
      if (!(await within(this.exited, 3000))) {
        try {
          this.child.kill('SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
  }

  /** One dispatcher call: the answer's result (and any stderr beside it), or a PowerShellError. `secret` is sealed already. */
  async call(functionName: string, parameters: Record<string, unknown>, secret?: string): Promise<{ value: unknown; stderr: string }> {
    const line = callLine(functionName, parameters, secret);
    this.onCall?.(describeCall(functionName, secret === undefined ? parameters : { ...parameters, Password: '***' }));
    this.calls++;
    const { stdout, stderr } = await this.run(line, functionName);
    const reply = parseReply(stdout);
    if (!reply) {
      if (stderr) {
        const err = parseStderr(stderr);
        throw new PowerShellError(`${functionName} failed${err.cmdlet ? ` in ${err.cmdlet}` : ''}: ${err.message}`, functionName, 'refused', err.message, err.cmdlet, err.category);
      }
      const shown = scrub(stdout.trim()).slice(0, 300);
      throw new PowerShellError(`${functionName} gave no answer from ${DISPATCHER}${shown ? ` (output: ${JSON.stringify(shown)})` : ''}`, functionName, 'protocol');
    }
    return { value: replyValue(functionName, reply), stderr };
  }

  /** Runs one line in the session, one at a time, with the timeout and exit watch. */
  private run(line: string, what: string): Promise<RawResult> {
    const next = this.queue.then(() => this.runNow(line, what));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(line: string, what: string): Promise<RawResult> {
    if (this.closed) {
      throw new PowerShellError(`cannot run ${what}: the PowerShell session is closed (${this.closed})`, what, 'closed');
    }
    if (this.exit) throw this.exitError(what, 'before');
    type Outcome = { kind: 'done'; stdout?: Buffer; stderr?: Buffer } | { kind: 'failed'; error: unknown } | { kind: 'exit' } | { kind: 'timeout' };
    const invocation = this.shell.invoke(line);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race<Outcome>([
      invocation.then(
        (r) => ({ kind: 'done', stdout: r.stdout, stderr: r.stderr }),
        (error: unknown) => ({ kind: 'failed', error }),
      ),
      this.exited.then(() => ({ kind: 'exit' })),
      new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: 'timeout' }), this.timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    // The request (password included, in base64) stays nowhere in memory it need not.
    this.shell.history.length = 0;

    if (outcome.kind === 'timeout') {
      this.closed = `${what} timed out`;
      invocation.catch(() => undefined);
      await this.stop(true);
      throw new PowerShellError(`PowerShell call ${what} timed out after ${formatMs(this.timeoutMs)}; the PowerShell session was stopped`, what, 'timeout');
    }
    if (this.exit || outcome.kind === 'exit') {
      invocation.catch(() => undefined);
      this.closed ??= 'PowerShell exited';
      throw this.exitError(what);
    }
    if (outcome.kind === 'failed') {
      throw new PowerShellError(`PowerShell failed during ${what}: ${scrub((outcome.error as Error)?.message ?? String(outcome.error))}`, what, 'protocol');
    }
    return { stdout: outcome.stdout?.toString('utf8') ?? '', stderr: outcome.stderr?.toString('utf8').trim() ?? '' };
  }

  private exitError(what: string, when: 'during' | 'before' = 'during'): PowerShellError {
    const x = this.exit;
    // The last lines PowerShell wrote to stderr, without node-powershell's delimiters.
    const tail = scrub(this.stderrTail)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !/^[0-9A-Za-z]{16}$/.test(l))
      .slice(-5)
      .join(' | ');
    const detail = tail ? `: ${tail}` : '';
    if (x?.error) {
      const exe = process.env.NODE_POWERSHELL ?? 'PowerShell';
      return new PowerShellError(`could not start PowerShell (${exe}): ${x.error.message}${detail}`, what, 'start');
    }
    const how = x?.signal ? `signal ${x.signal}` : `code ${x?.code ?? 'unknown'}`;
    return new PowerShellError(`PowerShell exited unexpectedly (${how}) ${when} ${what}${detail}`, what, 'exited');
  }
}

/** The environment without MOBYKIT_PASSWORD (in any letter case: Windows' variables are case-insensitive). */
function withoutPassword(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !sameName(k, 'MOBYKIT_PASSWORD')));
}

async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    p.then(() => true),
    new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return done;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
