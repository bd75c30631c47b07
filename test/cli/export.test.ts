// plan --export: a standalone PowerShell script that performs exactly the plan, with every user
// value a single-quoted literal, no secret, and only calls the module's functions and real cmdlets.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';
import type { Plan } from '../../src/engine/plan.js';
import { exportPowerShell, psValue } from '../../src/export/powershell.js';
import { psString } from '../../src/windows/powershell.js';
import { makeAction, type Action } from '../../src/plan/action.js';
import { OPERATIONS } from '../../src/resources/registry.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { analyzePowerShell } from '../contract/powershell-ast.js';
import { checkAnalyses, formatFindings, type Catalog } from '../contract/checker.js';
import { analyseModule, loadCatalog, moduleCheckOptions } from '../contract/module-files.js';
import { CANARY_PASSWORD } from '../helpers.js';
import { FRESH, runPiped } from './run-cli.js';

type Node = Parser.SyntaxNode;

const HOSTILE = ["O'Brien", 'say "hi"', '$(Remove-Item C:\\ -Recurse)', 'tick`n`$x', 'a; Stop-Computer', 'first\nRemove-Item C:\\Windows', "'; Stop-Computer; '"];

function parse(source: string): Parser.Tree {
  const parser = new Parser();
  parser.setLanguage(PowerShell as unknown as Parser.Language);
  return parser.parse(source);
}

function problems(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'ERROR' || n.isMissing) out.push(`${n.type} at ${n.startPosition.row + 1}:${n.startPosition.column}: ${n.text.slice(0, 60)}`);
    for (const c of n.children) walk(c);
  };
  walk(root);
  return out;
}

/** Where a hostile value may appear: inside a verbatim ('...') string literal, or a one-line comment. */
function inertAt(tree: Parser.Tree, start: number, end: number): string | null {
  for (let n: Node | null = tree.rootNode.descendantForIndex(start, end); n; n = n.parent) {
    if (n.type === 'comment') return n.text.includes('\n') || n.text.startsWith('<#') ? 'a block comment' : null;
    if (n.type === 'string_literal') return n.text.startsWith("'") && n.startIndex <= start && n.endIndex >= end ? null : `a ${n.text[0]}-quoted string`;
  }
  return 'PowerShell source';
}

function hostilePlan(): Plan {
  const [q, dq, sub, tick, semi, nl, breakout] = HOSTILE;
  const actions: Action[] = [
    makeAction({ step: 'switch', op: 'switch.create', kind: 'create', target: q, resource: `switch:${q}`, description: `Create switch ${q}`, params: { Name: q, Notes: dq } }),
    makeAction({
      step: 'nat',
      op: 'nat.create',
      kind: 'create',
      target: sub,
      resource: `nat:${sub}`,
      description: `Create NAT ${sub}`,
      params: { Name: sub, InternalIPInterfaceAddressPrefix: '10.0.75.0/24' },
    }),
    makeAction({
      step: 'vm',
      op: 'vm.create',
      kind: 'create',
      target: tick,
      resource: `vm:${tick}`,
      description: `Create VM ${tick}`,
      params: {
        Name: tick,
        Generation: 2,
        AttachExistingVhd: false,
        MemoryStartupBytes: 2147483648,
        ProcessorCount: 2,
        VhdPath: `C:\\vm\\${semi}.vhdx`,
        VhdSizeBytes: 64424509440,
        IsoPath: 'C:\\iso\\moby.iso',
        SwitchName: q,
        ComPipe: '\\\\.\\pipe\\moby',
        Notes: nl,
      },
    }),
    makeAction({
      step: 'vm',
      op: 'vm.configure',
      kind: 'change',
      target: tick,
      resource: `vm:${tick}`,
      description: `Reconfigure VM ${tick}`,
      params: { Name: tick, EnableKvp: true, ProcessorCount: 4 },
      changes: [{ property: 'ProcessorCount', from: 2, to: 4 }],
    }),
    makeAction({
      step: 'kvp',
      op: 'kvp.add',
      kind: 'create',
      target: breakout,
      resource: `vm:${tick}/kvp:x`,
      description: `Give VM ${breakout} the token`,
      params: { VMName: tick, ItemName: 'cifsmount', MountPoint: 'c', ShareName: semi, UserName: breakout },
    }),
    makeAction({
      step: 'share',
      op: 'credential.write',
      kind: 'create',
      target: nl,
      resource: `credential:${nl}`,
      description: `Store the credential ${nl}`,
      params: { TargetName: nl, UserName: dq, Comment: sub },
      multi: true,
    }), // its id holds the value: credential.write:first\nRemove-Item ...
    makeAction({ step: 'share', op: 'share.remove', kind: 'remove', target: semi, resource: `share:${semi}`, description: `Remove share ${semi}`, params: { Name: semi } }),
  ];
  return { command: 'install', actions, blockers: [], predicted: {} as Snapshot, adoptions: [], leftAlone: [] };
}

