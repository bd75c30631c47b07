import type { Argv, Options } from 'yargs';
import { SETTINGS } from '../config/schema.js';
import { fleetOptions } from '../fleet/cli.js';

export const outputOptions: Record<string, Options> = {
  json: { type: 'boolean', describe: 'Machine-readable output on stdout' },
  yes: { alias: 'y', type: 'boolean', describe: 'Do not ask before changing anything' },
};

/** Every setting of the configuration table as a flag; values are validated by loadConfig. */
export function configOptions<T>(y: Argv<T>): Argv<T> {
  y.option('config', { type: 'string', describe: 'JSON configuration file', group: 'Configuration:' });
  for (const s of SETTINGS) {
    y.option(s.flag, { type: 'string', describe: `${s.description} [default: ${s.default ?? s.derived}]`, group: 'Configuration:', requiresArg: true });
  }
  return y;
}

export function hostOptions<T>(y: Argv<T>): Argv<T> {
  return fleetOptions(y)
    .option('simulate', { type: 'string', describe: 'Rehearse on a simulated host started from this snapshot', group: 'Rehearsal:' })
    .option('simulate-out', { type: 'string', describe: "Write the simulated host's final snapshot here", group: 'Rehearsal:' })
    .option('simulate-fail', { type: 'string', array: true, describe: 'Make this action id fail (e.g. nat.create)', group: 'Rehearsal:' });
}
