// Periods of the plan (应急预案) rules, as data: drills, filing (备案) and review/revision.
// Sources (public summaries, shared/DOMAIN.md):
//   《生产安全事故应急条例》(国务院令第708号, 2019) 第八条 — drills by government and by high-risk units;
//   《生产经营单位生产安全事故应急预案管理办法》(应急管理部令第2号修正, 2019) 第三十三条 — enterprise drills,
//   and its filing and assessment provisions (20 working days; assessment about every 3 years).
// NOTE: the 3-year revision period is [unverified]; working days ignore public holidays (see
// rules/calendar.ts) — a county that needs them can add a holiday list there.

export type PlanPeriodKey =
  | 'drill_government'
  | 'drill_high_risk_unit'
  | 'drill_enterprise_comprehensive_special'
  | 'drill_enterprise_onsite'
  | 'filing'
  | 'revision';

export type PlanPeriod = {
  key: PlanPeriodKey;
  /** calendar months, or working days (Mon–Fri) for filing */
  months?: number;
  workingDays?: number;
  appliesTo: string;
  source: string;
  verified: boolean;
};

export const PLAN_PERIODS: Readonly<Record<PlanPeriodKey, PlanPeriod>> = {
  drill_government: {
    key: 'drill_government',
    months: 24,
    appliesTo: '县级人民政府及其负有安全生产监督管理职责的部门、乡镇人民政府：至少每2年组织1次演练',
    source: '生产安全事故应急条例（2019）第八条',
    verified: false,
  },
  drill_high_risk_unit: {
    key: 'drill_high_risk_unit',
    months: 6,
    appliesTo: '危险物品生产、经营、储存、运输单位，矿山、金属冶炼、建筑施工单位，人员密集场所经营单位：至少每半年1次',
    source: '生产安全事故应急条例（2019）第八条',
    verified: false,
  },
  drill_enterprise_comprehensive_special: {
    key: 'drill_enterprise_comprehensive_special',
    months: 12,
    appliesTo: '生产经营单位：每年至少组织1次综合应急预案演练或者专项应急预案演练',
    source: '生产经营单位生产安全事故应急预案管理办法 第三十三条',
    verified: false,
  },
  drill_enterprise_onsite: {
    key: 'drill_enterprise_onsite',
    months: 6,
    appliesTo: '生产经营单位：每半年至少组织1次现场处置方案演练',
    source: '生产经营单位生产安全事故应急预案管理办法 第三十三条',
    verified: false,
  },
  filing: {
    key: 'filing',
    workingDays: 20,
    appliesTo: '应急预案公布之日起20个工作日内备案',
    source: '生产经营单位生产安全事故应急预案管理办法（备案）',
    verified: false,
  },
  revision: {
    key: 'revision',
    months: 36,
    appliesTo: '应急预案评估/修订：约每3年1次',
    source: '生产经营单位生产安全事故应急预案管理办法（评估）',
    verified: false,
  },
};

/**
 * Sectors whose units drill every 6 months (条例 第八条): dangerous goods (hazardous chemicals,
 * fuel, LPG, fireworks), mines and quarries, metal smelting, construction. Crowded venues have no
 * sector in Watchfloor yet. NOTE: `road_transport` is not listed — only carriers of dangerous
 * goods are, and the sector does not say which a carrier is.
 */
export const HIGH_RISK_DRILL_SECTORS = [
  'hazchem_production',
  'hazchem_storage',
  'hazchem_use',
  'hazchem_retail',
  'filling_station',
  'lpg_depot',
  'fireworks_wholesale',
  'fireworks_retail',
  'non_coal_mine',
  'quarry',
  'metallurgy',
  'construction_site',
] as const;
