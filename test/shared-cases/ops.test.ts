// The shared table of behaviour (test/shared-cases/ops.json) against the simulated host. The same
// cases run against the PowerShell module in test/ps/SharedCases.Tests.ps1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HostActionError } from '../../src/host/host.js';
import { SimulatedHost } from '../../src/host/simulated/host.js';
import type { Op } from '../../src/plan/action.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { act } from '../host/simulated/actions.js';

interface Case {
  name: string;
  op: Op;
  start: Record<string, unknown>;
  params: Record<string, unknown>;
  expect: { state?: Record<string, unknown>; unchanged?: boolean; refused?: string };
}
const table = JSON.parse(fs.readFileSync(path.join('test', 'shared-cases', 'ops.json'), 'utf8')) as { base: string; cases: Case[] };

describe('shared behaviour table (ops.json) on the simulated host', () => {
  for (const c of table.cases) {
    it(`${c.op}: ${c.name}`, async () => {
      const doc = { ...JSON.parse(fs.readFileSync(table.base, 'utf8')), ...structuredClone(c.start) } as Snapshot;
      const host = new SimulatedHost(doc);
      const action = act(c.op, c.params as never);
      const sections = Object.keys(c.expect.state ?? c.start);
      const expected = c.expect.state ?? c.start;
      if (c.expect.refused !== undefined) {
        await assert.rejects(host.apply(action, {}), (e: unknown) => e instanceof HostActionError && e.cmdletMessage.includes(c.expect.refused!));
        return;
      }
      await host.apply(action, {});
      const after = host.current() as unknown as Record<string, unknown>;
      for (const section of sections) assert.deepEqual(after[section], expected[section], `${section} after ${c.op}`);
    });
  }
});
