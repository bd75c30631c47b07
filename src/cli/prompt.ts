// Questions asked on a terminal: one confirmation before changes, the share password hidden.
import { createInterface } from 'node:readline';
import { UsageError } from '../errors.js';
import { passwordFromEnv } from './env-password.js';

const interrupted = () => Object.assign(new Error('interrupted: nothing was changed'), { exitCode: 130 });

export const interactive = (): boolean => !!process.stdin.isTTY && !!process.stderr.isTTY;

/** A yes/no question; Ctrl-C at the prompt, or the run's signal aborting (a SIGTERM), ends it as an interruption. */
export async function confirm(question: string, signal?: AbortSignal): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  let onAbort = () => {};
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      // On a terminal readline takes Ctrl-C itself; without this it would only pause the prompt.
      rl.once('SIGINT', () => reject(interrupted()));
      onAbort = () => reject(interrupted());
      if (signal?.aborted) onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      rl.question(`${question} [y/N] `, resolve);
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    signal?.removeEventListener('abort', onAbort);
    rl.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function hiddenPrompt(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    // Raw (no echo) before the question shows: a fast typist's first keys must not echo.
    stdin.setRawMode(true);
    process.stderr.write(question);
    stdin.resume();
    let value = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          done();
          reject(interrupted());
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/**
 * The share password, from --password-stdin, MOBYKIT_PASSWORD or a hidden prompt. It goes into
 * the cifsmount token, whose options are comma-separated: a comma would silently break the mount.
 */
export async function sharePassword(opts: { stdin: boolean; user: string; env?: boolean; twice?: boolean }): Promise<string> {
  const useEnv = opts.env !== false;
  let password: string | undefined;
  if (opts.stdin) password = await readStdin();
  else if (useEnv && passwordFromEnv()) password = passwordFromEnv();
  else if (interactive()) {
    password = await hiddenPrompt(`Windows password of ${opts.user} (for the share): `);
    if (opts.twice && password && password !== (await hiddenPrompt('The same password again: '))) {
      throw new UsageError('The two passwords differ: nothing was changed.');
    }
  } else {
    throw new UsageError(`The plan stores the share password, and there is no terminal to ask for it: pass it with --password-stdin${useEnv ? ' or MOBYKIT_PASSWORD' : ''}.`);
  }
  if (!password) throw new UsageError('The share password is empty; give the Windows password of the share user.');
  if (/[,;\r\n]/.test(password)) {
    throw new UsageError(
      'The share password contains a comma, semicolon or line break, which the cifsmount mount token cannot carry. Change the account password or use another account (--share-user).',
    );
  }
  return password;
}
