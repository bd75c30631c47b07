// Plans as CI and careful users use them: drift exit codes, saved plans, the disk's data, strict rehearsal input.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BROKEN, FRESH, runPiped, typeInTerminal } from './run-cli.js';

function scratch(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-plans-'));
  return { dir, env: { MOBYKIT_STATE_DIR: path.join(dir, 'state') } };
}

function installed(): { dir: string; host: string; env: Record<string, string> } {
  const { dir, env } = scratch();
  const host = path.join(dir, 'host.json');
  const r = runPiped(['install', '--simulate', FRESH, '--simulate-out', host, '--yes'], { env });
  assert.equal(r.code, 0, r.output);
  return { dir, host, env };
}

const vhdxOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { files: { vhdx: { Exists: boolean } } }).files.vhdx.Exists;

describe('plans', function () {
  this.timeout(60_000);

  it('plan --detailed-exitcode: 2 with changes pending, 0 with none, 1 when blocked', () => {
    assert.equal(runPiped(['plan', '--simulate', FRESH, '--detailed-exitcode']).code, 2);
    const { host, env } = installed();
    assert.equal(runPiped(['plan', '--simulate', host, '--detailed-exitcode'], { env }).code, 0);
    assert.equal(runPiped(['plan', '--simulate', BROKEN, '--detailed-exitcode']).code, 1);
    assert.equal(runPiped(['plan', '--simulate', FRESH]).code, 0, 'without the flag a pending plan is still 0');
  });

  it('plan --out then install --plan applies exactly that plan', () => {
    const { dir, env } = scratch();
    const host = path.join(dir, 'host.json');
    writeFileSync(host, readFileSync(FRESH));
    const planFile = path.join(dir, 'plan.json');
    const p = runPiped(['plan', '--simulate', host, '--out', planFile, '--vm-memory', '4096'], { env });
    assert.equal(p.code, 0, p.output);
    assert.match(p.stderr, /Plan saved to .*mobykit install --plan/);
    const saved = JSON.parse(readFileSync(planFile, 'utf8')) as { kind: string; actions: { id: string }[] };
    assert.equal(saved.kind, 'mobykit.plan');
    assert.equal(saved.actions.length, 11);
    // Applied without the flag: the saved configuration (4096 MB) is what counts.
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--plan', planFile, '--json'], { env });
    assert.equal(r.code, 0, r.output);
    assert.deepEqual(
      JSON.parse(r.stdout).applied,
      saved.actions.map((a) => a.id),
    );
    assert.equal((JSON.parse(readFileSync(host, 'utf8')) as { vms: { MemoryStartup: number }[] }).vms[0].MemoryStartup, 4096 * 2 ** 20);
  });

  it('install --plan refuses flags that contradict the saved plan, naming them, and changes nothing', () => {
    const { dir, env } = scratch();
    const host = path.join(dir, 'host.json');
    writeFileSync(host, readFileSync(FRESH));
    const planFile = path.join(dir, 'plan.json');
    assert.equal(runPiped(['plan', '--simulate', host, '--out', planFile], { env }).code, 0);
    const cases: [string[], string][] = [
      [['--vm-memory', '4096'], '--vm-memory'],
      [['--adopt'], '--adopt'],
      [['--switch-name', 'MobyNet', '--config', path.join(dir, 'none.json')], '--config, --switch-name'],
      [['--dry-run'], '--dry-run'],
    ];
    for (const [flags, named] of cases) {
      const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--plan', planFile, '--yes', ...flags], { env });
      assert.equal(r.code, 2, `${flags.join(' ')}: ${r.output}`);
      assert.ok(r.stderr.includes(`cannot be combined with ${named}.`), r.stderr);
      assert.equal(readFileSync(host, 'utf8'), readFileSync(FRESH, 'utf8'));
    }
    const keep = runPiped(['uninstall', '--simulate', host, '--plan', planFile, '--keep-disk'], { env });
    assert.equal(keep.code, 2, keep.output);
    assert.match(keep.stderr, /cannot be combined with --keep-disk\./);
    // What still means something is honoured: --no-rollback, --json and the rehearsal flags.
    const ok = runPiped(['install', '--simulate', host, '--simulate-out', host, '--plan', planFile, '--no-rollback', '--simulate-fail', 'vm.start', '--json'], { env });
    assert.equal(ok.code, 1, ok.output);
    assert.equal(JSON.parse(ok.stdout).rollback, undefined);
  });

  it('install --plan refuses when the host changed since, changing nothing', () => {
    const { dir, env } = scratch();
    const planFile = path.join(dir, 'plan.json');
    assert.equal(runPiped(['plan', '--simulate', FRESH, '--out', planFile], { env }).code, 0);
    const { host } = installed();
    const before = readFileSync(host, 'utf8');
    const r = runPiped(['install', '--simulate', host, '--simulate-out', host, '--plan', planFile], { env });
    assert.equal(r.code, 1, r.output);
    assert.match(r.stderr, /The host changed since the plan in .* was made .*now the plan is \(nothing\)\. Nothing was changed/);
    assert.equal(readFileSync(host, 'utf8'), before);
    const wrong = runPiped(['uninstall', '--simulate', host, '--plan', planFile], { env });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /is a plan to install; run mobykit install --plan/);
  });

  it('uninstall says it deletes the disk and what is on it; --keep-disk keeps it', () => {
    const { host, env } = installed();
    const dry = runPiped(['uninstall', '--simulate', host, '--dry-run'], { env });
    assert.match(dry.stdout, /DELETE its disk .*MobyLinuxVM\.vhdx \(every image, container and volume in the VM\)/);
    const kept = runPiped(['uninstall', '--simulate', host, '--simulate-out', host, '--keep-disk', '--yes'], { env });
    assert.equal(kept.code, 0, kept.output);
    assert.match(kept.stdout, /Remove VM MobyLinuxVM \([0-9a-f-]+; its disk is kept: --keep-disk\)/);
    assert.equal(vhdxOf(host), true);
    const again = runPiped(['install', '--simulate', host, '--yes'], { env });
    // The kept disk is not mobykit's any more: install asks before building a VM on it.
    assert.equal(again.code, 1);
    assert.match(again.stdout, /A disk already exists at .*MobyLinuxVM\.vhdx/);
    assert.match(again.stdout, /mobykit install --adopt/);
  });

  it('on a terminal the disk deletion is asked separately; no keeps the host as it was', async () => {
    const { host, env } = installed();
    const before = readFileSync(host, 'utf8');
    const r = await typeInTerminal(['uninstall', '--simulate', host, '--simulate-out', host], env, [
      ['[y/N]', 'y\r'],
      ['Delete the disk? [y/N]', 'n\r'],
    ]);
    assert.match(r.text, /This DELETES the VM's disk .*every image, container and volume in it is lost \(mobykit uninstall --keep-disk keeps it\)/);
    assert.equal(r.code, 1, r.text);
    assert.match(r.text, /Cancelled: nothing was changed/);
    assert.equal(readFileSync(host, 'utf8'), before);
  });

  it('install --json on a terminal shows the plan (on stderr) before asking; without a terminal it refuses', async () => {
    const { dir, env } = scratch();
    const host = path.join(dir, 'host.json');
    writeFileSync(host, readFileSync(FRESH));
    const r = await typeInTerminal(['install', '--simulate', host, '--json'], env, [['[y/N]', 'n\r']]);
    const question = r.text.indexOf('Apply these 11 changes?');
    assert.ok(question > 0, r.text);
    assert.ok(r.text.indexOf('Create Internal switch DockerNAT') < question, 'the plan comes before the question');
    const piped = runPiped(['install', '--simulate', host, '--json'], { env });
    assert.equal(piped.code, 2);
    assert.deepEqual(Object.keys(JSON.parse(piped.stdout)), ['formatVersion', 'error']);
    assert.match(JSON.parse(piped.stdout).error.message, /re-run with --yes/);
  });

  it('a failed uninstall says to run uninstall again', () => {
    const { host, env } = installed();
    const r = runPiped(['uninstall', '--simulate', host, '--simulate-fail', 'share.remove', '--yes'], { env });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /then mobykit uninstall again to finish/);
  });
});

