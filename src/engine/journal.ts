// Ownership bookkeeping: which resources mobykit made. Creating records a resource; removing
// forgets it and everything that lived on it (`vm:X` takes `vm:X/kvp:cifsmount` with it).
import type { JournalEntry } from '../host/host.js';
import type { Action } from '../plan/action.js';

export class Journal {
  private entries: JournalEntry[];
  constructor(entries: JournalEntry[] = []) { this.entries = [...entries]; }

  has(resource: string): boolean {
    const key = resource.toLowerCase();
    return this.entries.some((e) => e.resource.toLowerCase() === key);
  }

  record(action: Action, at = new Date().toISOString()): void {
    if (action.kind === 'remove') {
      const key = action.resource.toLowerCase();
      this.entries = this.entries.filter((e) => {
        const r = e.resource.toLowerCase();
        return r !== key && !r.startsWith(`${key}/`);
      });
    } else {
      for (const resource of [action.resource, ...(action.alsoCreates ?? [])]) {
        if (!this.has(resource)) this.entries.push({ resource, actionId: action.id, at });
      }
    }
  }

  /** Takes back entries whose resources turned out not to be gone. */
  restore(entries: JournalEntry[]): void {
    for (const e of entries) if (!this.has(e.resource)) this.entries.push(e);
  }

  list(): JournalEntry[] { return [...this.entries]; }
}
