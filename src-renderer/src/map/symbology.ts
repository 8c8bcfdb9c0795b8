import type { RiskLevel, Sector } from '@common/schemas/enterprise';
import type { ReceptorKind } from '@common/schemas/places';
import type { TeamStatus, TeamType } from '@common/schemas/rescue-team';

/**
 * What each thing on the map looks like, as data: the sector groups that share a pictogram, the
 * colours of risk, grade, coverage and team status. Read by layer-styles (paint), map-icons
 * (runtime images) and the legend, so the three can never disagree.
 */

export const SECTOR_GROUPS = {
  hazchem: ['hazchem_production', 'hazchem_storage', 'hazchem_use', 'hazchem_retail'],
  fuel: ['filling_station', 'lpg_depot'],
  mining: ['non_coal_mine', 'quarry'],
  fireworks: ['fireworks_wholesale', 'fireworks_retail'],
  wood: ['wood_processing'],
  industry: ['metallurgy', 'light_industry'],
  equipment: ['special_equipment'],
  construction: ['construction_site'],
  hydropower: ['hydropower'],
  transport: ['road_transport'],
} as const satisfies Record<string, ReadonlyArray<Sector>>;
export type SectorGroup = keyof typeof SECTOR_GROUPS;
export const SECTOR_GROUP_KEYS = Object.keys(SECTOR_GROUPS) as Array<SectorGroup>;

const GROUP_OF = new Map<Sector, SectorGroup>(
  SECTOR_GROUP_KEYS.flatMap((g) => SECTOR_GROUPS[g].map((s) => [s, g] as const)),
);
export function sectorGroup(sector: Sector): SectorGroup {
  return GROUP_OF.get(sector) ?? 'industry';
}

/** 四色 risk colours (DOMAIN.md): 重大 red, 较大 orange, 一般 yellow, 低 blue. */
export const RISK_COLORS: Record<RiskLevel, string> = {
  major: '#e02020',
  considerable: '#fa8c16',
  general: '#f5c518',
  low: '#1677ff',
};
/** worst first: clusters take the colour of their worst member */
export const RISK_ORDER: ReadonlyArray<RiskLevel> = ['major', 'considerable', 'general', 'low'];

/** GB 18218 grade 一级..四级 in the warning colours; 0 = not a major hazard source (S < 1). */
export type HazardGradeKey = 0 | 1 | 2 | 3 | 4;
export const HAZARD_GRADE_COLORS: Record<HazardGradeKey, string> = {
  1: '#c00000',
  2: '#f0700a',
  3: '#e6b800',
  4: '#2f6fd6',
  0: '#8c8c8c',
};
export const HAZARD_GRADES: ReadonlyArray<1 | 2 | 3 | 4> = [1, 2, 3, 4];

export const COVERAGE_STATES = ['current', 'revision_overdue', 'drill_overdue', 'none'] as const;
export type CoverageState = (typeof COVERAGE_STATES)[number];
export const COVERAGE_COLORS: Record<CoverageState, string> = {
  current: '#2e9d3a',
  revision_overdue: '#d46b08',
  drill_overdue: '#c41d7f',
  none: '#595959',
};
/** worst first, for cluster colours in coverage mode */
export const COVERAGE_ORDER: ReadonlyArray<CoverageState> = ['none', 'revision_overdue', 'drill_overdue', 'current'];

/**
 * How bad a value is in a worst-first order, as a number that grows with badness (worst = length-1),
 * so a cluster can keep its worst member with one `max` (unknown values rank -1, below all).
 */
export const worstRank = <T>(order: ReadonlyArray<T>, value: T): number => {
  const i = order.indexOf(value);
  return i < 0 ? -1 : order.length - 1 - i;
};

export const TEAM_STATUS_COLORS: Record<TeamStatus, string> = {
  available: '#2e9d3a',
  dispatched: '#1d6fe0',
  en_route: '#1d6fe0',
  on_scene: '#d4380d',
  returning: '#7a8a99',
  unavailable: '#a6a6a6',
};
export const TEAM_TYPES: ReadonlyArray<TeamType> = [
  'fire_station',
  'hazmat',
  'mine_rescue',
  'medical',
  'power',
  'enterprise',
  'social',
];
export const TEAM_STATUSES: ReadonlyArray<TeamStatus> = [
  'available',
  'dispatched',
  'en_route',
  'on_scene',
  'returning',
  'unavailable',
];

export const SHELTER_COLOR = '#1f8a4c';
export const DEPOT_COLOR = '#8a5a14';
export const RECEPTOR_COLOR = '#b0177a';
export const RECEPTOR_KINDS: ReadonlyArray<ReceptorKind> = [
  'school',
  'kindergarten',
  'hospital',
  'nursing_home',
  'village',
  'market',
];

/** Response level Ⅰ..Ⅳ in the warning colours (一级 red … 四级 blue). */
export const RESPONSE_LEVEL_COLORS: Record<1 | 2 | 3 | 4, string> = {
  1: '#c00000',
  2: '#f0700a',
  3: '#e6b800',
  4: '#2f6fd6',
};

/** Runtime image names (map-icons.ts draws them). */
export const iconName = {
  sector: (g: SectorGroup) => `sector-${g}`,
  hazard: (grade: HazardGradeKey) => `hazard-${grade}`,
  team: (type: TeamType, status: TeamStatus) => `team-${type}-${status}`,
  shelter: 'shelter',
  depot: 'depot',
  receptor: (kind: ReceptorKind) => `receptor-${kind}`,
};
