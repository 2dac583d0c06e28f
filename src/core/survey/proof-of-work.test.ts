import { describe, expect, it } from 'vitest';
import { leadingZeroBits } from './proof-of-work.ts';

describe('leading zero bits', () => {
  it.each([
    [[0xff], 0],
    [[0x80], 0],
    [[0x40], 1],
    [[0x01], 7],
    [[0x00, 0x80], 8],
    [[0x00, 0x1f, 0xff], 11],
    [[0x00, 0x00], 16],
  ])('%j has %i', (bytes, bits) => {
    expect(leadingZeroBits(new Uint8Array(bytes))).toBe(bits);
  });
});
