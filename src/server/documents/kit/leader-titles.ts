/**
 * The title of a unit's leader by agency, as the agency's own rules name it: the election bodies (KPU,
 * Bawaslu, DKPP) and the commissions are led by a Ketua, most ministries' and regions' offices by a Kepala.
 * Keyed by the agency's unit code (upper case); an agency may set its own in its document settings.
 */
export const LEADER_TITLES: Readonly<Record<string, string>> = {
  KPU: 'Ketua',
  BAWASLU: 'Ketua',
  DKPP: 'Ketua',
  KPK: 'Ketua',
  KOMNASHAM: 'Ketua',
  KY: 'Ketua',
  MA: 'Ketua',
  BPK: 'Ketua',
};

export const DEFAULT_LEADER_TITLE = 'Kepala';

/** The leader's title for an agency code. @example leaderTitleFor('KPU') // 'Ketua' */
export const leaderTitleFor = (agencyCode: string): string =>
  LEADER_TITLES[agencyCode.toUpperCase().replace(/[^A-Z]/g, '')] ?? DEFAULT_LEADER_TITLE;
