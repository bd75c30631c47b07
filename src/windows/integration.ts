// Hyper-V integration services, known by the component GUID that ends their Id
// (`Microsoft:<VMID>\<GUID>`, either separator): their Names are localized, their Ids are not.
import type { IntegrationService, VM } from '../snapshot/types.js';

export const KVP_SERVICE_ID = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';
export const TIME_SYNC_SERVICE_ID = '2497F4DE-E9FA-4204-80E4-4B75C46419C0';

/** Whether an integration service is the one of that component GUID. */
export function isIntegrationService(service: IntegrationService, component: string): boolean {
  const id = (service.Id ?? '').toUpperCase();
  const tail = component.toUpperCase();
  return id.endsWith(tail) && (id.length === tail.length || /[\\/]/.test(id[id.length - tail.length - 1]));
}

/** The VM's integration service of that component GUID. */
export function integrationService(vm: VM, component: string): IntegrationService | undefined {
  return (vm.IntegrationServices ?? []).find((s) => isIntegrationService(s, component));
}

/** Whether Key-Value Pair Exchange is on: the VM reports its address and reads its mount token through it. */
export function kvpEnabled(vm: VM): boolean {
  return !!integrationService(vm, KVP_SERVICE_ID)?.Enabled;
}