const INFO = { computer: 'DEV-PC', version: '0.1.0', at: '2026-11-23T00:00:00Z', modulePathHint: "C:\\npm\\mobykit's\\ps1\\MobyKit.psd1" };

/** The full cmdlet catalog beside the repository (shared/), else the repository's trimmed copy. */
function catalog(): Catalog {
  const trimmed = loadCatalog();
  for (const p of [path.join('..', 'shared', 'cmdlets', 'catalog.json'), '/work/shared/cmdlets/catalog.json']) {
    if (existsSync(p)) {
      const full = JSON.parse(readFileSync(p, 'utf8')) as Catalog;
      // A few entries of the full catalog lack their module (e.g. Write-Host): name it.
      for (const c of Object.values(full.cmdlets)) (c as { module: string | null }).module ??= 'Microsoft.PowerShell.Utility';
      return { ...full, cmdlets: { ...full.cmdlets, ...trimmed.cmdlets } };
    }
  }
  return trimmed;
}

describe('plan --export (PowerShell script)', function () {
  this.timeout(60_000);

  it('literals: strings single-quoted with quotes doubled, numbers, booleans, control characters as [char]', () => {
    assert.equal(psString("O'Brien"), "'O''Brien'");
    assert.equal(psString('it\u2019s'), "'it\u2019\u2019s'");
    assert.equal(psString('$(x) `n "y"'), '\'$(x) `n "y"\'');
    assert.equal(psString('a\nb'), "('a' + [string][char]10 + 'b')");
    assert.equal(psValue(64424509440), '64424509440');
    assert.equal(psValue(true), '$true');
    assert.equal(psValue(false), '$false');
    assert.equal(psValue([53, 'x']), "@(53, 'x')");
  });

  const script = exportPowerShell(hostilePlan(), INFO);
  const tree = parse(script);

  it('parses with tree-sitter-powershell: no ERROR or MISSING node', () => {
    assert.deepEqual(problems(tree.rootNode), []);
  });

  it('has the header, #Requires -RunAsAdministrator, ErrorActionPreference Stop and imports the module', () => {
    assert.match(script, /^#Requires -RunAsAdministrator$/m);
    assert.match(script, /^\$ErrorActionPreference = 'Stop'$/m);
    assert.match(script, /Join-Path -Path \$PSScriptRoot -ChildPath 'ps1\\MobyKit\.psd1'/);
    assert.match(script, /\[string\]\$ModulePath/);
    assert.match(script, /^Import-Module -Name \$ModulePath/m);
    assert.match(script, /^# It performs exactly this plan/m);
    assert.match(script, /^#\s+1\. \+ switch\.create/m);
  });

  it('hostile names appear only inside single-quoted literals (or one-line comments)', () => {
    const bad: string[] = [];
    for (const value of HOSTILE) {
      for (const piece of value.split(/[\u0000-\u001f]/).filter((p) => p.length >= 3)) {
        let at = script.indexOf(piece);
        assert.ok(at >= 0, `${JSON.stringify(piece)} is in the script`);
        for (; at >= 0; at = script.indexOf(piece, at + 1)) {
          const where = inertAt(tree, at, at + piece.length);
          if (where) bad.push(`${JSON.stringify(piece)} at ${at} is in ${where}`);
        }
      }
    }
    assert.deepEqual(bad, []);
    assert.ok(!script.includes('first\nRemove-Item'), 'a newline in a value never reaches the source');
  });

  it('calls exactly the planned functions, in order, each with a splatted hashtable', () => {
    const calls = [...script.matchAll(/^\s+([A-Z][A-Za-z]+-MobyKit[A-Za-z]+) @action(\d+) -Confirm:\$false$/gm)].map((m) => m[1]);
    assert.deepEqual(
      calls,
      hostilePlan().actions.map((a) => OPERATIONS[a.op].psFunction),
    );
  });

  it('holds no secret: asks once with Read-Host -AsSecureString, only for the actions that need it', () => {
    assert.equal(script.match(/Read-Host/g)?.length, 1);
    assert.match(script, /Read-Host -Prompt .* -AsSecureString/);
    assert.match(script, /NetworkCredential\]::new\('', \$securePassword\)\.Password/);
    assert.equal(script.match(/Password = \$securePassword/g)?.length, 2); // kvp.add, credential.write
    assert.ok(!script.includes(CANARY_PASSWORD));
  });

  it('every command it calls passes the cmdlet / module-function contract', () => {
    const analysis = analyzePowerShell(script, 'install.ps1');
    assert.deepEqual(analysis.parseProblems, []);
    const module = analyseModule();
    const opts = moduleCheckOptions(catalog(), [...module, analysis]);
    const findings = checkAnalyses([analysis], opts);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.equal(errors.length, 0, `\n${formatFindings(errors)}`);
    // The planned operations' functions, and the journal's own (the script keeps mobykit's journal through them).
    const moduleFns = new Set([...Object.values(OPERATIONS).map((o) => o.psFunction), 'Get-MobyKitJournal', 'Set-MobyKitJournal']);
    const called = analysis.invocations.map((i) => i.bareName).filter((n) => /MobyKit/.test(n) && n !== 'Add-MobyKitJournalEntry');
    for (const c of called) assert.ok(moduleFns.has(c), `${c} is a module function`);
  });

  it('mobykit plan --simulate fresh --export FILE writes it (CLI), with no password in it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-export-'));
    const file = path.join(dir, 'install.ps1');
    const r = runPiped(['plan', '--simulate', FRESH, '--export', file]);
    assert.equal(r.code, 0, r.output);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFF#Requires -RunAsAdministrator\r\n'), 'BOM and CRLF for Windows PowerShell 5.1');
    assert.deepEqual(problems(parse(text.slice(1)).rootNode), []);
    for (const fn of ['New-MobyKitSwitch', 'New-MobyKitNat', 'New-MobyKitVM', 'Set-MobyKitKvpItem'])
      assert.match(text, new RegExp(`^\\s+${fn} @action\\d+ -Confirm:\\$false\\r$`, 'm'));
    assert.ok(!text.includes(CANARY_PASSWORD));
    // The journal it keeps matches mobykit's: the disk it creates is recorded (pending, before the step), so uninstall deletes it.
    assert.match(
      text,
      /Add-MobyKitJournalEntry -Entry '\{"kind":"disk","id":\{"VMName":"MobyLinuxVM","Path":"[^']*MobyLinuxVM\.vhdx"\},"before":\{"diskExisted":false\},"state":"pending","actionId":"vm\.create"\}'\r\n\s+New-MobyKitVM @action/,
    );
    assert.match(r.stderr, /Wrote .*install\.ps1/);
  });
});
