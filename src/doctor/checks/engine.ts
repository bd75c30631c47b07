// The Docker engine in the VM, probed read-only at its API endpoint while gathering.
import type { Check } from '../check.js';
import { psString } from '../../windows/powershell.js';
import { absent, primaryVm, unreadable } from './util.js';
import { MARKER } from '../../config/desired.js';

const reachable: Check = {
  id: 'engine.reachable',
  title: 'The Docker engine in the VM answers',
  severity: 'error',
  why: "Every docker command talks to the engine's API in the VM; when the VM runs but the API does not answer, the engine did not start or the network to the VM is broken.",
  fixedByInstall: false,
  // A VM that is off or has no address explains the silence better than this check can.
  needs: ['vm.state', 'vm.address'],
  run(ctx) {
    const e = ctx.snapshot.engine;
    if (!e) return unreadable(ctx, 'engine') ?? absent('engine section');
    if (e.Reachable) return [];
    const vm = primaryVm(ctx, MARKER)?.Name ?? ctx.desired.vm.name;
    return [
      {
        title: `The Docker engine at ${e.Endpoint} does not answer`,
        evidence: `GET ${e.Endpoint}/version failed: ${e.Error ?? 'no answer'}`,
        fix: `Restart-VM -Name ${psString(vm)} -Force; then mobykit doctor again (if the engine still does not answer, watch the VM boot: vmconnect.exe localhost ${psString(vm)})`,
      },
    ];
  },
};

export const ENGINE_CHECKS: Check[] = [reachable];
