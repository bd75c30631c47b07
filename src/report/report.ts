// `doctor --report FILE`: the findings as a self-contained HTML page (or Markdown for FILE.md)
// that a user can attach to a ticket. Every value is escaped: snapshot values (switch, VM and
// share names, paths) come from the user's machine and may hold anything. No external assets.
import { writeFileSync } from 'node:fs';
import { summarize, summaryText, type Diagnosis } from '../doctor/catalog.js';
import type { Finding, Severity } from '../doctor/finding.js';
import { fill, readTemplate } from '../export/template.js';
import { plainText } from '../windows/text.js';

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

function reportFormatOf(file: string): ReportFormat {
  return /\.(md|markdown)$/i.test(file) ? 'md' : 'html';
}

const ORDER: Severity[] = ['error', 'warning', 'info'];
const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function sorted(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
}

/** The one-line count, as doctor prints it: errors, warnings, notes; passed, skipped, not checked. */
function counts(d: Diagnosis): string {
  return summaryText(summarize(d)).replace(/\.$/, '');
}

/** Control characters from host values shown as \xNN, so a report read in a terminal is inert too. */
function clean(f: Finding): Finding {
  return { ...f, title: plainText(f.title), evidence: plainText(f.evidence), fix: plainText(f.fix) };
}

// ---- HTML ----

function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderHtmlReport(d: Diagnosis, info: ReportInfo): string {
  const e = escapeHtml;
  const findings = d.findings;
  const items = sorted(findings)
    .map(clean)
    .map(
      (f) => `
    <section class="finding ${e(f.severity)}">
      <h2><span class="badge">${e(LABEL[f.severity])}</span> ${e(f.title)} <code class="id">${e(f.id)}</code></h2>
      <dl>
        <dt>Seen</dt><dd><pre>${e(f.evidence)}</pre></dd>
        <dt>Why it matters</dt><dd>${e(f.why)}</dd>
        <dt>Fix</dt><dd><pre class="fix">${e(f.fix)}</pre>${f.installCommand ? `<p class="hint">Or run <code>${e(f.installCommand)}</code>, which fixes this here.</p>` : ''}</dd>
      </dl>
    </section>`,
    )
    .join('\n');
  const list = (title: string, rows: string[]) =>
    rows.length ? `<details><summary>${e(title)} (${rows.length})</summary><ul>${rows.map((r) => `<li>${r}</li>`).join('')}</ul></details>` : '';
  const rest = [
    list(
      'Not checked',
      d.notChecked.map((c) => `<code>${e(c.id)}</code>: ${e(plainText(c.reason))}`),
    ),
    list(
      'Skipped with --skip',
      d.skipped.map((c) => `<code>${e(c.id)}</code>: ${e(c.title)}`),
    ),
    list(
      'Passed',
      d.passed.map((c) => `<code>${e(c.id)}</code>: ${e(c.title)}`),
    ),
  ].join('\n');
  const body = `${findings.length ? items : '<p class="healthy">No problems found.</p>'}\n${rest}`;
  return fill(
    readTemplate('report.html.tmpl'),
    {
      ...about(info),
      summary: findings.length ? counts(d) : `healthy: ${counts(d)}`,
      status: findings.some((f) => f.severity === 'error') ? 'errors' : findings.length ? 'warnings' : 'healthy',
      findings: body,
    },
    escapeHtml,
  );
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

export function renderMarkdownReport(d: Diagnosis, info: ReportInfo): string {
  const m = escapeMarkdown;
  const findings = d.findings;
  const items = sorted(findings)
    .map(clean)
    .map((f) =>
      [
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
        ...(f.installCommand ? ['', `Or run \`${f.installCommand}\`, which fixes this here.`] : []),
      ].join('\n'),
    )
    .join('\n\n');
  const list = (title: string, rows: string[]) => (rows.length ? `\n\n### ${title}\n\n${rows.map((r) => `- ${r}`).join('\n')}` : '');
  const rest =
    list(
      'Not checked',
      d.notChecked.map((c) => `\`${c.id}\`: ${m(plainText(c.reason))}`),
    ) +
    list(
      'Skipped with --skip',
      d.skipped.map((c) => `\`${c.id}\`: ${m(c.title)}`),
    ) +
    list(
      'Passed',
      d.passed.map((c) => `\`${c.id}\`: ${m(c.title)}`),
    );
  return fill(
    readTemplate('report.md.tmpl'),
    {
      ...about(info),
      summary: findings.length ? counts(d) : `healthy: ${counts(d)}`,
      findings: `${findings.length ? items : 'No problems found.'}${rest}`,
    },
    escapeMarkdown,
  );
}

function renderReport(format: ReportFormat, d: Diagnosis, info: ReportInfo): string {
  return format === 'md' ? renderMarkdownReport(d, info) : renderHtmlReport(d, info);
}

export function writeReport(file: string, d: Diagnosis, info: ReportInfo): ReportFormat {
  const format = reportFormatOf(file);
  writeFileSync(file, renderReport(format, d, info), 'utf8');
  return format;
}
