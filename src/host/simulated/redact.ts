// What gather() shows: the state with every KVP password written as `***`.
import type { SimDoc } from './state.js';
import { clone } from './state.js';
import { redactKvpData } from '../../snapshot/validate.js';

/** Known secrets first (they may contain commas), then any other `password=` value. */
function redactData(data: string, secrets: Iterable<string>): string {
  let out = data;
  for (const secret of secrets) if (secret) out = out.split(`password=${secret}`).join('password=***');
  return redactKvpData(out);
}

export function redactedCopy(doc: SimDoc, secrets: Iterable<string>): SimDoc {
  const copy = clone(doc);
  const known = [...secrets].sort((a, b) => b.length - a.length);
  for (const vm of copy.vms) for (const item of vm.KvpHostExchangeItems) item.Data = redactData(item.Data, known);
  return copy;
}
