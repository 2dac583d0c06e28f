import { eq, inArray } from 'drizzle-orm';
import { agencyIdOf, pathIds } from '../../../core/org/unit-path.ts';
import type { Tx } from '../../db/client.ts';
import { documentSettings, units } from '../../db/schema.ts';
import type { TimeZoneId } from '../../render/format.ts';
import { leaderTitleFor } from './leader-titles.ts';

/** How one unit's documents look: its agency's letterhead and the words of its signature blocks. */
export type DocumentLook = {
  unit: { name: string; code: string };
  /** The letterhead, top line first (agency, then the unit when it is not the agency itself). */
  letterhead: string[];
  address: string;
  /** A PNG or JPEG data URL, or null for none. */
  logo: string | null;
  /** The leader's position as signed: "Ketua KPU Kabupaten Sumenep". */
  leaderPosition: string;
  /** The place before the date: the unit's region, the agency's setting, or the unit's name. */
  place: string;
  timeZone: TimeZoneId;
};

const ZONES: readonly string[] = ['WIB', 'WITA', 'WIT'];

/**
 * The look of a unit's documents: its agency's settings when set, else defaults from the organisation tree
 * (the agency's and unit's names in capitals, the leader's title by agency from the data table, WIB).
 */
export const loadDocumentLook = async (tx: Tx, unitId: string): Promise<DocumentLook> => {
  const [unit] = await tx
    .select({ name: units.name, code: units.code, path: units.path, region: units.region })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw new Error(`unit ${unitId} not found`);
  const agencyId = agencyIdOf(unit.path);
  const chain = await tx
    .select({ id: units.id, name: units.name, code: units.code })
    .from(units)
    .where(inArray(units.id, pathIds(unit.path)));
  const agency = chain.find((u) => u.id === agencyId) ?? { name: unit.name, code: unit.code };
  const [settings] = await tx.select().from(documentSettings).where(eq(documentSettings.agencyId, agencyId));
  const letterhead =
    settings && settings.letterhead.length > 0
      ? [...settings.letterhead, ...(agency.name === unit.name ? [] : [unit.name.toUpperCase()])]
      : [agency.name.toUpperCase(), ...(agency.name === unit.name ? [] : [unit.name.toUpperCase()])];
  const title = settings?.leaderTitle ?? leaderTitleFor(agency.code);
  return {
    unit: { name: unit.name, code: unit.code },
    letterhead,
    address: settings?.address ?? '',
    logo: settings?.logo ?? null,
    leaderPosition: `${title} ${unit.name}`,
    place: unit.region ?? settings?.place ?? unit.name.replace(/^.*\b(Kabupaten|Kota|Provinsi)\s+/, ''),
    timeZone: (ZONES.includes(settings?.timeZone ?? '') ? settings?.timeZone : 'WIB') as TimeZoneId,
  };
};
