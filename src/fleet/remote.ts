// Many hosts through ONE local PowerShell: the local shell (PowerShellHost, the module imported)
// holds a remoting session per host and runs each host's work (open and deliver the module, the
// calls, close) in a runspace pool (Invoke-MobyKitRemoteBatch), so the hosts work at the same
// time while the one shell stays free: each batch starts what is queued and hands back what finished. Every remote call is the very request a single
// host gets (base64 JSON through Invoke-MobyKitCall): no user value becomes PowerShell source.
import type { Config } from '../config/config.js';
import type { Action } from '../plan/action.js';
import { operationOf, PS_GATHER_FUNCTION } from '../resources/registry.js';
import type { Snapshot } from '../snapshot/types.js';
import { parseSnapshot, redactSnapshot } from '../snapshot/validate.js';
import { emptyJournal, parseJournal, type JournalDoc } from '../state/journal.js';
import { HostActionError, type Host, type Secrets } from '../host/host.js';
import type { PowerShellHost } from '../host/powershell/host.js';
import { asActionError, encodeRequest, gatherParameters, parseReply, PowerShellError, replyValue } from '../host/powershell/protocol.js';
import type { Target } from './targets.js';

/** The module functions the fleet calls (ps1/Public): the remote sessions, and the journal and lock on a remote host. */
export const FLEET_FUNCTIONS = ['Invoke-MobyKitRemoteBatch', 'Get-MobyKitJournal', 'Set-MobyKitJournal', 'Lock-MobyKitHost', 'Unlock-MobyKitHost'];

export interface Connection {
  transport: 'WinRM' | 'SSH';
  userName?: string;
  /** WinRM: the credential's password (prompted once, hidden); sealed on its way to the shell. */
  password?: string;
  keyFilePath?: string;
  knownHostsFile?: string;
}

interface Waiting {
  resolve(v: unknown): void;
  reject(e: Error): void;
  functionName: string;
  host: string;
}

/**
 * How long one batch call waits in the shell for a remote call to finish (it returns as soon as
 * one does, and a host's next call follows its reply, so a longer wait costs no latency: it only
 * spares the shell from polling).
 */
const WAIT_MS = 250;
/**
 * At most this many pieces of work start in one batch call: each start may open a runspace of the
 * pool on the shell's own thread, and 19 opens in one call took 17 s on a loaded 2-core machine
 * (20 hosts then ran the batch call into the local 120 s call limit).
 */
const STARTS_PER_BATCH = 4;

export class FleetShell {
  private tag = 0;
  private starts: Record<string, unknown>[] = [];
  private readonly waiting = new Map<string, Waiting>();
  private pumping = false;
  /** Remote round trips, by host. */
  readonly roundTrips = new Map<string, number>();

  /** `callTimeoutMs`: how long one remote call (an open and a close too) may run before its host is reported hung. */
  constructor(
    readonly local: PowerShellHost,
    private readonly connection: Connection,
    private readonly callTimeoutMs: number,
  ) {}

  /** A session to the host with the module delivered and version-checked; its id. */
  async open(target: Target): Promise<string> {
    const c = this.connection;
    // PowerShell's own message may not name the host ("An error has occurred which PowerShell
    // cannot handle"): the report says where it tried to connect, and how.
    const opened = (await this.submit(target.computerName, `New-PSSession to ${target.computerName} (${c.transport})`, {
      open: {
        ComputerName: target.address,
        Transport: c.transport,
        ...(c.userName ? { UserName: c.userName } : {}),
        ...(c.keyFilePath ? { KeyFilePath: c.keyFilePath } : {}),
        ...(c.knownHostsFile ? { KnownHostsFile: c.knownHostsFile } : {}),
        ...(target.port ? { Port: target.port } : {}),
      },
    })) as { id?: unknown };
    if (typeof opened?.id !== 'string') throw new PowerShellError(`no session was opened to ${target.computerName}`, 'Invoke-MobyKitRemoteBatch', 'protocol');
    return opened.id;
  }

  /** Removes the delivered module folder and closes the session; whether the folder went. */
  async close(session: string, host: string): Promise<boolean> {
    return (await this.submit(host, 'Remove-PSSession', { close: session })) === true;
  }

  /** One request on one host's session: its result, or the PowerShellError it reports. */
  call(session: string, host: string, functionName: string, parameters: Record<string, unknown>, sealed?: string): Promise<unknown> {
    this.roundTrips.set(host, (this.roundTrips.get(host) ?? 0) + 1);
    return this.submit(host, functionName, { session, request: encodeRequest(functionName, parameters, sealed) });
  }

  private submit(host: string, functionName: string, work: Record<string, unknown>): Promise<unknown> {
    const tag = String(++this.tag);
    const done = new Promise<unknown>((resolve, reject) => this.waiting.set(tag, { resolve, reject, functionName, host }));
    this.starts.push({ ...work, tag });
    if (!this.pumping) void this.pump();
    return done;
  }

