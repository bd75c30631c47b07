import { doctor } from './doctor.js';
import { change } from './change.js';
import { snapshot } from './snapshot.js';

type Handler = (argv: Record<string, unknown>) => Promise<number>;

export const commands: Record<string, Handler> = {
  install: (argv) => change('install', argv),
  uninstall: (argv) => change('uninstall', argv),
  plan: (argv) => change(argv.uninstall ? 'uninstall' : 'install', { ...argv, 'dry-run': true }),
  doctor,
  snapshot,
};
