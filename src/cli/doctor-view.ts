// How a diagnosis reads: for people (flutter-doctor-like: the problem, what was seen, why, the
// one fix, then a count of everything) and as the versioned JSON document of `doctor --json`.
// Every host value goes through plainText: a snapshot can hold escape sequences.
import chalk from 'chalk';
import { CHECKS, summarize, summaryText, type Diagnosis, type Summary } from '../doctor/catalog.js';
import type { Finding } from '../doctor/finding.js';
import type { GatheredFor, Snapshot } from '../snapshot/types.js';
import { plainText } from '../windows/text.js';

/** The `doctor --json` document's version: bumped when a field changes meaning or goes away. */
const DOCTOR_FORMAT_VERSION = 1;

export interface DoctorJson extends Omit<Diagnosis, 'findings'> {
  formatVersion: number;
  computerName: string;
  capturedAt: string;
  gatheredFor: GatheredFor | null;
  summary: Summary;
  findings: Finding[];
}

export function doctorJson(d: Diagnosis, snapshot: Snapshot): DoctorJson {
  return {
    formatVersion: DOCTOR_FORMAT_VERSION,
    computerName: snapshot.computerName,
    capturedAt: snapshot.capturedAt,
    gatheredFor: snapshot.gatheredFor ?? null,
    summary: summarize(d),
    findings: d.findings,
    passed: d.passed,
    skipped: d.skipped,
    notChecked: d.notChecked,
  };
}

const SEVERITY = { error: chalk.red.bold('error'), warning: chalk.yellow.bold('warning'), info: chalk.cyan('note') } as const;
const WORD = { error: 'error', warning: 'warning', info: 'note' } as const;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `    name: text`, later lines of a multi-line text indented under the first. */
function field(name: string, text: string): string {
  const pad = ' '.repeat(10);
  return `    ${chalk.dim(`${name}:`.padEnd(5))} ${plainText(text).replace(/\r?\n/g, `\n${pad}`)}`;
}

/** Each finding: the problem, what was seen, why it matters, the fix (and the mobykit command that would do it). */
export function renderFindingList(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${SEVERITY[f.severity]} ${chalk.bold(plainText(f.title))} ${chalk.dim(`[${f.id}]`)}`);
    lines.push(field('seen', f.evidence), field('why', f.why), `${field('fix', f.fix)}${f.installCommand ? chalk.dim(`  (or: ${f.installCommand})`) : ''}`, '');
  }
  return lines;
}

export function renderDiagnosis(d: Diagnosis, opts: { verbose?: boolean } = {}): string {
  const lines = renderFindingList(d.findings);
  if (!d.findings.length) lines.push(`${chalk.green('✓')} No problems found.`, '');
  if (opts.verbose) {
    lines.push(chalk.bold('Every check:'));
    const width = Math.max(0, ...[...d.passed, ...d.skipped, ...d.notChecked].map((c) => c.id.length), ...d.findings.map((f) => f.id.length));
    const failed = new Map<string, Finding>();
    for (const f of d.findings) if (!failed.has(f.id) || f.severity === 'error') failed.set(f.id, f);
    const result = new Map<string, string>([
      ...[...failed.values()].map((f): [string, string] => [f.id, `${SEVERITY[f.severity]}${' '.repeat(9 - WORD[f.severity].length)}${plainText(f.title)}`]),
      ...d.passed.map((c): [string, string] => [c.id, `${chalk.green('passed')}   ${c.title}`]),
      ...d.skipped.map((c): [string, string] => [c.id, `${chalk.dim('skipped')}  ${c.title} (--skip)`]),
      ...d.notChecked.map((c): [string, string] => [c.id, `${chalk.yellow('not checked')}: ${plainText(c.reason)}`]),
    ]);
    // In the catalog's order: the order a person would look in.
    const rows = CHECKS.filter((c) => result.has(c.id)).map((c): [string, string] => [c.id, result.get(c.id)!]);
    for (const [id, text] of rows) lines.push(`  ${id.padEnd(width)}  ${text}`);
    lines.push('');
  } else if (d.notChecked.length) {
    // The root causes only: what needs a failed check is implied by it.
    const roots = d.notChecked.filter((c) => !c.reason.startsWith('needs '));
    for (const c of roots) lines.push(`${chalk.yellow('not checked')} ${c.id}: ${plainText(c.reason)}`);
    const waiting = d.notChecked.length - roots.length;
    if (waiting) lines.push(chalk.dim(`${plural(waiting, 'check waits', 'checks wait')} for the problems above to be fixed (--verbose lists them).`));
    lines.push('');
  }
  lines.push(summaryText(summarize(d)));
  return `${lines.join('\n')}\n`;
}
