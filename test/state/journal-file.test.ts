import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../../src/engine/run.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { ACL_ARGS, CARRIED_OVER_SUFFIX, ensureHostStateDir, JOURNAL_FILE, loadJournalFile, saveJournalFile } from '../../src/state/journal-file.js';
import { parseJournal } from '../../src/state/journal.js';
import { hostStateDir, legacyJournalDir, stateDir } from '../../src/state/paths.js';
import { config, example } from '../helpers.js';

describe('journal file and where it lives', () => {
  it('on Windows the journal and lock live in %ProgramData%\\mobykit for every administrator; the run logs stay per user', () => {
    const env = { ProgramData: 'C:\\ProgramData', LOCALAPPDATA: 'C:\\Users\\alice\\AppData\\Local' };
    assert.equal(hostStateDir(env, 'win32'), path.join('C:\\ProgramData', 'mobykit'));
    assert.equal(stateDir(env, 'win32'), path.join('C:\\Users\\alice\\AppData\\Local', 'mobykit'));
    assert.equal(legacyJournalDir(env, 'win32'), path.join('C:\\Users\\alice\\AppData\\Local', 'mobykit'));
    // Tests and rehearsals: MOBYKIT_STATE_DIR keeps everything in one place, nothing carried over.
    assert.equal(hostStateDir({ ...env, MOBYKIT_STATE_DIR: '/tmp/x' }, 'win32'), '/tmp/x');
    assert.equal(legacyJournalDir({ ...env, MOBYKIT_STATE_DIR: '/tmp/x' }, 'win32'), undefined);
  });

  it('on Windows a new journal folder is restricted to Administrators, SYSTEM and Hyper-V Administrators (icacls, path as an argument)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mobykit-acl-'));
    const dir = path.join(root, "it's $(Start-Process calc)");
    const calls: [string, string[]][] = [];
    const run = async (file: string, args: string[]) => {
      calls.push([file, args]);
    };
    await ensureHostStateDir(dir, 'win32', run);
    assert.deepEqual(calls, [['icacls', [dir, '/inheritance:r', '/grant:r', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F', '*S-1-5-32-578:(OI)(CI)M']]]);
    assert.deepEqual(ACL_ARGS, calls[0][1].slice(1));
    await ensureHostStateDir(dir, 'win32', run);
    assert.equal(calls.length, 1, 'an existing folder keeps its ACL');
    await assert.rejects(
      ensureHostStateDir(path.join(root, 'x'), 'win32', async () => {
        throw new Error('Access is denied.');
      }),
      /cannot restrict .* to Administrators \(icacls: Access is denied\.\)/,
    );
  });

  it('carries a per-user journal of an earlier mobykit over once, and says so', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mobykit-journal-'));
    const shared = path.join(root, 'ProgramData', 'mobykit');
    const legacy = path.join(root, 'alice', 'mobykit');
    mkdirSync(legacy, { recursive: true });
    const old = [
      { resource: 'nat:DockerNAT', actionId: 'nat.create', at: '2026-11-01T00:00:00Z' },
      { resource: 'vm:MobyLinuxVM/disk', actionId: 'vm.create', at: '2026-11-01T00:00:00Z' },
    ];
    writeFileSync(path.join(legacy, JOURNAL_FILE), JSON.stringify(old));
    const first = await loadJournalFile(shared, legacy);
    assert.deepEqual(
      first.doc.entries.map((e) => [e.kind, e.state]),
      [
        ['nat', 'pending'],
        ['disk', 'pending'],
      ],
    );
    assert.match(first.note!, /carried over 2 journal entries from .*alice.*journal\.json/);
    assert.ok(existsSync(path.join(legacy, JOURNAL_FILE + CARRIED_OVER_SUFFIX)));
    assert.ok(!existsSync(path.join(legacy, JOURNAL_FILE)));
    const again = await loadJournalFile(shared, legacy);
    assert.equal(again.note, undefined);
    assert.deepEqual(again.doc, first.doc);
  });

  it("a carried-over entry is settled by exact markers: the NAT and disk of the first format become mobykit's by identity", async () => {
    const s = example('converged');
    (s as unknown as { mobykit: unknown }).mobykit = {
      journal: [
        { resource: 'nat:DockerNAT', actionId: 'nat.create', at: '' },
        { resource: 'vm:MobyLinuxVM', actionId: 'vm.create', at: '' },
        { resource: 'vm:MobyLinuxVM/disk', actionId: 'vm.create', at: '' },
      ],
    };
    const host = new SimulatedHost(s);
    const r = await run('uninstall', host, config());
    assert.ok(r.plan.actions.some((a) => a.op === 'nat.remove'));
    assert.match(r.plan.actions.find((a) => a.op === 'vm.remove')!.description, /and the disk mobykit made for it/);
  });

  it('writes atomically and reads back exactly; a bad journal is named with the path of the bad value', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobykit-journal-'));
    const doc = parseJournal({ version: 2, entries: [{ kind: 'vm', id: { Name: 'MobyLinuxVM', Id: 'abc' }, state: 'made', actionId: 'vm.create', at: 'now' }] }, 'x');
    await saveJournalFile(dir, doc);
    assert.deepEqual((await loadJournalFile(dir)).doc, doc);
    assert.deepEqual(JSON.parse(readFileSync(path.join(dir, JOURNAL_FILE), 'utf8')), doc);
    writeFileSync(path.join(dir, JOURNAL_FILE), JSON.stringify({ entries: [null] }));
    await assert.rejects(loadJournalFile(dir), /\$\.entries\[0\] is not an object/);
    writeFileSync(path.join(dir, JOURNAL_FILE), JSON.stringify({ entries: [{ kind: 'vm', id: { Id: 5 }, state: 'made' }] }));
    await assert.rejects(loadJournalFile(dir), /\$\.entries\[0\]\.id\.Id is not a string/);
  });

  it('an invalid journal in a snapshot is a clear error naming where, not a crash', async () => {
    const s = example('fresh-win10-pro');
    (s as unknown as { mobykit: unknown }).mobykit = { journal: [null] };
    await assert.rejects(run('install', new SimulatedHost(s), config(), { dryRun: true }), /\$\.mobykit\.journal.*\$\.entries\[0\] is not an object/);
  });
});
