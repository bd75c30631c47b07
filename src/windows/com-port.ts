// A VM's serial ports as Get-VMComPort names them: "COM 1" and "COM 2" (Number 1 and 2).
// Older or hand-written snapshots say "COM1"; either way port 1 is the console pipe.

/** What Get-VMComPort calls port 1. */
export const COM1_NAME = 'COM 1';

/** The VM's COM1, whatever spacing or case the snapshot wrote its name with. */
export function findCom1<T extends { Name: string }>(ports: readonly T[] | null | undefined): T | undefined {
  return (ports ?? []).find((p) => /^COM\s*1$/i.test(p.Name.trim()));
}
