/** A designated change agent (agen perubahan) and the changes she made. */
export type ChangeAgent = {
  id: string;
  designatedOn: string; // ISO date
  revokedOn: string | null;
  changes: readonly { madeOn: string; integrated: boolean }[];
};

/** The LKE's count inputs that change agents feed (R1.i.a and R1.i.b), with the figures behind them. */
export type ChangeAgentInputs = {
  'R1.i.a.1': number;
  'R1.i.a.2': number;
  'R1.i.b.1': number;
  'R1.i.b.2': number;
};

/**
 * Counts for R1.i.a ("changes made by change agents, within 1 year") and R1.i.b ("changes integrated into the
 * management system") over the year `[from, to]` (ISO dates, inclusive): agents designated during any part of
 * the year, and the changes they made in it. R1.i.b.1 is the same count as R1.i.a.2, as the template says.
 * @example changeAgentInputs([{ id: 'a', designatedOn: '2025-01-10', revokedOn: null,
 *   changes: [{ madeOn: '2026-02-01', integrated: true }, { madeOn: '2026-05-01', integrated: false }] }],
 *   { from: '2026-01-01', to: '2026-12-31' })
 * // { 'R1.i.a.1': 1, 'R1.i.a.2': 2, 'R1.i.b.1': 2, 'R1.i.b.2': 1 }
 */
export const changeAgentInputs = (
  agents: readonly ChangeAgent[],
  year: { from: string; to: string },
): ChangeAgentInputs => {
  const serving = agents.filter(
    (a) => a.designatedOn <= year.to && (a.revokedOn === null || a.revokedOn >= year.from),
  );
  const changes = serving.flatMap((a) =>
    a.changes.filter((c) => c.madeOn >= year.from && c.madeOn <= year.to),
  );
  return {
    'R1.i.a.1': serving.length,
    'R1.i.a.2': changes.length,
    'R1.i.b.1': changes.length,
    'R1.i.b.2': changes.filter((c) => c.integrated).length,
  };
};