  /** Starts what is queued and hands out what finished, until nothing is in flight. */
  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      while (this.waiting.size) {
        let finished: unknown;
        try {
          const start = this.starts.splice(0, STARTS_PER_BATCH);
          // The WinRM credential's password goes (sealed) only with a batch that opens sessions.
          const password = this.connection.password !== undefined && start.some((w) => w.open) ? this.connection.password : undefined;
          finished = await this.local.invoke('Invoke-MobyKitRemoteBatch', { Start: start, WaitMs: this.starts.length ? 0 : WAIT_MS, TimeoutMs: this.callTimeoutMs }, password);
        } catch (e) {
          // The local shell itself failed: every call in flight fails with it.
          for (const w of this.waiting.values()) w.reject(e as Error);
          this.waiting.clear();
          return;
        }
        for (const r of asList(finished) as { tag?: string; reply?: string; error?: string; timedOut?: boolean }[]) {
          const w = r.tag === undefined ? undefined : this.waiting.get(r.tag);
          if (!w || r.tag === undefined) continue;
          this.waiting.delete(r.tag);
          try {
            if (r.timedOut) {
              throw new PowerShellError(
                `${w.functionName}: ${w.host} gave no answer within ${this.callTimeoutMs / 1000} s (--call-timeout); its session was stopped`,
                w.functionName,
                'timeout',
              );
            }
            const reply = typeof r.reply === 'string' ? parseReply(r.reply) : undefined;
            if (!reply) throw new PowerShellError(`${w.functionName}: ${r.error ?? 'no answer'}`, w.functionName, 'exited');
            w.resolve(replyValue(w.functionName, reply));
          } catch (e) {
            w.reject(e as Error);
          }
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}

/** One remote Windows host, through the fleet's shared shell; its journal lives on it. */
export class RemoteHost implements Host {
  readonly kind = 'powershell' as const;
  constructor(
    private readonly shell: FleetShell,
    private readonly session: string,
    readonly target: Target,
    readonly config: Config,
  ) {}

  private call(functionName: string, parameters: Record<string, unknown>, sealed?: string): Promise<unknown> {
    return this.shell.call(this.session, this.target.computerName, functionName, parameters, sealed);
  }

  async gather(scope: Config = this.config): Promise<Snapshot> {
    const value = await this.call(PS_GATHER_FUNCTION, gatherParameters(scope));
    try {
      return redactSnapshot(parseSnapshot(value));
    } catch (e) {
      throw new PowerShellError(
        `${PS_GATHER_FUNCTION} on ${this.target.computerName} returned a document that is not a host snapshot: ${(e as Error).message}`,
        PS_GATHER_FUNCTION,
        'protocol',
      );
    }
  }

  async apply(action: Action, secrets: Secrets): Promise<void> {
    const operation = operationOf(action);
    if (!operation) throw new HostActionError(action.id, `unknown operation ${JSON.stringify(action.op)}`);
    let sealed: string | undefined;
    if (operation.needsSecret) {
      if (!secrets.sharePassword) throw new HostActionError(action.id, 'the share password is needed for this action but none was given');
      sealed = this.shell.local.seal(secrets.sharePassword);
    }
    try {
      await this.call(operation.psFunction, { ...(action.params as unknown as Record<string, unknown>) }, sealed);
    } catch (e) {
      throw asActionError(action.id, e);
    }
  }

  async loadJournal(): Promise<JournalDoc> {
    const text = await this.call('Get-MobyKitJournal', {});
    if (typeof text !== 'string' || !text.trim()) return emptyJournal();
    let doc: unknown;
    try {
      doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new Error(`mobykit's journal on ${this.target.computerName} is not valid JSON (${(e as Error).message}); fix or delete it`);
    }
    return parseJournal(doc, `on ${this.target.computerName}`);
  }

  async saveJournal(doc: JournalDoc): Promise<void> {
    await this.call('Set-MobyKitJournal', { Json: `${JSON.stringify(doc, null, 2)}\n` });
  }

  /**
   * Takes mobykit's lock on the host (the same host.lock, and rules, as a run on the host itself:
   * Lock-MobyKitHost); resolves to its release. Refused, naming the holder, when another run holds it.
   */
  async lock(command: string): Promise<() => Promise<void>> {
    const nonce = await this.call('Lock-MobyKitHost', { Command: command });
    if (typeof nonce !== 'string') throw new PowerShellError(`Lock-MobyKitHost on ${this.target.computerName} gave no lock`, 'Lock-MobyKitHost', 'protocol');
    return async () => {
      await this.call('Unlock-MobyKitHost', { Nonce: nonce });
    };
  }

  async dispose(): Promise<void> {
    await this.shell.close(this.session, this.target.computerName).catch(() => false);
  }
}

function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === null || v === undefined ? [] : [v];
}
