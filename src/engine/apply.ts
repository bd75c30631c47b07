// plan -> APPLY: actions run in order, exactly as planned. The journal is saved after every
// action, so an interruption leaves an accurate record of what mobykit made.
import type { Host, Secrets } from '../host/host.js';
import type { Action } from '../plan/action.js';
import { Journal } from './journal.js';

export interface ApplyEvents {
  start?(action: Action, index: number, total: number): void;
  done?(action: Action, ms: number): void;
  failed?(action: Action, error: Error, ms: number): void;
}

export interface ApplyResult {
  applied: Action[];
  failed?: { action: Action; error: Error };
}

export async function applyActions(host: Host, actions: Action[], secrets: Secrets, journal: Journal,
  events: ApplyEvents = {}, shouldStop: () => boolean = () => false): Promise<ApplyResult> {
  const applied: Action[] = [];
  for (const [i, action] of actions.entries()) {
    if (shouldStop()) break;
    events.start?.(action, i, actions.length);
    const began = Date.now();
    try {
      await host.apply(action, secrets);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      events.failed?.(action, error, Date.now() - began);
      return { applied, failed: { action, error } };
    }
    journal.record(action);
    await host.saveJournal(journal.list());
    applied.push(action);
    events.done?.(action, Date.now() - began);
  }
  return { applied };
}
