// doctor --report: a self-contained HTML page (or Markdown), every value escaped.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnosis } from '../../src/doctor/catalog.js';
import type { Finding } from '../../src/doctor/finding.js';
import { escapeMarkdown, mdCodeBlock, renderHtmlReport, renderMarkdownReport } from '../../src/report/report.js';
import { BROKEN, runPiped } from './run-cli.js';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>'&\`$(calc)`;
const finding = (over: Partial<Finding> = {}): Finding => ({
  id: 'nat.prefix',
  severity: 'error',
  title: `NAT ${HOSTILE} covers the wrong prefix`,
  evidence: `NAT ${HOSTILE} on 10.0.0.0/16`,
  why: 'The VM cannot reach the outside.',
  fix: `Remove-NetNat -Name '${HOSTILE}'\nNew-NetNat -Name 'DockerNAT'`,
  fixedByInstall: true,
  ...over,
});
const diag = (findings: Finding[], more: Partial<Diagnosis> = {}): Diagnosis => ({ findings, passed: [], skipped: [], notChecked: [], ...more });
const info = { computer: `PC${HOSTILE}`, capturedAt: '2026-11-22T10:00:00Z', os: 'Windows 10 Pro', version: '0.1.0', generatedAt: 'now', source: 'snapshot x.json' };

describe('doctor reports', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-report-'));

  it('HTML: escapes every value, loads nothing from outside', () => {
    const html = renderHtmlReport(diag([finding(), finding({ severity: 'warning', id: 'x.y' })]), info);
    assert.ok(!html.includes('<script>'), 'no script element');
    assert.ok(!html.includes('<img'), 'no injected element');
    assert.ok(html.includes('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;'));
    assert.doesNotMatch(html, /\b(src|href)=["']?(https?:)?\/\//i, 'no external asset');
    assert.doesNotMatch(html, /<link\b/i);
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /1 error, 1 warning, 0 notes/);
  });

  it('HTML with no findings says healthy', () => {
    assert.match(renderHtmlReport(diag([]), info), /No problems found/);
  });

  it('Markdown: text escaped, code blocks that no backticks can close', () => {
    const md = renderMarkdownReport(diag([finding({ fix: 'a ``` b ```` c' })]), info);
    const prose = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, ''); // code blocks show text as is
    assert.ok(!prose.includes('<script>') && !prose.includes('<img'), prose);
    assert.ok(prose.includes('&#60;script&#62;'));
    assert.ok(md.includes('`````powershell\na ``` b ```` c\n`````'));
    assert.equal(escapeMarkdown('a*b_[c](d)<e>'), 'a\\*b\\_\\[c\\](d)&#60;e&#62;');
    assert.equal(mdCodeBlock('x'), '```\nx\n```');
  });

  it('doctor --from broken --report FILE.html writes the page (exit 1: errors)', () => {
    const file = path.join(dir, 'doctor.html');
    const r = runPiped(['doctor', '--from', BROKEN, '--report', file]);
    assert.equal(r.code, 1, r.output);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /nat\.prefix|vnic\.address/);
    assert.match(r.stderr, /Report written to/);
  });

  it('a hostile switch name in the snapshot is escaped in the HTML report', () => {
    const snap = JSON.parse(readFileSync(BROKEN, 'utf8')) as { computerName: string };
    snap.computerName = 'EVIL<img src=x onerror=alert(1)>';
    const from = path.join(dir, 'hostile.json');
    writeFileSync(from, JSON.stringify(snap));
    const file = path.join(dir, 'hostile.html');
    const r = runPiped(['doctor', '--from', from, '--report', file]);
    assert.ok(r.code === 1 || r.code === 0, r.output);
    const html = readFileSync(file, 'utf8');
    assert.ok(!html.includes('<img'), 'hostile markup escaped');
    assert.ok(html.includes('EVIL&#60;img src=x onerror=alert(1)&#62;'));
  });

  it('shows what was skipped and not checked, and no escape sequence from a host value', () => {
    const esc = 'x\u001b]52;c;ZXZpbA==\u0007\u001b[2J';
    const d = diag([finding({ title: `VM ${esc} is not running`, fix: `Start-VM -Name '${esc}'` })], {
      skipped: [{ id: 'firewall.smb', title: 'SMB from the VM to the host is allowed' }],
      notChecked: [{ id: 'nat.missing', title: 'NAT for the subnet exists', reason: 'Get-NetNat failed while gathering: Access is denied.' }],
      passed: [{ id: 'platform.edition', title: 'Windows edition supports Hyper-V' }],
    });
    for (const out of [renderHtmlReport(d, info), renderMarkdownReport(d, info)]) {
      assert.match(out, /1 error, 0 warnings, 0 notes; 1 passed, 1 skipped, 1 not checked/);
      assert.match(out, /firewall\.smb/);
      assert.match(out, /Get-NetNat failed while gathering/);
      assert.doesNotMatch(out, /[\u001b\u0007]/);
      assert.match(out, /\\x1b\]52/);
    }
  });

  it('doctor --report FILE.md writes Markdown', () => {
    const file = path.join(dir, 'doctor.md');
    const r = runPiped(['doctor', '--from', BROKEN, '--report', file]);
    assert.equal(r.code, 1, r.output);
    const md = readFileSync(file, 'utf8');
    assert.match(md, /^# mobykit doctor: DEV-PC/);
    assert.match(md, /```powershell\n/);
  });
});
