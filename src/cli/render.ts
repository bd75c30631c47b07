// How plans, results and findings read: for people (terraform-like) and as JSON.
import chalk from 'chalk';
import type { Finding } from '../doctor/finding.js';
import type { RunResult } from '../engine/run.js';
import { summarize, type Plan } from '../engine/plan.js';
import type { Action } from '../plan/action.js';
import { STEPS } from '../steps/index.js';

const SYMBOL = { create: chalk.green('+'), change: chalk.yellow('~'), remove: chalk.red('-') } as const;
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v));

export function renderPlan(plan: Plan, computer: string): string {
  if (!plan.actions.length) return `No changes: ${computer} already matches the configuration.\n`;
  const verb = plan.command === 'install' ? 'install' : 'uninstall';
  const lines = [`mobykit ${verb} will make these changes to ${computer}:`, ''];
  for (const step of STEPS) {
    const actions = plan.actions.filter((a) => a.step === step.name);
    if (!actions.length) continue;
    lines.push(chalk.bold(`  ${step.title}`));
    for (const a of actions) lines.push(...renderAction(a));
  }
  const s = summarize(plan.actions);
  lines.push('', chalk.bold(`Plan: ${s.create} to create, ${s.change} to change, ${s.remove} to remove.`));
  return `${lines.join('\n')}\n`;
}

function renderAction(a: Action): string[] {
  const out = [`  ${SYMBOL[a.kind]} ${a.description} ${chalk.dim(`[${a.id}]`)}`];
  for (const c of a.changes ?? []) out.push(`      ${c.property}: ${chalk.red(show(c.from))} -> ${chalk.green(show(c.to))}`);
  return out;
}

const SEVERITY = { error: chalk.red('error'), warning: chalk.yellow('warning'), info: chalk.cyan('info') } as const;

export function renderFindings(findings: Finding[]): string {
  if (!findings.length) return `${chalk.green('✓')} No problems found.\n`;
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${SEVERITY[f.severity]} ${chalk.bold(f.title)} ${chalk.dim(`[${f.id}]`)}`);
    lines.push(`    seen: ${f.evidence}`, `    why:  ${f.why}`, `    fix:  ${f.fix}${f.fixedByInstall ? chalk.dim('  (or: mobykit install)') : ''}`, '');
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes.`);
  return `${lines.join('\n')}\n`;
}

export function renderOutcome(r: RunResult): string {
  switch (r.outcome) {
    case 'nothing-to-do': return `${chalk.green('✓')} Nothing to do: the host already matches.\n`;
    case 'planned': return 'Dry run: nothing was changed.\n';
    case 'cancelled': return 'Cancelled: nothing was changed.\n';
    case 'blocked': return `${chalk.red('✗')} Stopped before changing anything:\n\n${renderFindings(r.findings)}`;
    case 'failed': return `${chalk.red('✗')} ${r.failed!.error.message}\n${r.applied.length} of ${r.plan.actions.length} actions were applied.\n`;
    case 'unverified': return `${chalk.yellow('!')} Applied ${r.applied.length} actions, but verification found problems:\n\n${renderFindings(r.findings)}`;
    case 'done': return `${chalk.green('✓')} Done: ${r.applied.length} actions applied and verified.\n`;
  }
}

/** The --json document: documented in the README. */
export function resultJson(r: RunResult): object {
  return {
    command: r.command,
    outcome: r.outcome,
    plan: r.plan.actions,
    applied: r.applied.map((a) => a.id),
    ...(r.failed ? { failed: { id: r.failed.action.id, message: r.failed.error.message } } : {}),
    findings: r.findings,
  };
}
