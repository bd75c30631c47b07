// Each handler loads its own modules when it runs: `init` needs neither the engine nor the checks.
import type { RunContext } from '../context.js';

type Handler = (argv: Record<string, unknown>, ctx: RunContext) => Promise<number>;

const change = async (command: 'install' | 'uninstall', argv: Record<string, unknown>, ctx: RunContext) => (await import('./change.js')).change(command, argv, ctx);

export const commands: Record<string, Handler> = {
  install: (argv, ctx) => change('install', argv, ctx),
  uninstall: (argv, ctx) => change('uninstall', argv, ctx),
  plan: (argv, ctx) => change(argv.uninstall ? 'uninstall' : 'install', { ...argv, 'dry-run': true }, ctx),
  doctor: async (argv, ctx) => (await import('./doctor.js')).doctor(argv, ctx),
  snapshot: async (argv, ctx) => (await import('./snapshot.js')).snapshot(argv, ctx),
  status: async (argv, ctx) => (await import('./lifecycle.js')).status(argv, ctx),
  start: async (argv, ctx) => (await import('./lifecycle.js')).start(argv, ctx),
  stop: async (argv, ctx) => (await import('./lifecycle.js')).stop(argv, ctx),
  'docker-env': async (argv, ctx) => (await import('./lifecycle.js')).dockerEnv(argv, ctx),
  password: async (argv, ctx) => (await import('./lifecycle.js')).password(argv, ctx),
  console: async (argv, ctx) => (await import('./lifecycle.js')).vmConsole(argv, ctx),
  init: async (argv, ctx) => (await import('./init.js')).init(argv, ctx),
  config: async (argv, ctx) => (await import('./config.js')).config(argv, ctx),
  logs: async (argv, ctx) => (await import('./logs.js')).logs(argv, ctx),
  'migrate-toolbox': async (argv, ctx) => (await import('./migrate.js')).migrate(argv, ctx),
};

// Many hosts (--computer-name, --inventory, or a folder given to --from / --simulate): src/fleet.
for (const name of ['install', 'uninstall', 'plan', 'doctor'] as const) {
  const single = commands[name];
  commands[name] = async (argv, ctx) => {
    (await import('../saved-plan.js')).refuseContradictions(argv);
    const fleet = await import('../../fleet/cli.js');
    return fleet.isFleet(argv) ? fleet.fleet(name, argv, ctx) : single(argv, ctx);
  };
}
