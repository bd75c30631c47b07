export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable check id, e.g. `nat.prefix`; users search for it and skip it with --skip. */
  id: string;
  severity: Severity;
  title: string;
  /** The values seen, quoted. */
  evidence: string;
  why: string;
  /** The exact PowerShell (or Windows settings step) that fixes it, with the user's names. */
  fix: string;
  /** Whether `mobykit install` would fix it. */
  fixedByInstall: boolean;
}
