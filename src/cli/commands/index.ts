// Each handler loads its own modules when it runs: `init` needs neither the engine nor the checks.
type Handler = (argv: Record<string, unknown>) => Promise<number>;

const change = async (command: 'install' | 'uninstall', argv: Record<string, unknown>) => (await import('./change.js')).change(command, argv);

export const commands: Record<string, Handler> = {
  install: (argv) => change('install', argv),
  uninstall: (argv) => change('uninstall', argv),
  plan: (argv) => change(argv.uninstall ? 'uninstall' : 'install', { ...argv, 'dry-run': true }),
  doctor: async (argv) => (await import('./doctor.js')).doctor(argv),
  snapshot: async (argv) => (await import('./snapshot.js')).snapshot(argv),
  status: async (argv) => (await import('./lifecycle.js')).status(argv),
  start: async (argv) => (await import('./lifecycle.js')).start(argv),
  stop: async (argv) => (await import('./lifecycle.js')).stop(argv),
  'docker-env': async (argv) => (await import('./lifecycle.js')).dockerEnv(argv),
  password: async (argv) => (await import('./lifecycle.js')).password(argv),
  console: async (argv) => (await import('./lifecycle.js')).vmConsole(argv),
  init: async (argv) => (await import('./init.js')).init(argv),
  config: async (argv) => (await import('./config.js')).config(argv),
  logs: async (argv) => (await import('./logs.js')).logs(argv),
  'migrate-toolbox': async (argv) => (await import('./migrate.js')).migrate(argv),
};

// Many hosts (--computer-name, --inventory, or a folder given to --from / --simulate): src/fleet.
for (const name of ['install', 'uninstall', 'plan', 'doctor'] as const) {
  const single = commands[name];
  commands[name] = async (argv) => {
    (await import('../saved-plan.js')).refuseContradictions(argv);
    const fleet = await import('../../fleet/cli.js');
    return fleet.isFleet(argv) ? fleet.fleet(name, argv) : single(argv);
  };
}
