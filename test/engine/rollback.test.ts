// What a rename removed is put back from what the host showed before the run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { undoOf } from '../../src/resources/registry.js';
import { makeAction } from '../../src/plan/action.js';
import type { Snapshot } from '../../src/snapshot/types.js';

const AFTER = JSON.parse(readFileSync('examples/converged.json', 'utf8')) as Snapshot;

describe('rollback of a rename', () => {
  it('a removed KVP token is added again with the fields it had (its VM found by Id, though renamed since)', () => {
    const vm = AFTER.vms[0];
    const removal = makeAction({
      step: 'kvp',
      op: 'kvp.remove',
      kind: 'remove',
      target: 'cifsmount',
      resource: 'vm:NewVM/kvp:cifsmount',
      description: 'Remove the cifsmount token',
      params: { VMName: 'NewVM', ItemName: 'cifsmount' },
      releases: [{ kind: 'kvp', id: { VMId: vm.Id, ItemName: 'cifsmount' } }],
    });
    const undo = undoOf(removal, AFTER, AFTER);
    assert.ok('action' in undo, JSON.stringify(undo));
    assert.equal(undo.action.op, 'kvp.add');
    assert.deepEqual(undo.action.params, { VMName: 'NewVM', ItemName: 'cifsmount', MountPoint: 'c', ShareName: 'C', UserName: 'alice' });
    assert.match(undo.caveats.join(), /holds the password given to this run/);
  });

  it('a token that is not a cifsmount token, or is gone, is said to be impossible to restore', () => {
    const other = structuredClone(AFTER);
    other.vms[0].KvpHostExchangeItems = [{ Name: 'cifsmount', Data: 'something else', Source: 0 }];
    const removal = makeAction({
      step: 'kvp',
      op: 'kvp.remove',
      kind: 'remove',
      target: 'cifsmount',
      resource: 'x',
      description: 'Remove the cifsmount token',
      params: { VMName: AFTER.vms[0].Name, ItemName: 'cifsmount' },
    });
    assert.ok('impossible' in undoOf(removal, other, other));
  });

  it('a renamed VM is renamed back by its Id', () => {
    const rename = makeAction({
      step: 'vm',
      op: 'vm.rename',
      kind: 'change',
      target: 'MobyLinuxVM',
      resource: 'vm:MobyLinuxVM',
      description: 'Rename',
      params: { Name: 'MobyLinuxVM', Id: AFTER.vms[0].Id, NewName: 'NewVM' },
    });
    const undo = undoOf(rename, AFTER, AFTER);
    assert.ok('action' in undo);
    assert.deepEqual(undo.action.params, { Name: 'NewVM', Id: AFTER.vms[0].Id, NewName: 'MobyLinuxVM' });
  });
});
