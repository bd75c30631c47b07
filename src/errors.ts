/** Bad input: the message names the value and what would be valid. Exit code 2, nothing changed. */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
