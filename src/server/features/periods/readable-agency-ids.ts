import type { Reach } from '../../../core/org/can.ts';
import { agencyIdOf } from '../../../core/org/unit-path.ts';

/**
 * The agencies whose periods a reach shows: a period belongs to the whole agency, so a role anywhere inside it
 * (a team member of a regency office) is enough to see the agency's periods.
 * @example readableAgencyIds({ all: false, exact: ['/kpu/jatim/sumenep/'], subtrees: [] }) // ['kpu']
 */
export const readableAgencyIds = (reach: Reach): 'all' | string[] =>
  reach.all ? 'all' : [...new Set([...reach.exact, ...reach.subtrees].map(agencyIdOf))];
