// The real Windows host: one long-lived PowerShell session (node-powershell) per run, with the
// MobyKit module (ps1/) imported once. Every call sends one line of script text whose only
// varying part is a base64 string:
//
//     Invoke-MobyKitCall -Request '<base64 of UTF-8 JSON {"function":...,"parameters":{...}}>'
//
// so no user value (switch, VM, share or user names, paths, the share password) is ever parsed as
// PowerShell source: the dispatcher decodes the document and splats the parameters as data.
// The answer is one line of JSON on stdout: {"ok":true,"result":...} or {"ok":false,"error":{...}}.
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
import { createCipheriv, randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PowerShell, type PowerShellOptions } from 'node-powershell';
import type { Config } from '../../config/config.js';
import { SHARE_ACCOUNT_NAME } from '../../config/desired.js';
import { isLocalShareAccount } from '../../config/schema.js';
import type { Action } from '../../plan/action.js';
import { operationOf, PS_GATHER_FUNCTION } from '../../resources/registry.js';
import type { Snapshot } from '../../snapshot/types.js';
import { parseSnapshot, redactSnapshot } from '../../snapshot/validate.js';
import { HostActionError, type Host, type Secrets, type VMConsole } from '../host.js';
import type { JournalDoc } from '../../state/journal.js';
import { loadJournalFile, saveJournalFile } from '../../state/journal-file.js';
import { hostStateDir } from '../../state/paths.js';
import { psString } from '../../windows/powershell.js';

export const DEFAULT_TIMEOUT_MS = 120_000;
/** The dispatcher every call goes through (ps1/Public/Invoke-MobyKitCall.ps1). */
export const DISPATCHER = 'Invoke-MobyKitCall';
/** The exact shape of every line sent after start-up. */
export const CALL_LINE = /^Invoke-MobyKitCall -Request '[A-Za-z0-9+/=]+'$/;
/** The arguments PowerShell is started with (node-powershell adds -NoLogo first and -NoExit -Command - last). */
export const EXECUTABLE_OPTIONS = { '-NoProfile': true, '-NonInteractive': true, '-ExecutionPolicy': 'Bypass' } as const;
/** Read-only and console functions of the module, beside the one per operation (resources/). */
export const PS_QUERY = {
  uptime: 'Get-MobyKitVMUptime',
  checkPassword: 'Test-MobyKitAccountPassword',
  consoleRead: 'Read-MobyKitVMConsole',
  consoleWrite: 'Write-MobyKitVMConsole',
  consoleClose: 'Close-MobyKitVMConsole',
} as const;

/** Where the module ships: <package>/ps1/MobyKit.psd1, from dist/src/host/powershell/host.js. */
export function defaultModulePath(): string {
  return fileURLToPath(new URL('../../../../ps1/MobyKit.psd1', import.meta.url));
}

export function defaultStateDir(): string {
  return hostStateDir();
}

export type PowerShellFailure = 'refused' | 'timeout' | 'exited' | 'start' | 'protocol' | 'closed';

/** A PowerShell call that failed: the cmdlet's message, or a transport problem (`reason`). */
export class PowerShellError extends Error {
  constructor(
    message: string,
    readonly functionName: string,
    readonly reason: PowerShellFailure,
    readonly psMessage: string = message,
    readonly cmdlet?: string,
    readonly category?: string,
  ) {
    super(message);
    this.name = 'PowerShellError';
  }
}

export interface PowerShellHostOptions {
  config: Config;
  /** Where journal.json lives; default %ProgramData%\mobykit (hostStateDir). */
  stateDir?: string;
  /** A per-user journal of an earlier mobykit to carry over once (%LOCALAPPDATA%\mobykit). */
  legacyStateDir?: string;
  /** Per-call limit, start-up included; default 120 s. A call that runs over stops the session. */
  timeoutMs?: number;
  /** The MobyKit module manifest; default the package's own ps1/MobyKit.psd1. */
  modulePath?: string;
  /** Told about every call (function and parameters, the password as ***), for --verbose. */
  onCall?: (line: string) => void;
  /** `powershell` (Windows PowerShell 5.1, the default on Windows), `pwsh`, or a path. NODE_POWERSHELL wins. */
  executable?: string;
}

