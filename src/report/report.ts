// `doctor --report FILE`: the findings as a self-contained HTML page (or Markdown for FILE.md)
// that a user can attach to a ticket. Every value is escaped: snapshot values (switch, VM and
// share names, paths) come from the user's machine and may hold anything. No external assets.
import { writeFileSync } from 'node:fs';
import type { Finding, Severity } from '../doctor/finding.js';
import { fill, readTemplate } from '../export/template.js';

export interface ReportInfo {
  computer: string;
  capturedAt: string;
  os?: string;
  version: string;
  generatedAt: string;
  /** What was diagnosed: `the host`, or `snapshot FILE`. */
  source: string;
}

export type ReportFormat = 'html' | 'md';

/** What both report formats say about the host and the run. */
function about(info: ReportInfo): Record<string, string> {
  return { computer: info.computer, capturedAt: info.capturedAt, os: info.os ?? 'unknown', version: info.version, generatedAt: info.generatedAt, source: info.source };
}

export function reportFormatOf(file: string): ReportFormat {
  return /\.(md|markdown)$/i.test(file) ? 'md' : 'html';
}

const ORDER: Severity[] = ['error', 'warning', 'info'];
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
}

function counts(findings: Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${plural(n('error'), 'error', 'errors')}, ${plural(n('warning'), 'warning', 'warnings')}, ${plural(n('info'), 'note', 'notes')}`;
}

// ---- HTML ----

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderHtmlReport(findings: Finding[], info: ReportInfo): string {
  const e = escapeHtml;
  const items = sorted(findings).map((f) => `
    <section class="finding ${e(f.severity)}">
      <h2><span class="badge">${e(LABEL[f.severity])}</span> ${e(f.title)} <code class="id">${e(f.id)}</code></h2>
      <dl>
        <dt>Seen</dt><dd><pre>${e(f.evidence)}</pre></dd>
        <dt>Why it matters</dt><dd>${e(f.why)}</dd>
        <dt>Fix</dt><dd><pre class="fix">${e(f.fix)}</pre>${f.fixedByInstall ? '<p class="hint">Or run <code>mobykit install</code>, which fixes this.</p>' : ''}</dd>
      </dl>
    </section>`).join('\n');
  const body = findings.length ? items : '<p class="healthy">No problems found.</p>';
  return fill(readTemplate('report.html.tmpl'), {
    ...about(info),
    summary: findings.length ? counts(findings) : 'healthy',
    status: findings.some((f) => f.severity === 'error') ? 'errors' : findings.length ? 'warnings' : 'healthy',
    findings: body,
  }, escapeHtml);
}

// ---- Markdown ----

/** Text in a Markdown paragraph or table: Markdown syntax and raw HTML made inert. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r?\n/g, '<br>');
}

/** A fenced code block that no backtick run in the text can close. */
export function mdCodeBlock(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

export function renderMarkdownReport(findings: Finding[], info: ReportInfo): string {
  const m = escapeMarkdown;
  const items = sorted(findings).map((f) => [
    `### ${m(LABEL[f.severity])}: ${m(f.title)} (${m(f.id)})`,
    '',
    '**Seen**',
    '',
    mdCodeBlock(f.evidence, 'text'),
    '',
    `**Why it matters:** ${m(f.why)}`,
    '',
    '**Fix**',
    '',
    mdCodeBlock(f.fix, 'powershell'),
    ...(f.fixedByInstall ? ['', 'Or run `mobykit install`, which fixes this.'] : []),
  ].join('\n')).join('\n\n');
  return fill(readTemplate('report.md.tmpl'), {
    ...about(info),
    summary: findings.length ? counts(findings) : 'healthy: no problems found',
    findings: findings.length ? items : 'No problems found.',
  }, escapeMarkdown);
}

export function renderReport(format: ReportFormat, findings: Finding[], info: ReportInfo): string {
  return format === 'md' ? renderMarkdownReport(findings, info) : renderHtmlReport(findings, info);
}

export function writeReport(file: string, findings: Finding[], info: ReportInfo): ReportFormat {
  const format = reportFormatOf(file);
  writeFileSync(file, renderReport(format, findings, info), 'utf8');
  return format;
}
