/** Bad input: the message names the value and what would be valid. Exit code 2, nothing changed. */
export class UsageError extends Error {
  readonly exitCode = 2;
  /** The command line itself is wrong (a flag without the one it needs): --help shows how. */
  readonly help: boolean;
  constructor(message: string, opts: { help?: boolean } = {}) {
    super(message);
    this.name = 'UsageError';
    this.help = !!opts.help;
  }
}
