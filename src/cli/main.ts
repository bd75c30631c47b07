#!/usr/bin/env node
// mobykit's entry point. Only yargs and the settings table load here: each command imports what
// it needs when it runs, so `--version` and `--help` start fast.
import yargs from 'yargs/yargs';
import { hideBin } from 'yargs/helpers';
import { configOptions, hostOptions, outputOptions } from './options.js';
import { exitWith } from './exit.js';

const parser = yargs(hideBin(process.argv))
  .scriptName('mobykit')
  .usage('$0 <command> [options]\n\nStand up, diagnose and tear down a Docker-style Linux VM host on Windows Hyper-V.')
  .command('install', 'Converge the host to the configuration (shows the plan first)', (y) => hostOptions(configOptions(y))
    .option('dry-run', { type: 'boolean', describe: 'Print the plan and change nothing' })
    .option('adopt', { type: 'boolean', describe: 'Take over same-named resources mobykit did not make' })
    .option('password-stdin', { type: 'boolean', describe: 'Read the share password from standard input' })
    .example('$0 install --simulate examples/fresh-win10-pro.json --yes', 'Rehearse on a simulated fresh host')
    .example('$0 install --dry-run', 'Show what install would change'),
  (argv) => runCommand('install', argv))
  .command('uninstall', 'Remove what mobykit made, in reverse order, and nothing else', (y) => hostOptions(configOptions(y))
    .option('dry-run', { type: 'boolean', describe: 'Print the plan and change nothing' })
    .example('$0 uninstall --yes', 'Remove without asking'),
  (argv) => runCommand('uninstall', argv))
  .command('plan', 'Print the install plan and change nothing', (y) => hostOptions(configOptions(y))
    .option('adopt', { type: 'boolean', describe: 'Plan as if taking over same-named resources' })
    .option('uninstall', { type: 'boolean', describe: 'Plan the uninstall instead' })
    .example('$0 plan --json', 'The plan as JSON'),
  (argv) => runCommand('plan', argv))
  .command('doctor', 'Diagnose the host: each problem, why it matters, the exact fix', (y) => hostOptions(configOptions(y))
    .option('from', { type: 'string', describe: 'Diagnose a saved snapshot (works on any OS)' })
    .option('skip', { type: 'string', array: true, describe: 'Check ids to skip' })
    .option('list', { type: 'boolean', describe: 'List every check and exit' })
    .example('$0 doctor --from snapshot.json', 'Diagnose a snapshot a user sent you'),
  (argv) => runCommand('doctor', argv))
  .command('snapshot', 'Write a redacted host snapshot', (y) => hostOptions(configOptions(y))
    .option('o', { alias: 'output', type: 'string', describe: 'File to write (default: standard output)' }),
  (argv) => runCommand('snapshot', argv))
  .options(outputOptions)
  .demandCommand(1, 'Name a command: install, uninstall, doctor or plan. See mobykit --help.')
  .strict()
  .recommendCommands()
  .completion('completion', 'Print a shell completion script')
  .help()
  .alias('h', 'help')
  .version()
  .wrap(Math.min(110, process.stdout.columns || 100))
  .fail((msg, err) => {
    if (err) throw err;
    process.stderr.write(`mobykit: ${msg}\nRun mobykit --help for the commands and options.\n`);
    process.exit(2);
  });

async function runCommand(name: string, argv: Record<string, unknown>): Promise<void> {
  const { commands } = await import('./commands/index.js');
  const code = await commands[name](argv);
  process.exitCode = code;
}

parser.parseAsync().catch(exitWith);
