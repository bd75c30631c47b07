// A check is a pure function of a snapshot and the desired state: no I/O. doctor runs them all;
// install runs them as its verify step. The catalog (doctor/catalog.ts) is the one table of checks.
import type { Desired } from '../config/desired.js';
import type { Snapshot } from '../snapshot/types.js';
import type { Finding, Severity } from './finding.js';

export interface CheckContext { snapshot: Snapshot; desired: Desired }

/** One problem a check found. `fix` is exact PowerShell with the user's names filled in. */
export interface Problem { evidence: string; fix: string; severity?: Severity; title?: string }

export interface Check {
  id: string;
  /** What the check looks at, for `doctor --list`. */
  title: string;
  severity: Severity;
  why: string;
  fixedByInstall: boolean;
  run(ctx: CheckContext): Problem[];
}

export function toFindings(check: Check, problems: Problem[]): Finding[] {
  return problems.map((p) => ({
    id: check.id,
    severity: p.severity ?? check.severity,
    title: p.title ?? check.title,
    evidence: p.evidence,
    why: check.why,
    fix: p.fix,
    fixedByInstall: check.fixedByInstall,
  }));
}
