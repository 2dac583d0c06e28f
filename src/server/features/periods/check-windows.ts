/** The dated windows of a period; ISO dates compare correctly as strings. */
export type PeriodWindows = {
  fillFrom: string;
  fillUntil: string;
  reviewFrom: string | null;
  reviewUntil: string | null;
  revisionFrom: string | null;
  revisionUntil: string | null;
};

export type WindowProblem = { field: keyof PeriodWindows; message: string };

/**
 * Filling, then TPI review, then revision: each window starts before it ends, has both ends or none, and does
 * not start before the previous one ends (a review of answers still being written would review a moving target).
 * @example checkWindows({ fillFrom: '2025-02-01', fillUntil: '2025-01-01', … }) // [{ field: 'fillUntil', … }]
 */
export const checkWindows = (w: PeriodWindows): WindowProblem[] => {
  const problems: WindowProblem[] = [];
  const windows = [
    { name: 'fill', from: 'fillFrom', until: 'fillUntil' },
    { name: 'review', from: 'reviewFrom', until: 'reviewUntil' },
    { name: 'revision', from: 'revisionFrom', until: 'revisionUntil' },
  ] as const;
  let previousEnd: { field: keyof PeriodWindows; date: string } | null = null;
  for (const { name, from, until } of windows) {
    const start = w[from];
    const end = w[until];
    if ((start === null) !== (end === null)) {
      problems.push({
        field: start === null ? from : until,
        message: `The ${name} window needs both dates.`,
      });
      continue;
    }
    if (start === null || end === null) continue;
    if (end < start) problems.push({ field: until, message: `The ${name} window ends before it starts.` });
    if (previousEnd && start < previousEnd.date) {
      problems.push({ field: from, message: `The ${name} window starts before ${previousEnd.field}.` });
    }
    previousEnd = { field: until, date: end };
  }
  return problems;
};
