// Exit codes: 0 done or healthy, 1 doctor errors or a failed change, 2 bad usage or input.
import assert from 'node:assert/strict';
import { BROKEN, FRESH, runPiped } from './run-cli.js';

describe('CLI exit codes', function () {
  this.timeout(30_000);

  it('unknown flag -> 2, naming it', () => {
    const r = runPiped(['install', '--simulate', FRESH, '--frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Unknown argument: frobnicate/);
    assert.match(r.stderr, /mobykit --help/);
  });

  it('unknown command -> 2', () => {
    const r = runPiped(['instal']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /install/);
  });

  it('no command -> 2', () => {
    assert.equal(runPiped([]).code, 2);
  });

  it('bad subnet -> 2, naming the value and what would be valid', () => {
    const r = runPiped(['install', '--simulate', FRESH, '--yes', '--subnet', '10.0.75.1/24']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--subnet "10\.0\.75\.1\/24"/);
    assert.match(r.stderr, /network address/);
    assert.equal(r.stdout, '');
  });

  it('bad number -> 2', () => {
    const r = runPiped(['plan', '--simulate', FRESH, '--vm-memory', 'lots']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--vm-memory: "lots" is not a whole number/);
  });

  it('a flag without its value -> 2', () => {
    const r = runPiped(['install', '--simulate', FRESH, '--subnet']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /subnet/);
  });

  it('doctor --skip of an unknown check -> 2', () => {
    const r = runPiped(['doctor', '--from', BROKEN, '--skip', 'no.such-check']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no\.such-check/);
  });

  it('doctor on the broken example -> 1', () => {
    const r = runPiped(['doctor', '--from', BROKEN]);
    assert.equal(r.code, 1, r.output);
    assert.match(r.stdout, /error/);
  });

  it('install --simulate fresh --yes -> 0', () => {
    const r = runPiped(['install', '--simulate', FRESH, '--yes']);
    assert.equal(r.code, 0, r.output);
    assert.match(r.stdout, /Done: 11 actions applied and verified/);
  });

  it('install without --yes and without a terminal -> 2, saying what to do', () => {
    const r = runPiped(['install', '--simulate', FRESH]);
    assert.equal(r.code, 2, r.output);
    assert.match(r.stderr, /--yes/);
  });

  it('a failing action -> 1', () => {
    const r = runPiped(['install', '--simulate', FRESH, '--yes', '--simulate-fail', 'nat.create']);
    assert.equal(r.code, 1, r.output);
    assert.match(r.stderr, /FAILED: nat\.create/);
  });
});
