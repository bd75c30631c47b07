#!/usr/bin/env node
// mobykit's entry point. Nothing heavy loads here: `--version` reads package.json and exits;
// `--help` loads yargs and the settings table; each command imports what it needs when it runs.
import { passwordFromEnv } from './env-password.js';
import { printJsonError } from './json.js';
import { version } from './version.js';
import type { RunContext } from './context.js';

const args = process.argv.slice(2);

// Colour, decided before chalk loads (it reads the environment once): --no-color / --color win,
// then NO_COLOR (any non-empty value, https://no-color.org) even on a terminal, then FORCE_COLOR,
// then whether the stream is a terminal (chalk's own detection).
function decideColour(argv: readonly string[], env: NodeJS.ProcessEnv): void {
  const end = argv.indexOf('--');
  const has = (flag: string) => {
    const i = argv.indexOf(flag);
    return i !== -1 && (end === -1 || i < end);
  };
  if (has('--no-color') || has('--color=false')) env.FORCE_COLOR = '0';
  else if (has('--color') || has('--color=true')) env.FORCE_COLOR = env.FORCE_COLOR && env.FORCE_COLOR !== '0' ? env.FORCE_COLOR : '1';
  else if (env.NO_COLOR) env.FORCE_COLOR = '0';
}
decideColour(args, process.env);
passwordFromEnv();

/** Commands that touch a host (or a snapshot of one) leave a log of their run. */
const LOGGED = new Set(['install', 'uninstall', 'plan', 'doctor', 'snapshot', 'status', 'start', 'stop', 'password', 'console']);

// A reader that went away (`mobykit install 2>&1 | head`, a closed terminal) must not kill a run
// halfway: output to a closed pipe is dropped, and the run finishes, rolls back or records as usual.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

if (args.length === 1 && args[0] === '--version') {
  process.stdout.write(`${version()}\n`);
} else {
  await cli();
}

/**
 * Runs one command with its context: the view (--json or not), the run log, the terminal output
 * and the one Ctrl-C handler. Unless the command stops gracefully by itself (install stops after
 * the current action), Ctrl-C stops at once with 130, the spinner crossed and the log closed.
 */
async function runCommand(name: string, argv: Record<string, unknown>, started: (ctx: RunContext) => void): Promise<void> {
  const [{ commands }, log, { Progress }, { EXIT }, { Interrupts }] = await Promise.all([
    import('./commands/index.js'),
    import('./log.js'),
    import('./progress.js'),
    import('./exit.js'),
    import('./context.js'),
  ]);
  const view = argv.json ? 'json' : 'human';
  const verbose = !!argv.verbose;
  const run = LOGGED.has(name) ? log.openRunLog({ command: name, args, version: version(), verbose }) : log.NO_LOG;
  const progress = new Progress(run, verbose, view);
  const quit = () => {
    run.close('interrupted', EXIT.interrupted);
    process.exit(EXIT.interrupted);
  };
  const interrupts = new Interrupts(() => {
    progress.abort('interrupted');
    process.stderr.write('\nmobykit: interrupted.\n');
    quit();
  }, quit);
  const ctx: RunContext = { command: name, view, verbose, log: run, progress, signal: interrupts.signal, interrupts };
  started(ctx);
  const stopListening = interrupts.listen();
  const { checkOutputPaths } = await import('./output-path.js');
  checkOutputPaths(name, argv);
  const code = await commands[name](argv, ctx).finally(stopListening);
  const outcome = code === EXIT.ok ? 'ok' : code === EXIT.failed ? 'failed' : `exit ${code}`;
  // A finding (doctor, status) or a pending plan is an answer, not a failure to explain.
  const answered = name === 'doctor' || name === 'status' || (name === 'plan' && code === EXIT.usage);
  if (code !== EXIT.ok && !answered && run.path && view === 'human') process.stderr.write(`The log of this run: ${run.path}\n`);
  run.close(outcome, code);
  process.exitCode = code;
}

