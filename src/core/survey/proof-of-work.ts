/**
 * Leading zero bits of a digest: a proof of work is a suffix whose SHA-256 over the challenge starts with at
 * least `difficulty` zero bits. Checking is one hash; finding one costs ~2^difficulty hashes on the phone.
 * @example leadingZeroBits(new Uint8Array([0, 0x1f, 0xff])) // 11
 */
export const leadingZeroBits = (digest: Uint8Array): number => {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
};

/** ~32 000 hashes: about half a second on a mid-range phone, nothing for one respondent, costly for a flood. */
export const DEFAULT_POW_DIFFICULTY = 15;
