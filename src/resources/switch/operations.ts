// The Internal virtual switch (New-VMSwitch / Remove-VMSwitch).
import { named } from '../../plan/step.js';
import { switchOps } from './model.js';
import { cannotUndo, undoBy, type Operations } from '../operation.js';

export const switchOperations: Operations<'switch.create' | 'switch.remove'> = {
  'switch.create': {
    psFunction: 'New-MobyKitSwitch',
    cmdlet: 'New-VMSwitch',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    // The switch made is the one whose Id was not there before: a namesake is never removed.
    undo(done, before, now) {
      const p = done.params;
      const known = new Set(named(before.vmSwitches, p.Name).map((s) => s.Id));
      const made = named(now.vmSwitches, p.Name).find((s) => !known.has(s.Id));
      return made ? undoBy(done, 'switch.remove', 'remove', `remove switch ${made.Name}`, { Name: made.Name, Id: made.Id }) : { impossible: `switch ${p.Name} is already gone` };
    },
    simulate: switchOps['switch.create'],
  },
  'switch.remove': {
    psFunction: 'Remove-MobyKitSwitch',
    cmdlet: 'Remove-VMSwitch',
    privilege: 'hyperv-administrator',
    needsSecret: false,
    undo: cannotUndo,
    simulate: switchOps['switch.remove'],
  },
};
