// Plan diffs show values as a Windows admin reads them.
import assert from 'node:assert/strict';
import { showValue } from '../../src/cli/render.js';

describe('plan diff values', () => {
  it('shows Windows paths with single backslashes, not JSON-escaped', () => {
    assert.equal(showValue('\\\\.\\pipe\\dockerMobyLinuxVM-com1'), '"\\\\.\\pipe\\dockerMobyLinuxVM-com1"');
    assert.equal(showValue(['C:\\Program Files\\Docker\\mobylinux.iso']), '["C:\\Program Files\\Docker\\mobylinux.iso"]');
  });

  it('never passes a control character from a host value to the terminal', () => {
    assert.equal(showValue('evil\u001b[2Jname\u0007'), '"evil\\u001b[2Jname\\u0007"');
  });

  it('keeps numbers, booleans and nothing readable', () => {
    assert.deepEqual([showValue(2048), showValue(true), showValue(null), showValue('')], ['2048', 'true', '(none)', '(none)']);
  });
});
