// install, uninstall and plan: show the plan, ask once, apply, verify.
import { run, type RunResult } from '../../engine/run.js';
import type { Command } from '../../engine/plan.js';
import { kvpPasswordRoom, tokenFields } from '../../config/desired.js';
import { UsageError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { progress } from '../progress.js';
import { confirm, interactive, sharePassword } from '../prompt.js';
import { logPlan, logResult, renderOutcome, renderPlan, resultJson } from '../render.js';
import { version } from '../version.js';
import { openSession } from '../session.js';
import { acquireLock } from '../../state/lock.js';

/**
 * Ctrl-C during apply lets the current action finish (stopping a cmdlet halfway could leave a
 * half-made resource), saves the journal and exits 130; the next install picks up from there.
 * A second Ctrl-C exits at once.
 */
class Interrupt {
  requested = false;
  private readonly onSigint = () => {
    if (this.requested) process.exit(EXIT.interrupted);
    this.requested = true;
    process.stderr.write('\nStopping after the current action (Ctrl-C again to quit at once)...\n');
  };
  constructor() { process.on('SIGINT', this.onSigint); }
  dispose() { process.off('SIGINT', this.onSigint); }
}

export async function change(command: Command, argv: Record<string, unknown>): Promise<number> {
  const json = !!argv.json;
  const dryRun = !!argv['dry-run'];
  const session = await openSession(argv);
  let release = () => {};
  try {
    if (!dryRun) release = acquireLock(session.lockPath, command);
  } catch (e) {
    await session.finish();
    throw e;
  }
  const interrupt = new Interrupt();
  let computer = '';
  let shareUser = session.loaded.config.share.user ?? 'the current user';
  try {
    const result = await run(command, session.host, session.loaded.config, {
      dryRun,
      adopt: !!argv.adopt,
      rollback: argv.rollback !== false,
      shouldStop: () => interrupt.requested,
      events: await progress({ json }),
      async confirm(plan) {
        logPlan(plan, computer);
        if (!json) process.stdout.write(`${renderPlan(plan, computer)}\n`);
        if (argv.yes) return true;
        if (!interactive()) throw new UsageError(`Not on a terminal, so there is no one to ask: re-run with --yes to ${command}.`);
        return confirm(`Apply these ${plan.actions.length} changes?`);
      },
      async secrets() {
        const stdin = !!argv['password-stdin'];
        // A rehearsal never uses the password: with no source and no terminal, a placeholder does.
        if (session.host.kind === 'simulated' && !stdin && !process.env.MOBYKIT_PASSWORD && !interactive()) {
          return { sharePassword: 'rehearsal-placeholder' };
        }
        const maxLength = kvpPasswordRoom(tokenFields(session.loaded.config, shareUser));
        return { sharePassword: await sharePassword({ stdin, user: shareUser, maxLength }) };
      },
      gathered(seen) {
        computer = seen.computerName;
        shareUser = session.loaded.config.share.user ?? seen.platform.identity.UserName;
      },
    });
    report(result, json, computer);
    logResult(result, computer);
    if (argv.export) await (await import('../../export/powershell.js')).exportPlanCommand(result, String(argv.export), computer, version());
    if (result.outcome === 'interrupted') return EXIT.interrupted;
    return ['done', 'nothing-to-do', 'planned'].includes(result.outcome) ? EXIT.ok : EXIT.failed;
  } finally {
    interrupt.dispose();
    release();
    await session.finish();
  }
}

function report(result: RunResult, json: boolean, computer: string): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(resultJson(result), null, 2)}\n`);
    return;
  }
  if (result.outcome === 'planned') process.stdout.write(renderPlan(result.plan, computer));
  process.stdout.write(renderOutcome(result));
}