/** The scope of the one read-only gather call, from the desired state. */
export function gatherParameters(config: Config): Record<string, unknown> {
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  return {
    SwitchName: config.switch.name,
    NatName: config.nat.name,
    // The built-in File and Printer Sharing (SMB-In) rule too: doctor weighs it for firewall.smb.
    FirewallRuleName: unique([config.firewall.tcpRuleName, config.firewall.udpRuleName, config.firewall.smbRuleName, 'FPS-SMB-In-TCP']),
    TcpPort: unique(config.ports.tcp),
    UdpPort: unique(config.ports.udp),
    VMName: config.vm.name,
    ShareName: config.share.name,
    CredentialTarget: config.credential.target,
    SettingsDir: config.paths.settingsDir,
    LogDir: config.paths.logDir,
    IsoPath: config.vm.isoPath,
    ProxyProgram: config.firewall.program,
    // Empty: the gather reports <VMName>.vhdx in Get-VMHost's VirtualHardDiskPath.
    VhdxPath: config.vm.vhdxPath ?? '',
    // What doctor needs besides: the scope recorded in gatheredFor, and the engine to probe.
    Subnet: config.network.subnet,
    HostAddress: config.network.hostAddress,
    ...(config.share.user ? { ShareUser: config.share.user } : {}),
    // --share-account local: the local accounts of that name (localAccounts), looked up only then.
    ...(isLocalShareAccount(config.share.account ?? 'user') ? { ShareAccountName: SHARE_ACCOUNT_NAME } : {}),
    KvpItemName: config.kvp.itemName,
    EngineEndpoint: `tcp://${config.network.vmAddress}:${config.ports.tcp.find((p) => p !== 53) ?? 2375}`,
  };
}

/**
 * The request document, base64 of its UTF-8 JSON: the only per-call text the shell sees.
 * `secret` (the share password) travels sealed, never in the parameters: see sealSecret.
 */
export function encodeRequest(functionName: string, parameters: Record<string, unknown>, secret?: string): string {
  return Buffer.from(JSON.stringify({ function: functionName, parameters, ...(secret === undefined ? {} : { secret }) }), 'utf8').toString('base64');
}

export function callLine(functionName: string, parameters: Record<string, unknown>, secret?: string): string {
  const line = `${DISPATCHER} -Request '${encodeRequest(functionName, parameters, secret)}'`;
  if (!CALL_LINE.test(line)) throw new Error(`internal error: malformed call line for ${functionName}`);
  return line;
}

/** The variable that hands the session key to PowerShell; the module takes it out at import. */
export const SESSION_KEY_VARIABLE = 'MOBYKIT_SESSION_KEY';

/**
 * The password sealed for the request line: base64 of IV || AES-256-CBC(key, IV, UTF-8). Script
 * block logging and transcription record the line the shell runs; with the password sealed they
 * record ciphertext, and the key lives only in this process and the shell's memory (it reaches
 * the shell in its environment, which the module clears at import, so no grandchild inherits it).
 */
export function sealSecret(key: Buffer, secret: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(secret, 'utf8'), cipher.final()]).toString('base64');
}

const SECRET_KEY = /password|secret/i;

/** What --verbose shows of a call: never the password. */
export function describeCall(functionName: string, parameters: Record<string, unknown>): string {
  const shown: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parameters)) shown[k] = SECRET_KEY.test(k) && v !== undefined ? '***' : v;
  return `${functionName} ${JSON.stringify(shown)}`;
}

const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u0085]/;

/**
 * The one start-up line. The module path is the only value in script text: single-quoted when it
 * is printable ASCII; otherwise passed as base64 of its UTF-8 bytes, because PowerShell decodes
 * its redirected stdin with the console's OEM code page, which would garble e.g. C:\Users\zoë.
 * The console writers' NewLine is set to LF after the encoding (setting OutputEncoding recreates
 * them): node-powershell's end-of-output check misses a CRLF-terminated delimiter when a whole
 * answer arrives in one read.
 */
