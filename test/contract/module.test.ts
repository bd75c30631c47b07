// Contract tests of the PowerShell module in ps1/, held against the cmdlet catalog.
import { FLEET_FUNCTIONS } from '../../src/fleet/remote.js';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Op } from '../../src/plan/action.js';
import { OPERATIONS, PS_GATHER_FUNCTION } from '../../src/resources/registry.js';
import { PS_QUERY } from '../../src/host/powershell/protocol.js';
import { APPROVED_VERBS } from './approved-verbs.js';
import { checkAnalyses, formatFindings } from './checker.js';
import { analyseModule, CATALOG_FIXTURE, listModuleFiles, loadCatalog, moduleCheckOptions, PS1_DIR } from './module-files.js';
import { readOpParams } from './op-params.js';
import type { FunctionDef } from './powershell-ast.js';

const publicDir = path.join(PS1_DIR, 'Public');
const privateDir = path.join(PS1_DIR, 'Private');
const baseNames = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ps1'))
    .map((f) => f.slice(0, -4))
    .sort();

/** Each operation's PowerShell function, by operation. */
const PS_FUNCTION = Object.fromEntries(Object.entries(OPERATIONS).map(([op, o]) => [op, o.psFunction])) as Record<Op, string>;

function functionsIn(dir: string): FunctionDef[] {
  return analyseModule()
    .filter((a) => path.dirname(a.file) === dir)
    .flatMap((a) => a.functions);
}
function publicFunction(name: string): FunctionDef | undefined {
  return functionsIn(publicDir).find((f) => f.name === name);
}

