// The install order: each step relies on the ones before it (the VM plugs into the switch and
// mounts the share; the KVP token lives on the VM). Uninstall runs them in reverse.
import { firewallStep } from './firewall.js';
import { kvpStep } from './kvp.js';
import { natStep } from './nat.js';
import { shareStep } from './share.js';
import type { Step } from './step.js';
import { switchStep } from './switch.js';
import { vmStep } from './vm.js';

export const STEPS: readonly Step[] = [switchStep, natStep, firewallStep, shareStep, vmStep, kvpStep];
