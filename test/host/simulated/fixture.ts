// A fresh Windows 10 Pro machine with Hyper-V enabled and nothing of mobykit's on it yet: the
// shipped example, so the simulator's tests and the rehearsal start from the same host.
import { readFileSync } from 'node:fs';
import type { Snapshot } from '../../../src/snapshot/types.js';

export const ISO_PATH = 'C:\\Program Files\\Docker\\Docker\\Resources\\mobylinux.iso';
export const VHDX_PATH = 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual hard disks\\MobyLinuxVM.vhdx';

export function freshWin10Pro(): Snapshot {
  return JSON.parse(readFileSync('examples/fresh-win10-pro.json', 'utf8')) as Snapshot;
}
