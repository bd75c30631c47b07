// The one table of doctor checks, in the order a person would look: can this Windows run
// Hyper-V, are the services up, then the network, NAT, ports, firewall, VM, KVP, share, files.
// A check runs only when the checks it needs passed: the root cause is reported once and its
// consequences are "not checked: needs <id>", as Docker's diagnose reports "prereq failed".
import { isNotChecked, toFindings, type Check, type CheckContext } from './check.js';
import type { Finding } from './finding.js';
import { PLATFORM_CHECKS } from './checks/platform.js';
import { SERVICE_CHECKS } from './checks/services.js';
import { SWITCH_CHECKS } from '../resources/switch/checks.js';
import { ADDRESS_CHECKS } from '../resources/address/checks.js';
import { NAT_CHECKS } from '../resources/nat/checks.js';
import { PORT_CHECKS } from './checks/ports.js';
import { FIREWALL_CHECKS } from '../resources/firewall/checks.js';
import { VM_CHECKS } from '../resources/vm/checks.js';
import { KVP_CHECKS } from '../resources/kvp/checks.js';
import { SHARE_CHECKS } from '../resources/share/checks.js';
import { ENGINE_CHECKS } from './checks/engine.js';
import { FILES_CHECKS } from './checks/files.js';

export const CHECKS: Check[] = [
  ...PLATFORM_CHECKS,
  ...SERVICE_CHECKS,
  ...SWITCH_CHECKS,
  ...ADDRESS_CHECKS,
  ...NAT_CHECKS,
  ...PORT_CHECKS,
  ...FIREWALL_CHECKS,
  ...VM_CHECKS,
  ...KVP_CHECKS,
  ...SHARE_CHECKS,
  ...ENGINE_CHECKS,
  ...FILES_CHECKS,
];

export const CHECK_BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export interface RunOptions {
  /** Check ids to leave out (`doctor --skip`); an unknown id is an error. */
  skip?: string[];
  /** Keep only the checks this accepts (e.g. install's verify step keeps those that verify a step). */
  only?: (c: Check) => boolean;
}

export interface CheckRef {
  id: string;
  title: string;
}
export interface NotCheckedRef extends CheckRef {
  reason: string;
}

/** Everything one doctor run found: the problems, and what passed, was skipped or could not run. */
export interface Diagnosis {
  findings: Finding[];
  passed: CheckRef[];
  skipped: CheckRef[];
  notChecked: NotCheckedRef[];
}

export interface Summary {
  errors: number;
  warnings: number;
  notes: number;
  passed: number;
  skipped: number;
  notChecked: number;
}

function skipSet(raw: string[] | undefined): Set<string> {
  const skip = new Set<string>();
  const unknown: string[] = [];
  for (const r of raw ?? []) {
    const id = r.trim();
    if (!id) continue;
    if (CHECK_BY_ID.has(id)) skip.add(id);
    else unknown.push(id);
  }
  if (unknown.length) {
    throw new Error(
      `Unknown check id${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')} in --skip; valid ids: ${CHECKS.map((c) => c.id).join(', ')}`,
    );
  }
  return skip;
}

export function diagnose(ctx: CheckContext, opts: RunOptions = {}): Diagnosis {
  const skip = skipSet(opts.skip);
  const d: Diagnosis = { findings: [], passed: [], skipped: [], notChecked: [] };
  /** Why a check's dependants cannot run: `needs <id>` (or the root's own reason), by check id. */
  const blocked = new Map<string, string>();
  for (const check of CHECKS) {
    const ref = { id: check.id, title: check.title };
    if (skip.has(check.id)) {
      d.skipped.push(ref);
      continue;
    }
    const unmet = (check.needs ?? []).find((n) => blocked.has(n));
    if (unmet) {
      const reason = blocked.get(unmet)!;
      blocked.set(check.id, reason);
      if (!opts.only || opts.only(check)) d.notChecked.push({ ...ref, reason });
      continue;
    }
    // A check left out by `only` still runs when others need it, so that they know whether to.
    let result;
    try {
      result = check.run(ctx);
    } catch (e) {
      // A snapshot from a user's machine can hold anything; one check failing must not hide the others.
      result = [
        {
          severity: 'warning' as const,
          title: `The check ${check.id} failed on this snapshot`,
          evidence: `The check itself failed: ${(e as Error).message}`,
          fix: 'Report this with the snapshot (mobykit doctor --from FILE reproduces it)',
        },
      ];
    }
    const wanted = !opts.only || opts.only(check);
    if (isNotChecked(result)) {
      blocked.set(check.id, `needs ${check.id}, which could not run: ${result.notChecked}`);
      if (wanted) d.notChecked.push({ ...ref, reason: result.notChecked });
      continue;
    }
    const findings = toFindings(check, result);
    if (findings.some((f) => f.severity === 'error')) blocked.set(check.id, `needs ${check.id}`);
    if (!wanted) continue;
    if (findings.length) d.findings.push(...findings);
    else d.passed.push(ref);
  }
  return d;
}

/** The findings alone (install's verify step, the planner's preflight). */
export function runChecks(ctx: CheckContext, opts: RunOptions = {}): Finding[] {
  return diagnose(ctx, opts).findings;
}

export function summarize(d: Diagnosis): Summary {
  const n = (s: string) => d.findings.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), notes: n('info'), passed: d.passed.length, skipped: d.skipped.length, notChecked: d.notChecked.length };
}

/** `2 errors, 1 warning, 0 notes; 55 passed, 1 skipped, 3 not checked.` */
export function summaryText(s: Summary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `${plural(s.errors, 'error', 'errors')}, ${plural(s.warnings, 'warning', 'warnings')}, ${plural(s.notes, 'note', 'notes')}; ` +
    `${s.passed} passed, ${s.skipped} skipped, ${s.notChecked} not checked.`
  );
}

export function findingsExitCode(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