export function startupLine(modulePath: string, preflight = readPreflight(modulePath)): string {
  if (CONTROL_CHARS.test(modulePath)) throw new Error(`refusing a module path with control characters: ${JSON.stringify(modulePath)}`);
  const nameArg = /^[\x20-\x7E]*$/.test(modulePath)
    ? psString(modulePath)
    : `([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${Buffer.from(modulePath, 'utf8').toString('base64')}')))`;
  return [
    // First, as plain statements: in Constrained Language Mode the .NET calls below are refused.
    CLM_CHECK,
    ...(preflight === undefined ? [] : [
      `. ([scriptblock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${Buffer.from(preflight, 'utf8').toString('base64')}'))))`,
      `${PREFLIGHT_FUNCTION} -ModulePath ${nameArg}`,
    ]),
    `$ProgressPreference = 'SilentlyContinue'`,
    '[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)',
    '[Console]::Out.NewLine = "`n"',
    '[Console]::Error.NewLine = "`n"',
    `Import-Module -Name ${nameArg} -Force`,
  ].join('; ');
}

/**
 * AppLocker / WDAC put PowerShell in Constrained Language Mode, where Add-Type and most .NET calls
 * are refused: the module could not work, so the session says so before anything else.
 */
export const CLM_CHECK = "if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { throw ('mobykit cannot run here: " +
  "PowerShell is in {0} mode (AppLocker or Windows Defender Application Control enforce it), which refuses the Add-Type and .NET calls " +
  "mobykit''s module makes. An administrator must allow mobykit''s ps1 folder in that policy.' -f $ExecutionContext.SessionState.LanguageMode) }";

/** The start-up checks (ps1/Preflight/): PowerShell version, Windows build, pwsh on old builds, Group Policy execution policy. */
export const PREFLIGHT_FUNCTION = 'Assert-MobyKitSession';

/** The preflight script beside the module manifest, undefined when absent (a module elsewhere). */
export function readPreflight(modulePath: string): string | undefined {
  try {
    return readFileSync(path.join(path.dirname(modulePath), 'Preflight', `${PREFLIGHT_FUNCTION}.ps1`), 'utf8');
  } catch {
    return undefined;
  }
}

export interface Reply { ok: boolean; result?: unknown; error?: { message?: unknown; cmdlet?: unknown; category?: unknown } }

function isReply(v: unknown): v is Reply {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Reply).ok === 'boolean';
}

/**
 * The dispatcher's one JSON line, tolerating other output (warnings) around it. Terminal control
 * sequences are dropped first: pwsh 7's console host writes ESC[?1h ESC[?1l (cursor-key mode)
 * around each command it reads from a pipe, on the same line as the answer.
 */
export function parseReply(stdout: string): Reply | undefined {
  // Terminal sequences the console writes around output (a child such as ssh under PowerShell
  // remoting sets modes when no NO_COLOR is set) are no part of the answer: a JSON line escapes ESC.
  const text = stdout.replace(ANSI, '').replace(/\u001B[=>]/g, '').replace(/^\uFEFF/, '').trim();
  if (!text) return undefined;
  const lines = text.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i].trim();
    if (!line.startsWith('{')) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isReply(v)) return v;
    } catch {
      // A line wrapped by the host: try it joined with the lines after it.
      try {
        const v: unknown = JSON.parse(lines.slice(i).map((l) => l.replace(/\r$/, '')).join(''));
        if (isReply(v)) return v;
      } catch { /* not it */ }
    }
  }
  return undefined;
}

/** A failed call of an action as the action's error: the cmdlet's own message when PowerShell refused it. */
export function asActionError(actionId: string, e: unknown): unknown {
  if (!(e instanceof PowerShellError)) return e;
  const err = new HostActionError(actionId, e.reason === 'refused' ? e.psMessage : e.message, e.cmdlet);
  (err as Error).cause = e;
  return err;
}

