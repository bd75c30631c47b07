// plan -> APPLY: actions run in order, exactly as planned. Intent comes before action: what an
// action will make is written to the journal as pending before its cmdlet runs, and confirmed
// after, so a kill at any instant leaves a journal the next run settles by looking.
import type { Host, Secrets } from '../host/host.js';
import type { Action } from '../plan/action.js';
import type { Journal } from '../state/journal.js';

export interface ApplyEvents {
  start?(action: Action, index: number, total: number): void;
  done?(action: Action, ms: number): void;
  failed?(action: Action, error: Error, ms: number): void;
}

export interface ApplyResult {
  applied: Action[];
  failed?: { action: Action; error: Error };
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export async function applyActions(host: Host, actions: Action[], secrets: Secrets, journal: Journal, events: ApplyEvents = {}, signal?: AbortSignal): Promise<ApplyResult> {
  const applied: Action[] = [];
  for (const [i, action] of actions.entries()) {
    if (signal?.aborted) break;
    events.start?.(action, i, actions.length);
    const began = Date.now();
    const fail = (e: unknown): ApplyResult => {
      const error = asError(e);
      events.failed?.(action, error, Date.now() - began);
      return { applied, failed: { action, error } };
    };
    if (action.claims?.length) {
      journal.claim(action.claims, action.id);
      // No record, no change: a journal that cannot be written stops the run before this cmdlet.
      try {
        await host.saveJournal(journal.toDoc());
      } catch (e) {
        return fail(new Error(`${asError(e).message}; ${action.id} was not started`));
      }
    }
    try {
      await host.apply(action, secrets);
    } catch (e) {
      return fail(e);
    }
    journal.confirm(action.id);
    journal.release(action.releases ?? []);
    applied.push(action);
    try {
      await host.saveJournal(journal.toDoc());
    } catch (e) {
      // The change is made (so it counts as applied, for the rollback) and its pending entry is on disk: stop here.
      return fail(new Error(`${action.id} was applied, but ${asError(e).message}`));
    }
    events.done?.(action, Date.now() - began);
  }
  return { applied };
}