describe('strict rehearsal input and output paths', function () {
  this.timeout(60_000);

  it("an unknown --simulate-fail id is exit 2 listing the plan's ids, before any change", () => {
    const { dir, env } = scratch();
    const out = path.join(dir, 'out.json');
    const r = runPiped(['install', '--simulate', FRESH, '--simulate-out', out, '--simulate-fail', 'nat.creat', '--yes'], { env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--simulate-fail nat\.creat: no such action in this plan; its ids are switch\.create, vnic\.set-address, nat\.create,/);
    assert.ok(!existsSync(out) || !JSON.parse(readFileSync(out, 'utf8')).vmSwitches.length, 'nothing was applied');
    // An undo's id is fair game: it makes the rollback fail.
    const undo = runPiped(['install', '--simulate', FRESH, '--simulate-fail', 'vm.create', '--simulate-fail', 'nat.remove:DockerNAT', '--yes'], { env });
    assert.equal(undo.code, 1, undo.output);
    assert.match(undo.stdout, /not undone: .*NAT/);
  });

  it('--simulate without a value and doctor --from with --simulate are usage errors', () => {
    const bare = runPiped(['install', '--simulate']);
    assert.equal(bare.code, 2);
    assert.match(bare.stderr, /Not enough arguments following: simulate/);
    const both = runPiped(['doctor', '--from', BROKEN, '--simulate', FRESH]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--from and --simulate both name a snapshot/);
  });

  it('output paths are checked before any work', () => {
    const r = runPiped(['install', '--simulate', FRESH, '--simulate-out', '/nonexistent/x.json', '--yes']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--simulate-out \/nonexistent\/x\.json: the folder \/nonexistent does not exist/);
    assert.doesNotMatch(r.output, /Create Internal switch|Done/);
    const report = runPiped(['doctor', '--from', BROKEN, '--report', 'nodir/r.html']);
    assert.equal(report.code, 2);
    assert.equal(report.stdout, '', 'no diagnosis before the error');
    assert.equal(runPiped(['snapshot', '--simulate', FRESH, '-o', '/nonexistent/s.json']).code, 2);
    assert.equal(runPiped(['plan', '--simulate', FRESH, '--out', '/nonexistent/p.json']).code, 2);
  });

  it('only command-line mistakes point to --help', () => {
    assert.match(runPiped(['install', '--bogus']).stderr, /Run mobykit --help/);
    assert.doesNotMatch(runPiped(['install', '--simulate', 'nothere.json']).stderr, /--help/);
    assert.doesNotMatch(runPiped(['install', '--simulate', FRESH, '--subnet', '10.0.0.0/33']).stderr, /--help/);
  });

  it('an error under --json is one document on stdout', () => {
    const r = runPiped(['status', '--simulate', 'nothere.json', '--json']);
    assert.equal(r.code, 2);
    const doc = JSON.parse(r.stdout) as { formatVersion: number; error: { message: string; exitCode: number } };
    assert.equal(doc.formatVersion, 1);
    assert.equal(doc.error.exitCode, 2);
    assert.match(doc.error.message, /nothere\.json/);
    const usage = runPiped(['install', '--bogus', '--json']);
    assert.equal(JSON.parse(usage.stdout).error.exitCode, 2);
  });
});