/** The result of a dispatcher reply, or the PowerShellError it reports. */
export function replyValue(functionName: string, reply: Reply): unknown {
  if (!reply.ok) {
    const e = reply.error ?? {};
    const message = typeof e.message === 'string' && e.message ? e.message : 'unknown error';
    const cmdlet = typeof e.cmdlet === 'string' && e.cmdlet ? e.cmdlet : undefined;
    const category = typeof e.category === 'string' && e.category ? e.category : undefined;
    throw new PowerShellError(`${functionName} failed${cmdlet ? ` in ${cmdlet}` : ''}: ${message}`,
      functionName, 'refused', message, cmdlet, category);
  }
  return reply.result ?? null;
}

// Long base64 runs (the echoed request, which may carry the password) never reach a message.
const LONG_BASE64 = /[A-Za-z0-9+/]{24,}={0,2}/g;
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

function scrub(text: string): string {
  return text.replace(ANSI, '').replace(LONG_BASE64, '<request>');
}

/** The message, cmdlet and category of an error record PowerShell wrote to stderr. */
export function parseStderr(stderr: string): { message: string; cmdlet?: string; category?: string } {
  const kept: string[] = [];
  let category: string | undefined;
  for (const raw of scrub(stderr).split(/\r?\n/)) {
    const line = raw.trimEnd();
    const cat = /^\s*\+\s*CategoryInfo\s*:\s*([A-Za-z]+)/.exec(line);
    if (cat) { category = cat[1]; continue; }
    if (/^\s*\+/.test(line) || /^At (line:\d|.+:\d+ char:\d)/.test(line.trim())) continue; // 5.1 position/info lines
    if (/^\s*Line \|/.test(line) || /^\s*\d+ \|/.test(line) || /^\s*\|\s*~*\s*$/.test(line)) continue; // 7.x ConciseView
    const bar = /^\s*\|\s?(.*)$/.exec(line);
    kept.push((bar ? bar[1] : line).trim());
  }
  let message = kept.filter(Boolean).join(' ').trim();
  let cmdlet: string | undefined;
  const head = /^([A-Za-z]+-[A-Za-z0-9]+)\s?:\s+(.*)$/s.exec(message);
  if (head) { cmdlet = head[1]; message = head[2]; }
  return { message: message || 'PowerShell reported an error', ...(cmdlet ? { cmdlet } : {}), ...(category ? { category } : {}) };
}

interface ShellInternals {
  process?: ChildProcess;
  exitPromise?: Promise<void>;
  debuggers?: Record<string, { enabled?: boolean; log?: unknown } | undefined>;
}

interface Exit { code: number | null; signal: NodeJS.Signals | null; error?: Error }

interface RawResult { stdout: string; stderr: string }

const STDERR_TAIL = 4000;

export class PowerShellHost implements Host {
  readonly kind = 'powershell' as const;
  private calls = 0;
  private startups = 0;
  private closed: string | undefined;
  private exit: Exit | undefined;
  private exited!: Promise<Exit>;
  private stderrTail = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly stateDir: string;
  private readonly legacyStateDir?: string;
  private readonly onCall?: (line: string) => void;
  private child: ChildProcess | undefined;
  private readonly killNow = () => {
    try { this.child?.kill(); } catch { /* already gone */ }
  };
  private readonly onSigint = () => {
    // Someone else (the CLI) stops gracefully after the current call; the exit handler cleans up.
    if (process.listenerCount('SIGINT') > 1) return;
    this.unregister();
    this.closed ??= 'interrupted';
    this.killNow();
    // Our listener replaced Node's default Ctrl+C exit; keep that behaviour unless someone else handles it.
    if (process.listenerCount('SIGINT') === 0) process.exit(130);
  };

