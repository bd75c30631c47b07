// The install order: each step relies on the ones before it (the VM plugs into the switch and
// mounts the share; the KVP token lives on the VM). Uninstall runs them in reverse.
import { firewallStep } from './firewall/step.js';
import { kvpStep } from './kvp/step.js';
import { natStep } from './nat/step.js';
import { shareStep } from './share/step.js';
import type { Step } from '../plan/step.js';
import { switchStep } from './switch/step.js';
import { vmStep } from './vm/step.js';

export const STEPS: readonly Step[] = [switchStep, natStep, firewallStep, shareStep, vmStep, kvpStep];