describe('PowerShell module ps1/', () => {
  it('has the manifest, the root module and Public/Private files', () => {
    for (const f of ['MobyKit.psd1', 'MobyKit.psm1']) assert.ok(fs.existsSync(path.join(PS1_DIR, f)), f);
    assert.ok(baseNames(publicDir).length > 0);
    assert.ok(baseNames(privateDir).length > 0);
  });

  describe('parses', () => {
    for (const file of listModuleFiles()) {
      it(`${file} has no ERROR or MISSING node`, () => {
        const analysis = analyseModule().find((a) => a.file === file)!;
        assert.deepEqual(analysis.parseProblems, [], `${file}: ${JSON.stringify(analysis.parseProblems)}`);
      });
    }
  });

  it('calls only catalog cmdlets, module functions and allowed executables, with parameters they take', () => {
    const analyses = analyseModule();
    const findings = checkAnalyses(analyses, moduleCheckOptions(loadCatalog(), analyses));
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (warnings.length) console.log(`      catalog warnings (not failures):\n${formatFindings(warnings).replace(/^/gm, '        ')}`);
    const errors = findings.filter((f) => f.severity === 'error');
    assert.equal(errors.length, 0, `\n${formatFindings(errors)}`);
  });

  it('never uses commands that leak secrets, print to the host or evaluate strings', () => {
    const forbidden = ['invoke-expression', 'iex', 'write-host', 'cmdkey', 'cmdkey.exe', 'get-wmiobject', 'set-wmiinstance', 'invoke-wmimethod', 'add-content', 'out-file'];
    const hits = analyseModule()
      .flatMap((a) => a.invocations)
      .filter((i) => forbidden.includes(i.bareName.toLowerCase()))
      .map((i) => `${i.file}:${i.line} ${i.name}`);
    assert.deepEqual(hits, []);
  });

  it('never writes the password or the token to output, messages or ShouldProcess', () => {
    const offending: string[] = [];
    for (const file of listModuleFiles()) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/Write-(Verbose|Warning|Output|Debug|Information|Error)|ShouldProcess|New-MobyKitErrorRecord/.test(line) && /\$(Password|token|secret)\b(?!\.Length)/i.test(line)) {
            offending.push(`${file}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    assert.deepEqual(offending, []);
  });

  describe('operations', () => {
    const ops = readOpParams();

    it('reads every operation of OpParams from src/plan/action.ts', () => {
      assert.deepEqual(ops.map((o) => o.op).sort(), Object.keys(PS_FUNCTION).sort());
    });

    for (const { op, keys } of ops) {
      const name = PS_FUNCTION[op as Op];
      it(`${op} -> ${name} declares ${keys.map((k) => k.name).join(', ')}${OPERATIONS[op as Op].needsSecret ? ', Password' : ''}`, () => {
        const fn = publicFunction(name);
        assert.ok(fn, `no public function ${name}`);
        const declared = fn.params.map((p) => p.name);
        const expected = [...keys.map((k) => k.name), ...(OPERATIONS[op as Op].needsSecret ? ['Password'] : [])];
        for (const key of expected) assert.ok(declared.includes(key), `${name} lacks -${key} (declares ${declared.join(', ')})`);
        const extraMandatory = fn.params.filter((p) => p.mandatory && !expected.includes(p.name)).map((p) => p.name);
        assert.deepEqual(extraMandatory, [], `${name} has mandatory parameters the op does not pass`);
        for (const k of keys.filter((k) => k.optional)) {
          assert.ok(!fn.params.find((p) => p.name === k.name)?.mandatory, `${name} -${k.name} is optional in OpParams but Mandatory`);
        }
        assert.ok(fn.supportsShouldProcess, `${name} changes the host: [CmdletBinding(SupportsShouldProcess)] is required`);
      });
    }

    it(`${PS_GATHER_FUNCTION} exists, is read-only and takes the scoping parameters`, () => {
      const fn = publicFunction(PS_GATHER_FUNCTION);
      assert.ok(fn, `no public function ${PS_GATHER_FUNCTION}`);
      assert.ok(!fn.supportsShouldProcess);
      const want = ['SwitchName', 'NatName', 'FirewallRuleName', 'TcpPort', 'UdpPort', 'VMName', 'ShareName', 'CredentialTarget', 'SettingsDir', 'LogDir', 'IsoPath', 'VhdxPath'];
      assert.deepEqual(
        want.filter((p) => !fn.params.some((d) => d.name === p)),
        [],
      );
    });

    it('the dispatcher Invoke-MobyKitCall takes -Request', () => {
      const fn = publicFunction('Invoke-MobyKitCall');
      assert.ok(fn);
      assert.deepEqual(
        fn.params.map((p) => p.name),
        ['Request'],
      );
    });
  });

  describe('functions', () => {
    it('one function per file, named after the file', () => {
      for (const dir of [publicDir, privateDir]) {
        for (const base of baseNames(dir)) {
          const analysis = analyseModule().find((a) => a.file === path.join(dir, `${base}.ps1`))!;
          assert.deepEqual(
            analysis.functions.map((f) => f.name),
            [base],
            `${dir}/${base}.ps1`,
          );
        }
      }
    });

    it('public and private function names are unique', () => {
      const all = [...baseNames(publicDir), ...baseNames(privateDir)].map((n) => n.toLowerCase());
      assert.equal(new Set(all).size, all.length);
    });

    for (const fn of [...functionsIn(publicDir), ...functionsIn(privateDir)]) {
      it(`${fn.name}: approved verb, CmdletBinding, comment-based help for every parameter`, () => {
        const verb = fn.name.split('-')[0];
        assert.ok(APPROVED_VERBS.includes(verb), `${fn.name}: '${verb}' is not an approved verb`);
        assert.match(fn.name, /^[A-Z][A-Za-z]+-MobyKit[A-Za-z]+$/);
        assert.ok(fn.hasCmdletBinding, `${fn.name} lacks [CmdletBinding()]`);
        assert.ok(fn.help, `${fn.name} lacks comment-based help`);
        assert.match(fn.help, /\.SYNOPSIS/);
        assert.match(fn.help, /\.EXAMPLE/);
        for (const p of fn.params) {
          assert.match(fn.help, new RegExp(`\\.PARAMETER ${p.name}\\b`), `${fn.name}: no .PARAMETER ${p.name}`);
        }
      });
    }

    it("every operation's psFunction is public", () => {
      const publics = baseNames(publicDir);
      assert.deepEqual(
        Object.values(PS_FUNCTION).filter((n) => !publics.includes(n)),
        [],
      );
    });

    it("public functions are the operations, the snapshot, the status/console queries, the dispatcher and the fleet's remote sessions and journal", () => {
      const expected = [...new Set([...Object.values(PS_FUNCTION), ...Object.values(PS_QUERY), PS_GATHER_FUNCTION, 'Invoke-MobyKitCall', ...FLEET_FUNCTIONS])].sort();
      assert.deepEqual(baseNames(publicDir), expected);
    });
  });

  describe('manifest ps1/MobyKit.psd1', () => {
    const text = () => fs.readFileSync(path.join(PS1_DIR, 'MobyKit.psd1'), 'utf8');
    const value = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*'([^']*)'`, 'm').exec(text())?.[1];

    it('names the root module, version, GUID, PowerShell 5.1 and both editions', () => {
      assert.equal(value('RootModule'), 'MobyKit.psm1');
      assert.equal(value('ModuleVersion'), '0.1.0');
      assert.match(value('GUID') ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      assert.equal(value('PowerShellVersion'), '5.1');
      const editions = /CompatiblePSEditions\s*=\s*@\(([^)]*)\)/.exec(text())?.[1] ?? '';
      assert.deepEqual([...editions.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(), ['Core', 'Desktop']);
    });

    it('FunctionsToExport lists exactly the Public files, explicitly', () => {
      const list = /FunctionsToExport\s*=\s*@\(([^)]*)\)/.exec(text())?.[1];
      assert.ok(list, 'FunctionsToExport = @( ... ) not found');
      assert.ok(!list.includes('*'), 'no wildcards');
      assert.deepEqual([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort(), baseNames(publicDir));
    });
  });

  describe('catalog fixture', () => {
    it('keeps the source commits and the common parameters', () => {
      const catalog = loadCatalog();
      assert.ok(Object.keys(catalog.sources).length > 0);
      for (const commit of Object.values(catalog.sources)) assert.match(commit, /^[0-9a-f]{40}$/);
      assert.ok(catalog.commonParameters.includes('ErrorAction'));
      assert.equal(catalog.commonParameterAliases.ea, 'ErrorAction');
    });

    const shared = path.join('..', 'shared', 'cmdlets', 'catalog.json');
    it(`is what test/fixtures/trim-catalog.mjs makes from ${shared}`, async function () {
      if (!fs.existsSync(shared)) this.skip();
      this.timeout(60000);
      const trim = (await import(pathToFileURL(path.resolve('test', 'fixtures', 'trim-catalog.mjs')).href)) as {
        buildTrimmedCatalog: (catalogPath: string, ps1Dir: string) => unknown;
        serialize: (c: unknown) => string;
      };
      const fresh = trim.serialize(trim.buildTrimmedCatalog(shared, PS1_DIR));
      assert.ok(fresh === fs.readFileSync(CATALOG_FIXTURE, 'utf8'), `${CATALOG_FIXTURE} is out of date: run node test/fixtures/trim-catalog.mjs`);
    });
  });
});
