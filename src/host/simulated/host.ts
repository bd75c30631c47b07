// A Windows host held in memory: starts from a snapshot, applies actions with the real cmdlets'
// rules (failures included) and shows its state as a snapshot, exactly as a real host would.
import type { Config } from '../../config/config.js';
import type { Action, Op } from '../../plan/action.js';
import { needsSecret, operationOf } from '../../resources/registry.js';
import type { Operation } from '../../resources/operation.js';
import type { Snapshot } from '../../snapshot/types.js';
import { HostActionError, type Host, type Secrets } from '../host.js';
import { emptyJournal, parseJournal, type JournalDoc } from '../../state/journal.js';
import { CmdletError, clone, type SimDoc, type SimState } from './state.js';
import { redactedCopy } from './redact.js';
import { isLocalShareAccount } from '../../config/schema.js';
import { SHARE_ACCOUNT_NAME } from '../../config/desired.js';

/** A failure any operation can really meet: the elevated token lost, or policy in the way. */
const INJECTED_FAILURE = 'Access is denied.';

export interface SimulatedHostOptions {
  /** Action ids (`nat.create`, `firewall.create:DockerTcp`) that fail as if the host refused them. */
  failActions?: string[];
}

export class SimulatedHost implements Host {
  readonly kind = 'simulated' as const;
  private state: SimState;
  private readonly failActions: ReadonlySet<string>;
  /** Every password seen, so redaction catches it even where the generic rule would not. */
  private readonly secrets = new Set<string>();

  constructor(snapshot: Snapshot, options: SimulatedHostOptions = {}) {
    this.state = { doc: clone(snapshot) as SimDoc, vnicOf: {}, vault: {}, seq: 0 };
    this.failActions = new Set(options.failActions ?? []);
  }

  /** The current state as a snapshot, passwords redacted; same as gather(). */
  current(): Snapshot {
    return redactedCopy(this.state.doc, this.secrets);
  }

  /** Everything is in view; a snapshot that says which names it was gathered for now says these (as a real host's would). */
  async gather(scope?: Config): Promise<Snapshot> {
    const seen = this.current();
    if (!scope) return seen;
    // As the module: local accounts are looked up (none yet is an empty list) only for --share-account local.
    const accounts = isLocalShareAccount(scope.share.account ?? 'user') ? { localAccounts: seen.localAccounts ?? [] } : {};
    if (!seen.gatheredFor) return { ...seen, ...accounts };
    const c = scope;
    return {
      ...seen,
      ...accounts,
      gatheredFor: {
        ...seen.gatheredFor,
        switchName: c.switch.name,
        natName: c.nat.name,
        subnet: c.network.subnet,
        hostAddress: c.network.hostAddress,
        firewallRules: [c.firewall.tcpRuleName, c.firewall.udpRuleName, c.firewall.smbRuleName],
        tcpPorts: c.ports.tcp,
        udpPorts: c.ports.udp,
        vmName: c.vm.name,
        kvpItem: c.kvp.itemName,
        shareName: c.share.name,
        ...(c.share.user ? { shareUser: c.share.user } : {}),
        ...(accounts.localAccounts ? { shareUser: `${seen.computerName}\\${SHARE_ACCOUNT_NAME}` } : {}),
        credentialTarget: c.credential.target,
      },
    };
  }

  async apply(action: Action, secrets: Secrets): Promise<void> {
    const operation = operationOf(action) as Operation<Op> | undefined;
    if (!operation) throw new Error(`unknown operation ${String(action.op)}`);
    const password = secrets.sharePassword;
    if (needsSecret(action) && password === undefined) throw new Error(`${action.op} needs secrets.sharePassword`);
    if (password) this.secrets.add(password);
    if (this.failActions.has(action.id)) throw new HostActionError(action.id, INJECTED_FAILURE, operation.cmdlet);
    // Work on a draft and commit only on success: a refused action changes nothing.
    const draft: SimState = clone(this.state);
    try {
      (operation.simulate as (ctx: { state: SimState; password?: string }, params: unknown) => void)({ state: draft, password }, action.params);
    } catch (err) {
      if (err instanceof CmdletError) throw new HostActionError(action.id, err.message, err.cmdlet);
      throw err;
    }
    this.state = draft;
  }

  async loadJournal(): Promise<JournalDoc> {
    const stored = this.state.doc.mobykit?.journal;
    return stored === undefined ? emptyJournal() : parseJournal(stored, 'in the snapshot ($.mobykit.journal)');
  }

  /** The journal lives in the document; an empty one leaves no trace, so uninstall restores it exactly. */
  async saveJournal(doc: JournalDoc): Promise<void> {
    if (doc.entries.length === 0) delete this.state.doc.mobykit;
    else this.state.doc.mobykit = { journal: clone(doc) };
  }

  async dispose(): Promise<void> {
    // Nothing to release: the state lives in memory only.
  }
}
