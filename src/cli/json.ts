// Every command's --json is one document on stdout, with the version of its shape first (the
// README documents each). An error under --json is a document too: { formatVersion, error }.

/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
export const FORMAT_VERSION = 1;

function jsonDocument(command: string, body: object): object {
  return { formatVersion: FORMAT_VERSION, command, ...body };
}

export function printJson(command: string, body: object): void {
  process.stdout.write(`${JSON.stringify(jsonDocument(command, body), null, 2)}\n`);
}

export function printJsonError(message: string, exitCode: number): void {
  process.stdout.write(`${JSON.stringify({ formatVersion: FORMAT_VERSION, error: { message, exitCode } }, null, 2)}\n`);
}