  private constructor(private shell: PowerShell, readonly config: Config, private readonly opts: PowerShellHostOptions,
    private sessionKey: Buffer) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.stateDir = opts.stateDir ?? defaultStateDir();
    this.legacyStateDir = opts.legacyStateDir;
    this.onCall = opts.onCall;
    this.attach(shell);
  }

  /** Wires a freshly started shell: its exit, its stderr, and mobykit's own exit and Ctrl-C. */
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
      if (d) { d.enabled = false; d.log = () => undefined; }
    }
    this.exited = new Promise<Exit>((resolve) => {
      const child = this.child;
      if (!child) return;
      child.once('exit', (code, signal) => { this.exit = { code, signal }; resolve(this.exit); });
      child.once('error', (error) => { this.exit ??= { code: null, signal: null, error }; resolve(this.exit); });
    });
    // Writes after the shell is gone must not crash mobykit; the exit is reported instead.
    shell.streams.stdin.on('error', () => undefined);
    shell.streams.stderr.on('data', (chunk: string | Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-STDERR_TAIL);
    });
    process.on('exit', this.killNow);
    process.on('SIGINT', this.onSigint);
  }

  private static shellOptions(opts: PowerShellHostOptions, sessionKey: Buffer): PowerShellOptions {
    return {
      executableOptions: { ...EXECUTABLE_OPTIONS },
      // The session key, for sealed passwords; MOBYKIT_PASSWORD stays out of the shell's environment.
      spawnOptions: { windowsHide: true, env: { ...withoutPassword(process.env), [SESSION_KEY_VARIABLE]: sessionKey.toString('base64') } },
      throwOnInvocationError: false,
      ...(opts.executable ? { executable: opts.executable } : {}),
    };
  }

  /** Starts PowerShell, sets UTF-8 output and imports the module: one round trip. */
  static async open(opts: PowerShellHostOptions): Promise<PowerShellHost> {
    const modulePath = path.resolve(opts.modulePath ?? defaultModulePath());
    startupLine(modulePath); // refuses control characters before anything starts
    if (!existsSync(modulePath)) {
      throw new PowerShellError(`the MobyKit PowerShell module is missing: ${modulePath} (reinstall mobykit)`, 'Import-Module', 'start');
    }
    const sessionKey = randomBytes(32);
    const host = new PowerShellHost(new PowerShell(PowerShellHost.shellOptions(opts, sessionKey)), opts.config, opts, sessionKey);
    try {
      await host.startup(modulePath);
    } catch (e) {
      await host.dispose();
      throw e;
    }
    return host;
  }

  private async startup(modulePath = path.resolve(this.opts.modulePath ?? defaultModulePath())): Promise<void> {
    this.onCall?.(`Import-Module ${JSON.stringify(modulePath)}`);
    const out = await this.run(startupLine(modulePath), 'start-up (Import-Module)');
    this.startups++;
    if (out.stderr) {
      const err = parseStderr(out.stderr);
      throw new PowerShellError(`PowerShell could not load the MobyKit module (${modulePath}): ${err.message}`,
        'Import-Module', 'start', err.message, err.cmdlet, err.category);
    }
  }

  /** Whether the session can take calls (false once PowerShell exited, timed out or was stopped). */
  get usable(): boolean {
    return !this.closed && !this.exit;
  }

  /** A new PowerShell session in place of one that died or timed out (for a rollback). */
  async reopen(): Promise<void> {
    await this.stop(true);
    this.closed = undefined;
    this.exit = undefined;
    this.stderrTail = '';
    this.queue = Promise.resolve();
    this.sessionKey = randomBytes(32); // each shell its own key
    this.attach(new PowerShell(PowerShellHost.shellOptions(this.opts, this.sessionKey)));
    await this.startup();
  }

  /** PowerShell round trips made through the dispatcher (gather and apply calls). */
  get roundTrips(): number {
    return this.calls;
  }

  /** Round trips including the start-up (Import-Module) one. */
  get totalRoundTrips(): number {
    return this.calls + this.startups;
  }

  /** The shell's process id, while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async gather(scope: Config = this.config): Promise<Snapshot> {
    const result = await this.call(PS_GATHER_FUNCTION, gatherParameters(scope));
    let snapshot: Snapshot;
    try {
      snapshot = parseSnapshot(result.value);
    } catch (e) {
      throw new PowerShellError(`${PS_GATHER_FUNCTION} returned a document that is not a host snapshot: ${(e as Error).message}`,
        PS_GATHER_FUNCTION, 'protocol');
    }
    snapshot = redactSnapshot(snapshot);
    // ok:true with something on stderr: the snapshot stands (partial is fine), the error is recorded.
    if (result.stderr) snapshot.errors.push({ Source: 'PowerShell', Message: parseStderr(result.stderr).message });
    return snapshot;
  }

  async apply(action: Action, secrets: Secrets): Promise<void> {
    const operation = operationOf(action);
    if (!operation) throw new HostActionError(action.id, `unknown operation ${JSON.stringify(action.op)}`);
    const functionName = operation.psFunction;
    const parameters: Record<string, unknown> = { ...(action.params as unknown as Record<string, unknown>) };
    let secret: string | undefined;
    if (operation.needsSecret) {
      if (typeof secrets.sharePassword !== 'string' || secrets.sharePassword === '') {
        throw new HostActionError(action.id, 'the share password is needed for this action but none was given');
      }
      secret = sealSecret(this.sessionKey, secrets.sharePassword);
    }
    let result: { stderr: string };
    try {
      result = await this.call(functionName, parameters, secret);
    } catch (e) {
      throw asActionError(action.id, e);
    }
    // ok:true but an error record leaked to stderr: the change may be incomplete, so it failed.
    if (result.stderr) {
      const err = parseStderr(result.stderr);
      throw new HostActionError(action.id, err.message, err.cmdlet);
    }
  }

  async vmUptime(name: string): Promise<number | null> {
    const { value } = await this.call(PS_QUERY.uptime, { Name: name });
    return typeof value === 'number' && value >= 0 ? value : null;
  }

  async checkPassword(account: string, secrets: Secrets): Promise<boolean | null> {
    if (!secrets.sharePassword) return null;
    const { value } = await this.call(PS_QUERY.checkPassword, { UserName: account }, sealSecret(this.sessionKey, secrets.sharePassword));
    return typeof value === 'boolean' ? value : null;
  }

  /** The console pipe stays open in the session between calls; reads wait a little for output. */
  readonly console: VMConsole = {
    read: async (pipe, waitMs, interactive) => {
      const { value } = await this.call(PS_QUERY.consoleRead, { PipeName: pipe, TimeoutMilliseconds: waitMs, ...(interactive ? { Interactive: true } : {}) });
      return Buffer.from(typeof value === 'string' ? value : '', 'base64');
    },
    write: async (pipe, data) => { await this.call(PS_QUERY.consoleWrite, { PipeName: pipe, Data: data.toString('base64') }); },
    close: async (pipe) => { await this.call(PS_QUERY.consoleClose, { PipeName: pipe }); },
  };

  /**
   * One call of any function the module exports, for the fleet's remote sessions (src/fleet):
   * its result, or a PowerShellError. `password` travels sealed, as for apply.
   */
  async invoke(functionName: string, parameters: Record<string, unknown>, password?: string): Promise<unknown> {
    return (await this.call(functionName, parameters, password === undefined ? undefined : sealSecret(this.sessionKey, password))).value;
  }

  /** A password sealed with this shell's key, which its remote sessions share (Open-MobyKitRemoteSession). */
  seal(password: string): string {
    return sealSecret(this.sessionKey, password);
  }

  async loadJournal(): Promise<JournalDoc> {
    const { doc, note } = await loadJournalFile(this.stateDir, this.legacyStateDir);
    return note ? { ...doc, notes: [note] } : doc;
  }

  async saveJournal(doc: JournalDoc): Promise<void> {
    await saveJournalFile(this.stateDir, doc);
  }

  async dispose(): Promise<void> {
    await this.stop(false);
  }

  /** Ends the session: gently (end of input ends `-Command -`) unless `force`, then by signal. */
  private async stop(force: boolean): Promise<void> {
    this.unregister();
    this.closed ??= 'disposed';
    if (this.exit || !this.child) {
      await this.shell.dispose().catch(() => undefined);
      return;
    }
    if (!force) {
      try { this.shell.streams.stdin.end(); } catch { /* gone */ }
    }
    if (force || !(await within(this.exited, 1500))) {
      await this.shell.dispose().catch(() => undefined);
      if (!(await within(this.exited, 3000))) {
        try { this.child.kill('SIGKILL'); } catch { /* gone */ }
      }
    }
  }

  private unregister(): void {
    process.off('exit', this.killNow);
    process.off('SIGINT', this.onSigint);
  }

  /** One dispatcher call: the answer's result, or a PowerShellError. */
  private async call(functionName: string, parameters: Record<string, unknown>, secret?: string): Promise<{ value: unknown; stderr: string }> {
    const line = callLine(functionName, parameters, secret);
    this.onCall?.(describeCall(functionName, secret === undefined ? parameters : { ...parameters, Password: '***' }));
    this.calls++;
    const { stdout, stderr } = await this.run(line, functionName);
    const reply = parseReply(stdout);
    if (!reply) {
      if (stderr) {
        const err = parseStderr(stderr);
        throw new PowerShellError(`${functionName} failed${err.cmdlet ? ` in ${err.cmdlet}` : ''}: ${err.message}`,
          functionName, 'refused', err.message, err.cmdlet, err.category);
      }
      const shown = scrub(stdout.trim()).slice(0, 300);
      throw new PowerShellError(`${functionName} gave no answer from ${DISPATCHER}${shown ? ` (output: ${JSON.stringify(shown)})` : ''}`,
        functionName, 'protocol');
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
    type Outcome =
      | { kind: 'done'; stdout?: Buffer; stderr?: Buffer }
      | { kind: 'failed'; error: unknown }
      | { kind: 'exit' }
      | { kind: 'timeout' };
    const invocation = this.shell.invoke(line);
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race<Outcome>([
      invocation.then((r) => ({ kind: 'done', stdout: r.stdout, stderr: r.stderr }), (error: unknown) => ({ kind: 'failed', error })),
      this.exited.then(() => ({ kind: 'exit' })),
      new Promise<Outcome>((resolve) => { timer = setTimeout(() => resolve({ kind: 'timeout' }), this.timeoutMs); }),
    ]).finally(() => clearTimeout(timer));
    // The request (password included, in base64) stays nowhere in memory it need not.
    this.shell.history.length = 0;

    if (outcome.kind === 'timeout') {
      this.closed = `${what} timed out`;
      invocation.catch(() => undefined);
      await this.stop(true);
      throw new PowerShellError(
        `PowerShell call ${what} timed out after ${formatMs(this.timeoutMs)}; the PowerShell session was stopped`,
        what, 'timeout');
    }
    if (this.exit || outcome.kind === 'exit') {
      invocation.catch(() => undefined);
      this.closed ??= 'PowerShell exited';
      throw this.exitError(what);
    }
    if (outcome.kind === 'failed') {
      throw new PowerShellError(`PowerShell failed during ${what}: ${scrub((outcome.error as Error)?.message ?? String(outcome.error))}`,
        what, 'protocol');
    }
    return { stdout: outcome.stdout?.toString('utf8') ?? '', stderr: outcome.stderr?.toString('utf8').trim() ?? '' };
  }

  private exitError(what: string, when: 'during' | 'before' = 'during'): PowerShellError {
    const x = this.exit;
    // The last lines PowerShell wrote to stderr, without node-powershell's delimiters.
    const tail = scrub(this.stderrTail).split(/\r?\n/).map((l) => l.trim())
      .filter((l) => l && !/^[0-9A-Za-z]{16}$/.test(l)).slice(-5).join(' | ');
    const detail = tail ? `: ${tail}` : '';
    if (x?.error) {
      const exe = process.env.NODE_POWERSHELL ?? 'PowerShell';
      return new PowerShellError(`could not start PowerShell (${exe}): ${x.error.message}${detail}`, what, 'start');
    }
    const how = x?.signal ? `signal ${x.signal}` : `code ${x?.code ?? 'unknown'}`;
    return new PowerShellError(`PowerShell exited unexpectedly (${how}) ${when} ${what}${detail}`, what, 'exited');
  }
}

/** The number of dispatcher round trips a host made (0 for hosts that do not count them). */
export function countRoundTrips(host: Host): number {
  return host instanceof PowerShellHost ? host.roundTrips : 0;
}

/** The environment without MOBYKIT_PASSWORD (in any letter case: Windows' variables are case-insensitive). */
function withoutPassword(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => k.toUpperCase() !== 'MOBYKIT_PASSWORD'));
}

async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([p.then(() => true), new Promise<boolean>((r) => { timer = setTimeout(() => r(false), ms); })]);
  clearTimeout(timer);
  return done;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
