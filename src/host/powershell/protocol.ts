// The wire protocol of the real host: what mobykit sends PowerShell and how it reads the answer.
// Every call sends one line of script text whose only varying part is a base64 string:
//
//     Invoke-MobyKitCall -Request '<base64 of UTF-8 JSON {"function":...,"parameters":{...}}>'
//
// so no user value (switch, VM, share or user names, paths, the share password) is ever parsed as
// PowerShell source: the dispatcher decodes the document and splats the parameters as data.
// The answer is one line of JSON on stdout: {"ok":true,"result":...} or {"ok":false,"error":{...}}.
// The process that runs these lines is supervised by shell.ts; the Host on top is host.ts.
import { createCipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.js';
import { SHARE_ACCOUNT_NAME } from '../../config/desired.js';
import { isLocalShareAccount } from '../../config/schema.js';
import { HostActionError } from '../host.js';
import { psString } from '../../windows/powershell.js';

/** The dispatcher every call goes through (ps1/Public/Invoke-MobyKitCall.ps1). */
export const DISPATCHER = 'Invoke-MobyKitCall';
/** The exact shape of every line sent after start-up. */
export const CALL_LINE = /^Invoke-MobyKitCall -Request '[A-Za-z0-9+/=]+'$/;
/** Read-only and console functions of the module, beside the one per operation (resources/). */
export const PS_QUERY = {
  uptime: 'Get-MobyKitVMUptime',
  checkPassword: 'Test-MobyKitAccountPassword',
  consoleRead: 'Read-MobyKitVMConsole',
  consoleWrite: 'Write-MobyKitVMConsole',
  consoleClose: 'Close-MobyKitVMConsole',
} as const;

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
    ...(preflight === undefined
      ? []
      : [
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
const CLM_CHECK =
  "if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { throw ('mobykit cannot run here: " +
  'PowerShell is in {0} mode (AppLocker or Windows Defender Application Control enforce it), which refuses the Add-Type and .NET calls ' +
  "mobykit''s module makes. An administrator must allow mobykit''s ps1 folder in that policy.' -f $ExecutionContext.SessionState.LanguageMode) }";

/** The start-up checks (ps1/Preflight/): PowerShell version, Windows build, pwsh on old builds, Group Policy execution policy. */
const PREFLIGHT_FUNCTION = 'Assert-MobyKitSession';

/** The preflight script beside the module manifest, undefined when absent (a module elsewhere). */
function readPreflight(modulePath: string): string | undefined {
  try {
    return readFileSync(path.join(path.dirname(modulePath), 'Preflight', `${PREFLIGHT_FUNCTION}.ps1`), 'utf8');
  } catch {
    return undefined;
  }
}

export interface Reply {
  ok: boolean;
  result?: unknown;
  error?: { message?: unknown; cmdlet?: unknown; category?: unknown };
}

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
  const text = stdout
    .replace(ANSI, '')
    .replace(/\u001B[=>]/g, '')
    .replace(/^\uFEFF/, '')
    .trim();
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
        const v: unknown = JSON.parse(
          lines
            .slice(i)
            .map((l) => l.replace(/\r$/, ''))
            .join(''),
        );
        if (isReply(v)) return v;
      } catch {
        /* not it */
      }
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
    throw new PowerShellError(`${functionName} failed${cmdlet ? ` in ${cmdlet}` : ''}: ${message}`, functionName, 'refused', message, cmdlet, category);
  }
  return reply.result ?? null;
}

// Long base64 runs (the echoed request, which may carry the password) never reach a message.
const LONG_BASE64 = /[A-Za-z0-9+/]{24,}={0,2}/g;
const ANSI = /\u001B\[[0-9;?]*[ -/]*[@-~]/g;

export function scrub(text: string): string {
  return text.replace(ANSI, '').replace(LONG_BASE64, '<request>');
}

/** The message, cmdlet and category of an error record PowerShell wrote to stderr. */
export function parseStderr(stderr: string): { message: string; cmdlet?: string; category?: string } {
  const kept: string[] = [];
  let category: string | undefined;
  for (const raw of scrub(stderr).split(/\r?\n/)) {
    const line = raw.trimEnd();
    const cat = /^\s*\+\s*CategoryInfo\s*:\s*([A-Za-z]+)/.exec(line);
    if (cat) {
      category = cat[1];
      continue;
    }
    if (/^\s*\+/.test(line) || /^At (line:\d|.+:\d+ char:\d)/.test(line.trim())) continue; // 5.1 position/info lines
    if (/^\s*Line \|/.test(line) || /^\s*\d+ \|/.test(line) || /^\s*\|\s*~*\s*$/.test(line)) continue; // 7.x ConciseView
    const bar = /^\s*\|\s?(.*)$/.exec(line);
    kept.push((bar ? bar[1] : line).trim());
  }
  let message = kept.filter(Boolean).join(' ').trim();
  let cmdlet: string | undefined;
  const head = /^([A-Za-z]+-[A-Za-z0-9]+)\s?:\s+(.*)$/s.exec(message);
  if (head) {
    cmdlet = head[1];
    message = head[2];
  }
  return { message: message || 'PowerShell reported an error', ...(cmdlet ? { cmdlet } : {}), ...(category ? { category } : {}) };
}
