// The terminal for real: spinners and colour on a TTY; plain lines, no escape codes, elsewhere.
import assert from 'node:assert/strict';
import { ESC, FRESH, runInTerminal, runPiped, SGR } from './run-cli.js';

const INSTALL = ['install', '--simulate', FRESH, '--yes'];
const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]|✔|✖/;

describe('CLI on a terminal and in a pipe', function () {
  this.timeout(60_000);

  it('on a TTY: spinners with ticks, colours, and exit 0', () => {
    const r = runInTerminal(INSTALL);
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, SPINNER, 'ora frames or ✔');
    assert.match(r.output, /✔.*\[ ?1\/\d+\].*Create Internal switch DockerNAT/);
    assert.match(r.output, SGR, 'colour escape sequences');
    assert.match(r.output, /Plan:.*10 to create.*1 to change.*0 to remove/);
  });

  it('in a pipe: plain lines, no escape code at all', () => {
    const r = runPiped(INSTALL);
    assert.equal(r.code, 0, r.output);
    assert.ok(!r.output.includes(ESC), JSON.stringify(r.output.slice(0, 400)));
    assert.match(r.stderr, /^\[ ?1\/11\] Create Internal switch DockerNAT/m);
    assert.match(r.stderr, /ok: switch\.create/);
    assert.match(r.stdout, /Plan: 10 to create, 1 to change, 0 to remove\./);
  });

  it('with NO_COLOR on a TTY: no colour (spinners still move)', () => {
    const r = runInTerminal(INSTALL, { env: { NO_COLOR: '1' } });
    assert.equal(r.code, 0, r.output);
    assert.doesNotMatch(r.output, SGR);
    assert.match(r.output, SPINNER);
  });

  it('with NO_COLOR in a pipe: plain text', () => {
    const r = runPiped(INSTALL, { env: { NO_COLOR: '1' } });
    assert.equal(r.code, 0);
    assert.ok(!r.output.includes(ESC));
  });

  it('--no-color on a TTY wins over FORCE_COLOR', () => {
    const r = runInTerminal([...INSTALL, '--no-color'], { env: { FORCE_COLOR: '3' } });
    assert.equal(r.code, 0, r.output);
    assert.doesNotMatch(r.output, SGR);
  });

  it('in CI (CI set) on a TTY: plain progress lines, no spinner', () => {
    const r = runInTerminal(INSTALL, { env: { CI: 'true' } });
    assert.equal(r.code, 0, r.output);
    assert.doesNotMatch(r.output, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    assert.match(r.output, /ok: switch\.create/);
  });

  it('--json on a TTY: stdout is one JSON document, progress is plain', () => {
    const r = runPiped([...INSTALL, '--json']);
    assert.equal(r.code, 0, r.output);
    const doc = JSON.parse(r.stdout) as { outcome: string; applied: string[] };
    assert.equal(doc.outcome, 'done');
    assert.ok(doc.applied.includes('switch.create'));
    const t = runInTerminal([...INSTALL, '--json']);
    assert.equal(t.code, 0);
    assert.doesNotMatch(t.output, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });

  it('--verbose prints each applied action id and its parameters on stderr', () => {
    const r = runPiped([...INSTALL, '--verbose']);
    assert.equal(r.code, 0, r.output);
    assert.match(r.stderr, /apply switch\.create \{"Name":"DockerNAT"/);
    assert.match(r.stderr, /apply kvp\.add \{/);
    assert.doesNotMatch(r.output, /canary-Pa55word/);
  });
});