async function cli(): Promise<void> {
  const [{ default: yargs }, { hideBin }, { configOptions, hostOptions, globalOptions }, { exitWith }] = await Promise.all([
    import('yargs/yargs'),
    import('yargs/helpers'),
    import('./options.js'),
    import('./exit.js'),
  ]);
  // The context of the command that runs, for the report of an error it ends with.
  let current: RunContext | undefined;
  const started = (ctx: RunContext) => {
    current = ctx;
  };

  const { withCompletion } = await import('./completion.js');
  // The check ids are loaded only to complete them (the catalog is not needed for anything else here).
  const checkIds = args.includes('--get-yargs-completions') ? (await import('../doctor/catalog.js')).CHECKS.map((c) => c.id) : [];
  const parser = withCompletion(yargs(hideBin(process.argv)), checkIds)
    .scriptName('mobykit')
    .usage('$0 <command> [options]\n\nStand up, diagnose and tear down a Docker-style Linux VM host on Windows Hyper-V.')
    .command(
      'install',
      'Converge the host to the configuration (shows the plan, asks once)',
      (y) =>
        hostOptions(configOptions(y), { changes: true, failures: true, asks: true, fleet: true })
          .option('dry-run', { type: 'boolean', describe: 'Print the plan and change nothing' })
          .option('adopt', { type: 'boolean', describe: 'Take over same-named resources mobykit did not make' })
          .option('password-stdin', { type: 'boolean', describe: 'Read the share password from standard input (or set MOBYKIT_PASSWORD)' })
          .option('rollback', { type: 'boolean', default: true, describe: "Undo this run's changes if one fails (--no-rollback keeps them for the next install to finish)" })
          .option('plan', { type: 'string', requiresArg: true, describe: 'Apply exactly the plan saved by mobykit plan --out FILE (refused if the host changed since)' })
          .example('$0 install', 'Show the plan, ask once, apply it and verify')
          .example('$0 install --dry-run', 'Show what install would change')
          .example('$0 install --subnet 10.0.80.0/24 --host-address 10.0.80.1 --vm-address 10.0.80.2', 'Use another subnet')
          .example('$0 install --simulate examples/fresh-win10-pro.json --yes', 'Rehearse on a simulated fresh host'),
      (argv) => runCommand('install', argv, started),
    )
    .command(
      'uninstall',
      'Remove what mobykit made, in reverse order, and nothing else',
      (y) =>
        hostOptions(configOptions(y), { changes: true, failures: true, asks: true, fleet: true })
          .option('dry-run', { type: 'boolean', describe: 'Print the plan and change nothing' })
          .option('keep-disk', { type: 'boolean', describe: "Keep the VM's disk (its images, containers and volumes)" })
          .option('plan', { type: 'string', requiresArg: true, describe: 'Apply exactly the plan saved by mobykit plan --uninstall --out FILE' })
          .example('$0 uninstall', 'Show what would be removed, ask once, remove it')
          .example('$0 uninstall --yes', 'Remove without asking'),
      (argv) => runCommand('uninstall', argv, started),
    )
    .command(
      'plan',
      'Print the plan and change nothing; --export writes it as a PowerShell script',
      (y) =>
        hostOptions(configOptions(y), { fleet: true })
          .option('adopt', { type: 'boolean', describe: 'Plan as if taking over same-named resources' })
          .option('uninstall', { type: 'boolean', describe: 'Plan the uninstall instead' })
          .option('export', { type: 'string', requiresArg: true, describe: 'Write the plan as a standalone PowerShell script (no secrets in it)' })
          .option('out', { type: 'string', requiresArg: true, describe: 'Save the plan for mobykit install --plan FILE' })
          .option('keep-disk', { type: 'boolean', describe: "With --uninstall: keep the VM's disk" })
          .option('detailed-exitcode', { type: 'boolean', describe: 'Exit 0 when nothing would change, 2 when changes are pending, 1 on error (for CI drift checks)' })
          .example('$0 plan', 'What install would change')
          .example('$0 plan --json', 'The plan as JSON')
          .example('$0 plan --export install.ps1', 'A script that performs exactly this plan, for review or offline use')
          .example('$0 plan --uninstall', 'What uninstall would remove'),
      (argv) => runCommand('plan', argv, started),
    )
    .command(
      'doctor',
      'Diagnose the host: each problem, why it matters, the exact fix',
      (y) =>
        hostOptions(configOptions(y), { fleet: true })
          .option('from', { type: 'string', requiresArg: true, describe: 'Diagnose a saved snapshot (works on any OS)' })
          .option('skip', { type: 'string', array: true, requiresArg: true, describe: 'Check ids to skip (see --list)' })
          .option('list', { type: 'boolean', describe: 'List every check and exit' })
          .option('report', { type: 'string', requiresArg: true, describe: 'Also write the findings as a self-contained HTML page (Markdown if FILE ends in .md)' })
          .example('$0 doctor', 'Diagnose this machine')
          .example('$0 doctor --from snapshot.json', 'Diagnose a snapshot a user sent you')
          .example('$0 doctor --report doctor.html', 'A report to attach to a ticket')
          .example('$0 doctor --list', 'Every check and its id'),
      (argv) => runCommand('doctor', argv, started),
    )
    .command(
      'status',
      "Each resource: there or not, mobykit's or not, healthy or not; the VM's state, uptime and address",
      (y) => hostOptions(configOptions(y)).example('$0 status', 'Is everything there and running?').example('$0 status --json', 'The same as one JSON document'),
      (argv) => runCommand('status', argv, started),
    )
    .command(
      'start',
      'Start the VM mobykit made',
      (y) => hostOptions(configOptions(y), { changes: true }).example('$0 start', 'Start the VM'),
      (argv) => runCommand('start', argv, started),
    )
    .command(
      'stop',
      'Stop the VM mobykit made: a guest shutdown, then turned off after --timeout seconds',
      (y) =>
        hostOptions(configOptions(y), { changes: true })
          .option('timeout', { type: 'number', requiresArg: true, describe: 'Seconds the guest gets to shut down before the VM is turned off (default 60)' })
          .example('$0 stop', 'Shut the VM down')
          .example('$0 stop --timeout 10', 'Turn it off if it has not shut down in 10 seconds'),
      (argv) => runCommand('stop', argv, started),
    )
    .command(
      'docker-env',
      'Print the commands that point docker at the engine in the VM',
      (y) =>
        configOptions(y)
          .option('shell', { choices: ['powershell', 'cmd', 'bash'], requiresArg: true, describe: 'Shell syntax (default: powershell on Windows, else bash)' })
          .example('$0 docker-env | Invoke-Expression', 'PowerShell: set DOCKER_HOST in this session')
          .example('eval "$($0 docker-env --shell bash)"', 'bash'),
      (argv) => runCommand('docker-env', argv, started),
    )
    .command(
      'password',
      "Put a new share password in the Credential Manager entry and the VM's KVP token, in one plan",
      (y) =>
        hostOptions(configOptions(y), { changes: true, asks: true })
          .option('password-stdin', { type: 'boolean', describe: 'Read the password from standard input (otherwise asked, hidden)' })
          .option('verify', { type: 'boolean', default: true, describe: 'Check the password with Windows first (--no-verify: store it unchecked)' })
          .example('$0 password', 'After changing your Windows password: asks for it (hidden), checks it, updates both places'),
      (argv) => runCommand('password', argv, started),
    )
    .command(
      'console',
      "Stream the VM's console (its COM1 pipe): boot messages and login prompt",
      (y) =>
        hostOptions(configOptions(y))
          .option('interactive', { alias: 'i', type: 'boolean', describe: 'Type into the console too (Ctrl-] ends it)' })
          .example('$0 console', 'Watch the VM boot (read-only; Ctrl-C ends it)'),
      (argv) => runCommand('console', argv, started),
    )
    .command(
      'snapshot',
      'Write a redacted host snapshot, for doctor --from or a support engineer',
      (y) =>
        hostOptions(configOptions(y))
          .option('o', { alias: 'output', type: 'string', requiresArg: true, describe: 'File to write (default: standard output)' })
          .example('$0 snapshot -o snapshot.json', 'Save the host as mobykit sees it, passwords removed'),
      (argv) => runCommand('snapshot', argv, started),
    )
    .command(
      'logs',
      "Show the newest log of the log directory (--follow: keep showing what is appended; --runs: mobykit's own)",
      (y) =>
        configOptions(y)
          .option('follow', { alias: 'f', type: 'boolean', describe: 'Keep printing new lines, like Get-Content -Wait (Ctrl-C ends it, exit 130)' })
          .option('tail', { type: 'number', requiresArg: true, describe: 'Only the last N lines' })
          .option('runs', { type: 'boolean', describe: "mobykit's own run logs (the newest run) instead of the log folder" })
          .option('dir', { type: 'string', requiresArg: true, describe: 'Log folder (default: the logDir setting, %LOCALAPPDATA%\\Docker)' })
          .conflicts('runs', 'dir')
          .example('$0 logs --follow', 'Watch the log while reproducing a problem')
          .example('$0 logs --runs --tail 40', "The end of mobykit's last run"),
      (argv) => runCommand('logs', argv, started),
    )
    .command(
      'migrate-toolbox',
      "Convert a Docker Toolbox disk.vmdk to the VM's VHDX with qemu-img (never overwrites a disk)",
      (y) =>
        configOptions(y)
          .option('machine', { type: 'string', requiresArg: true, describe: 'docker-machine name (default: default)' })
          .option('vmdk', { type: 'string', requiresArg: true, describe: 'The disk.vmdk to convert (default: %USERPROFILE%\\.docker\\machine\\machines\\<machine>\\disk.vmdk)' })
          .option('to', { type: 'string', requiresArg: true, describe: 'The VHDX to write (default: the vm.vhdxPath setting)' })
          .example('$0 migrate-toolbox', "Bring the default machine's images and containers to Hyper-V, then run mobykit install --adopt"),
      (argv) => runCommand('migrate-toolbox', argv, started),
    )
    .command(
      'init',
      'Write a commented configuration file with every setting at its default',
      (y) =>
        y
          .option('output', { alias: 'o', type: 'string', requiresArg: true, default: 'mobykit.config.json', describe: 'File to write (- for standard output)' })
          .option('force', { alias: 'f', type: 'boolean', describe: 'Overwrite the file if it exists' })
          .example('$0 init', 'Write mobykit.config.json here')
          .example('$0 init --output team.json --force', 'Write or overwrite team.json'),
      (argv) => runCommand('init', argv, started),
    )
    .command('config', 'Show the effective configuration', (y) =>
      y
        .command(
          'show',
          'Print every setting, its value and where it came from (flag, env, file, default)',
          (yy) =>
            configOptions(yy)
              .example('$0 config show', 'The values install would use')
              .example('$0 config show --config mobykit.config.json --json', 'As JSON, with a config file'),
          (argv) => runCommand('config', argv, started),
        )
        .demandCommand(1, 'Name a config subcommand: show.')
        .example('$0 config show', 'The values install would use, and their sources'),
    )
    .command(
      'completion',
      'Print a shell completion script (PowerShell, bash, zsh): commands, flags and check ids',
      (y) =>
        y
          .option('shell', { choices: ['powershell', 'bash', 'zsh'], requiresArg: true, describe: 'The shell (default: PowerShell on Windows, else zsh or bash from $SHELL)' })
          .example('$0 completion --shell powershell | Out-String | Add-Content $PROFILE', 'PowerShell')
          .example('$0 completion --shell bash >> ~/.bashrc', 'bash'),
      async (argv) => {
        const { completionScript, defaultShell } = await import('./completion.js');
        process.stdout.write(completionScript((argv.shell as 'powershell' | 'bash' | 'zsh' | undefined) ?? defaultShell()));
      },
    )
    .options(globalOptions)
    .option('verbose', { type: 'boolean', describe: 'Print each host call (passwords never shown)', global: true })
    .option('color', { type: 'boolean', describe: 'Colour output (default: on a terminal; NO_COLOR and FORCE_COLOR are honoured)', global: true })
    .group(['json', 'verbose', 'color', 'help', 'version'], 'Global options:')
    .demandCommand(
      1,
      'Name a command: install, plan, uninstall, status, start, stop, docker-env, password, console, doctor, snapshot, logs, migrate-toolbox, init, config or completion.',
    )
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(version())
    .epilogue(
      [
        'Exit codes: 0 done or healthy, 1 doctor found errors or a change failed, 2 bad usage or input, 130 interrupted.',
        'Settings: flags > MOBYKIT_* environment variables > config file (--config, MOBYKIT_CONFIG, ./mobykit.config.json, %APPDATA%\\mobykit\\config.json) > defaults.',
        'Every run of a command that reads the host is logged, passwords removed, in %LOCALAPPDATA%\\mobykit\\logs (the newest 50 kept; mobykit logs --runs) ' +
          '(elsewhere ~/.local/state/mobykit/logs; set MOBYKIT_RUN_LOG_DIR to move it).',
      ].join('\n'),
    )
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      // yargs' own complaints (unknown flag, missing value, bad choice) are usage errors: exit 2.
      if (err && err.name !== 'YError') throw err;
      process.stderr.write(`mobykit: ${msg ?? err?.message}\nRun mobykit --help for the commands and options.\n`);
      if (args.includes('--json')) printJsonError(msg ?? err?.message, 2);
      process.exit(2);
    });

  try {
    await parser.parseAsync();
  } catch (e) {
    exitWith(e, current);
  }
}
