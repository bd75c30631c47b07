// COM1 found one way everywhere: Get-VMComPort's "COM 1", or "COM1" from older snapshots.
import assert from 'node:assert/strict';
import { COM1_NAME, findCom1 } from '../../src/windows/com-port.js';

describe('windows: COM1', () => {
  it('finds port 1 as Get-VMComPort names it, and as older snapshots wrote it', () => {
    assert.equal(
      findCom1([
        { Name: 'COM 2', Path: 'two' },
        { Name: COM1_NAME, Path: 'one' },
      ])?.Path,
      'one',
    );
    assert.equal(findCom1([{ Name: 'com1', Path: 'one' }])?.Path, 'one');
    assert.equal(findCom1([{ Name: ' COM  1 ', Path: 'one' }])?.Path, 'one');
  });

  it('never takes another port for COM1', () => {
    assert.equal(
      findCom1([
        { Name: 'COM 2', Path: 'two' },
        { Name: 'COM 11', Path: 'eleven' },
        { Name: 'LPT1', Path: 'p' },
      ]),
      undefined,
    );
    assert.equal(findCom1(undefined), undefined);
  });
});
