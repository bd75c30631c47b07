// MOBYKIT_PASSWORD is read once and taken out of the environment before anything is spawned, so
// no child (PowerShell, bcdedit, netsh, qemu-img) inherits the share password.
const NAME = 'MOBYKIT_PASSWORD';
let taken: string | undefined;

/** The password given in MOBYKIT_PASSWORD, if any; removes it from process.env on the first call. */
export function passwordFromEnv(): string | undefined {
  if (NAME in process.env) {
    taken = process.env[NAME] || undefined;
    delete process.env[NAME];
  }
  return taken;
}
