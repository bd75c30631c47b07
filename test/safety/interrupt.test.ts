import assert from 'node:assert/strict';
import { run } from '../../src/engine/run.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import { CANARY_PASSWORD, config, example } from '../helpers.js';

const secrets = async () => ({ sharePassword: CANARY_PASSWORD });

/** A run interrupted (its signal aborted, as by Ctrl-C) while its n-th action runs. */
function stopAfter(n: number) {
  const stop = new AbortController();
  let started = 0;
  return {
    signal: stop.signal,
    events: {
      start: () => {
        if (++started === n) stop.abort('SIGINT');
      },
    },
  };
}

describe('interrupted install', () => {
  it('stops after the current action, keeps the journal, and the next install picks up from there', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'));
    const r = await run('install', host, config(), { secrets, ...stopAfter(3) });
    assert.equal(r.outcome, 'interrupted');
    assert.equal(r.applied.length, 3);
    const journal = await host.loadJournal();
    assert.deepEqual(
      journal.entries.map((e) => e.kind),
      ['switch', 'address', 'nat'],
    );
    const next = await run('install', host, config(), { secrets });
    assert.equal(next.outcome, 'done');
    assert.equal(next.plan.actions.length, r.plan.actions.length - 3);
    assert.ok(!next.plan.actions.some((a) => a.id === 'nat.create'));
  });

  it('a journal from an interrupted run lets uninstall remove what had been made', async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start);
    await run('install', host, config(), { secrets, ...stopAfter(3) });
    const u = await run('uninstall', host, config());
    assert.equal(u.outcome, 'done');
    assert.deepEqual(host.current(), start);
  });
});

describe('rollback', () => {
  it("undoes this run's actions in reverse and says what was undone", async () => {
    const start = example('fresh-win10-pro');
    const host = new SimulatedHost(start, { failActions: ['vm.start'] });
    const r = await run('install', host, config(), { secrets });
    assert.equal(r.outcome, 'failed');
    assert.equal(r.failed!.action.id, 'vm.start');
    assert.deepEqual(
      r.rollback!.undone.map((a) => a.op),
      ['vm.remove', 'credential.remove', 'share.remove', 'firewall.remove', 'firewall.remove', 'firewall.remove', 'nat.remove', 'vnic.remove-address', 'switch.remove'],
    );
    assert.deepEqual(r.rollback!.notUndone, []);
    assert.deepEqual(host.current(), start);
  });

  it('--no-rollback leaves what was done for the next run to finish', async () => {
    const host = new SimulatedHost(example('fresh-win10-pro'), { failActions: ['kvp.add'] });
    const r = await run('install', host, config(), { secrets, rollback: false });
    assert.equal(r.outcome, 'failed');
    assert.equal(r.rollback, undefined);
    const healed = new SimulatedHost(host.current());
    const next = await run('install', healed, config(), { secrets });
    assert.deepEqual(
      next.applied.map((a) => a.id),
      ['kvp.add'],
    );
  });
});
