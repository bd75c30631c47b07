// Progress of each action: a spinner on a terminal, plain lines in a pipe, in CI or with --json.
import chalk from 'chalk';
import type { ApplyEvents } from '../engine/apply.js';

export async function progress(opts: { json: boolean }): Promise<ApplyEvents> {
  const plain = opts.json || !process.stderr.isTTY || !!process.env.CI;
  if (plain) {
    if (opts.json) return {};
    return {
      start: (a, i, n) => process.stderr.write(`[${i + 1}/${n}] ${a.description} ...\n`),
      done: (a, ms) => process.stderr.write(`      ok (${ms} ms)\n`),
      failed: (a, e, ms) => process.stderr.write(`      FAILED after ${ms} ms: ${e.message}\n`),
    };
  }
  const { default: ora } = await import('ora');
  let spinner: ReturnType<typeof ora> | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    start(a, i, n) {
      const began = Date.now();
      const text = () => `[${i + 1}/${n}] ${a.description} ${chalk.dim(`${((Date.now() - began) / 1000).toFixed(1)}s`)}`;
      spinner = ora({ text: text(), stream: process.stderr }).start();
      timer = setInterval(() => { if (spinner) spinner.text = text(); }, 100);
    },
    done(a, ms) { clearInterval(timer); spinner?.succeed(`${a.description} ${chalk.dim(`${ms} ms`)}`); },
    failed(a, e, ms) { clearInterval(timer); spinner?.fail(`${a.description} ${chalk.dim(`${ms} ms`)}\n  ${e.message}`); },
  };
}
