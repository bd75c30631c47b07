// The real Windows host: the Host interface over one PowerShell session (shell.ts) with the MobyKit
// module (ps1/) imported once, each operation one dispatcher call (protocol.ts). The journal is
// the file store of state/journal-file.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/config.js';
import type { Action } from '../../plan/action.js';
import { operationOf, PS_GATHER_FUNCTION } from '../../resources/registry.js';
import type { Snapshot } from '../../snapshot/types.js';
import { parseSnapshot, redactSnapshot } from '../../snapshot/validate.js';
import { HostActionError, type Host, type Secrets, type VMConsole } from '../host.js';
import type { JournalDoc } from '../../state/journal.js';
import { loadJournalFile, saveJournalFile } from '../../state/journal-file.js';
import { hostStateDir } from '../../state/paths.js';
import { asActionError, gatherParameters, parseStderr, PowerShellError, PS_QUERY, startupLine } from './protocol.js';
import { PowerShellSession, type ShellOptions } from './shell.js';

/** Where the module ships: <package>/ps1/MobyKit.psd1, from dist/src/host/powershell/host.js. */
export function defaultModulePath(): string {
  return fileURLToPath(new URL('../../../../ps1/MobyKit.psd1', import.meta.url));
}

export interface PowerShellHostOptions extends ShellOptions {
  config: Config;
  /** Where journal.json lives; default %ProgramData%\mobykit (hostStateDir). */
  stateDir?: string;
  /** A per-user journal of an earlier mobykit to carry over once (%LOCALAPPDATA%\mobykit). */
  legacyStateDir?: string;
  /** The MobyKit module manifest; default the package's own ps1/MobyKit.psd1. */
  modulePath?: string;
}

export class PowerShellHost implements Host {
  readonly kind = 'powershell' as const;
  private readonly stateDir: string;
  private readonly legacyStateDir?: string;

  private constructor(
    private readonly session: PowerShellSession,
    readonly config: Config,
    opts: PowerShellHostOptions,
  ) {
    this.stateDir = opts.stateDir ?? hostStateDir();
    this.legacyStateDir = opts.legacyStateDir;
  }

  /** Starts PowerShell, sets UTF-8 output and imports the module: one round trip. */
  static async open(opts: PowerShellHostOptions): Promise<PowerShellHost> {
    const modulePath = path.resolve(opts.modulePath ?? defaultModulePath());
    startupLine(modulePath); // refuses control characters before anything starts
    if (!existsSync(modulePath)) {
      throw new PowerShellError(`the MobyKit PowerShell module is missing: ${modulePath} (reinstall mobykit)`, 'Import-Module', 'start');
    }
    const session = new PowerShellSession(modulePath, opts);
    try {
      await session.start();
    } catch (e) {
      await session.stop(false);
      throw e;
    }
    return new PowerShellHost(session, opts.config, opts);
  }

  /** Whether the session can take calls (false once PowerShell exited, timed out or was stopped). */
  get usable(): boolean {
    return this.session.usable;
  }

  /** A new PowerShell session in place of one that died or timed out (for a rollback). */
  reopen(): Promise<void> {
    return this.session.restart();
  }

  /** PowerShell round trips made through the dispatcher (gather and apply calls). */
  get roundTrips(): number {
    return this.session.roundTrips;
  }

  /** Round trips including the start-up (Import-Module) one. */
  get totalRoundTrips(): number {
    return this.session.totalRoundTrips;
  }

  /** The shell's process id, while it runs. */
  get pid(): number | undefined {
    return this.session.pid;
  }

  async gather(scope: Config = this.config): Promise<Snapshot> {
    const result = await this.session.call(PS_GATHER_FUNCTION, gatherParameters(scope));
    let snapshot: Snapshot;
    try {
      snapshot = parseSnapshot(result.value);
    } catch (e) {
      throw new PowerShellError(`${PS_GATHER_FUNCTION} returned a document that is not a host snapshot: ${(e as Error).message}`, PS_GATHER_FUNCTION, 'protocol');
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
      secret = this.session.seal(secrets.sharePassword);
    }
    let result: { stderr: string };
    try {
      result = await this.session.call(functionName, parameters, secret);
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
    const { value } = await this.session.call(PS_QUERY.uptime, { Name: name });
    return typeof value === 'number' && value >= 0 ? value : null;
  }

  async checkPassword(account: string, secrets: Secrets): Promise<boolean | null> {
    if (!secrets.sharePassword) return null;
    const { value } = await this.session.call(PS_QUERY.checkPassword, { UserName: account }, this.session.seal(secrets.sharePassword));
    return typeof value === 'boolean' ? value : null;
  }

  /** The console pipe stays open in the session between calls; reads wait a little for output. */
  readonly console: VMConsole = {
    read: async (pipe, waitMs, interactive) => {
      const { value } = await this.session.call(PS_QUERY.consoleRead, { PipeName: pipe, TimeoutMilliseconds: waitMs, ...(interactive ? { Interactive: true } : {}) });
      return Buffer.from(typeof value === 'string' ? value : '', 'base64');
    },
    write: async (pipe, data) => {
      await this.session.call(PS_QUERY.consoleWrite, { PipeName: pipe, Data: data.toString('base64') });
    },
    close: async (pipe) => {
      await this.session.call(PS_QUERY.consoleClose, { PipeName: pipe });
    },
  };

  /**
   * One call of any function the module exports, for the fleet's remote sessions (src/fleet):
   * its result, or a PowerShellError. `password` travels sealed, as for apply.
   */
  async invoke(functionName: string, parameters: Record<string, unknown>, password?: string): Promise<unknown> {
    return (await this.session.call(functionName, parameters, password === undefined ? undefined : this.session.seal(password))).value;
  }

  /** A password sealed with this shell's key, which its remote sessions share (Open-MobyKitRemoteSession). */
  seal(password: string): string {
    return this.session.seal(password);
  }

  async loadJournal(): Promise<JournalDoc> {
    const { doc, note } = await loadJournalFile(this.stateDir, this.legacyStateDir);
    return note ? { ...doc, notes: [note] } : doc;
  }

  async saveJournal(doc: JournalDoc): Promise<void> {
    await saveJournalFile(this.stateDir, doc);
  }

  async dispose(): Promise<void> {
    await this.session.stop(false);
  }
}

/** The number of dispatcher round trips a host made (0 for hosts that do not count them). */
export function countRoundTrips(host: Host): number {
  return host instanceof PowerShellHost ? host.roundTrips : 0;
}
