// Assertions shared by the simulated host's tests.
import assert from 'node:assert/strict';
import type { Action } from '../../../src/plan/action.js';
import { HostActionError, type Secrets } from '../../../src/host/host.js';
import type { SimulatedHost } from '../../../src/host/simulated/host.js';

/** The action is refused with a message matching `message`, and the host is left exactly as it was. */
export async function refusedUnchanged(host: SimulatedHost, action: Action, message: RegExp, secrets: Secrets = {}): Promise<HostActionError> {
  const before = host.current();
  let caught: unknown;
  await assert.rejects(host.apply(action, secrets), (err: unknown) => {
    caught = err;
    return true;
  });
  assert.ok(caught instanceof HostActionError, `expected a HostActionError, got ${String(caught)}`);
  assert.equal(caught.actionId, action.id);
  assert.match(caught.cmdletMessage, message);
  assert.deepEqual(host.current(), before);
  return caught;
}

export async function applyAll(host: SimulatedHost, actions: Action[], secrets: Secrets = {}): Promise<void> {
  for (const a of actions) await host.apply(a, secrets);
}
