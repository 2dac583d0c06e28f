/** Stored as JSON; anything but a list of strings reads as the default position. */
export const positionsOf = (stored: unknown): string[] =>
  Array.isArray(stored) && stored.length > 0 && stored.every((p) => typeof p === 'string')
    ? stored
    : ['member'];
