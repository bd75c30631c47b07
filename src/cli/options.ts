import type { Argv, Options } from 'yargs';
import { SETTINGS } from '../config/schema.js';
import { fleetOptions } from '../fleet/cli.js';

export const globalOptions: Record<string, Options> = {
  json: { type: 'boolean', describe: 'Machine-readable output on stdout: one JSON document (see the README)' },
};

/**
 * Every setting of the configuration table as a flag, grouped after the command's own options
 * (the empty 'Options:' group is created first so yargs lists it first); values are validated
 * by loadConfig.
 */
export function configOptions<T>(y: Argv<T>): Argv<T> {
  y.group([], 'Options:');
  y.option('config', {
    type: 'string',
    requiresArg: true,
    describe: 'JSON configuration file (default: MOBYKIT_CONFIG, ./mobykit.config.json, then %APPDATA%\\mobykit\\config.json)',
    group: 'Configuration:',
  });
  for (const s of SETTINGS) {
    // A whole number is left untyped for the parser (a typed one turns "lots" into NaN, losing
    // what was typed, which the error must name); its help still says [number].
    const integer = s.type === 'integer';
    y.option(s.flag, {
      ...(integer ? {} : { type: 'string' as const }),
      describe: `${s.description} [default: ${s.default ?? s.derived}]${integer ? ' [number]' : ''}`,
      group: 'Configuration:',
      requiresArg: true,
    });
  }
  return y;
}

/**
 * The rehearsal flags, where they mean something: every command that reads a host takes
 * --simulate; those that change it --simulate-out; install and uninstall --simulate-fail;
 * those that ask before changing --yes.
 */
export function hostOptions<T>(y: Argv<T>, opts: { changes?: boolean; failures?: boolean; asks?: boolean; fleet?: boolean } = {}): Argv<T> {
  if (opts.fleet) fleetOptions(y); // doctor, plan, install and uninstall act on many hosts too
  if (opts.asks) y.option('yes', { alias: 'y', type: 'boolean', describe: 'Do not ask before changing anything' });
  y.option('simulate', { type: 'string', requiresArg: true, describe: 'Rehearse on a simulated host started from this snapshot', group: 'Rehearsal:' });
  if (opts.changes) y.option('simulate-out', { type: 'string', requiresArg: true, describe: "Write the simulated host's final snapshot here", group: 'Rehearsal:' });
  if (opts.failures) y.option('simulate-fail', { type: 'string', array: true, requiresArg: true, describe: 'Make this action id fail (e.g. nat.create)', group: 'Rehearsal:' });
  return y;
}
