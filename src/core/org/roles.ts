/**
 * The roles of a ZI programme, granted per unit. `reachesDescendants` says whether a grant on a unit also
 * applies to every unit below it (an agency admin of KPU RI administers KPU Kabupaten Sumenep too).
 */
export const ROLES = [
  'agency_admin',
  'zi_team_lead',
  'area_coordinator',
  'team_member',
  'leader',
  'tpi_evaluator',
  'tpn_evaluator',
] as const;

export type Role = (typeof ROLES)[number];

/** The six change areas of the LKE Pengungkit component; an area coordinator's grant names one. */
export const AREAS = [1, 2, 3, 4, 5, 6] as const;
export type AreaNumber = (typeof AREAS)[number];

export const ROLE_REACHES_DESCENDANTS: Record<Role, boolean> = {
  agency_admin: true,
  zi_team_lead: false,
  area_coordinator: false,
  team_member: false,
  // A leader of a provincial office reads its regencies' progress: dashboards go up the hierarchy.
  leader: true,
  tpi_evaluator: true,
  tpn_evaluator: true,
};

/** Which roles a grant of this role may hand out (system admins hand out any). */
export const GRANTABLE_BY: Record<Role, readonly Role[]> = {
  agency_admin: ROLES,
  zi_team_lead: ['area_coordinator', 'team_member'],
  area_coordinator: [],
  team_member: [],
  leader: [],
  tpi_evaluator: [],
  tpn_evaluator: [],
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
