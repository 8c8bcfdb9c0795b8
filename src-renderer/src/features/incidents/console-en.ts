import type { CONSOLE_ZH_CN } from './console-zh-cn';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** English strings of the intake form, alerts, unread markers and map context (same keys as console-zh-cn.ts). */
export const CONSOLE_EN: Widen<typeof CONSOLE_ZH_CN> = {
  intake: {
    source: 'Source',
    sources: {
      phone: 'Phone call',
      transfer_110: '110 transfer',
      transfer_119: '119 transfer',
      transfer_120: '120 transfer',
      hotline_12350: '12350 hotline',
      enterprise_report: 'Enterprise report',
      sensor_alarm: 'Sensor alarm',
      ingest_api: 'Ingest API',
    },
    receivedAt: 'Time of report',
    datum: 'Datum',
    datums: { WGS84: 'WGS84 / Tianditu', GCJ02: 'GCJ-02 / Amap', BD09: 'BD-09 / Baidu' },
    township: 'Township',
    hazmat: 'Hazardous materials involved',
    hazmatPlaceholder: 'name and quantity, e.g. about 2 t of ammonia',
    beyondCapacity: 'Beyond county capacity',
    enterpriseFilled: 'Location and township taken from {{name}}',
    suggestedTitle: '{{place}} {{category}}',
    keys: 'Tab through the fields · Enter or Ctrl+Enter saves · Esc closes',
    clear: 'Clear',
    receivedLate: 'The time of report cannot be in the future',
  },
  alerts: {
    mute: 'Mute alert sounds (this workstation)',
    unmute: 'Unmute alert sounds (this workstation)',
    drill: 'Drill',
    newIncident: 'New incident [{{grade}}]: {{title}}',
    manyIncidents: '{{count}} new incidents',
  },
  unread: {
    marker: 'Updated',
    label: 'Unread',
  },
  context: {
    title: 'Surroundings',
    hazards: 'Hazard sources (within {{km}} km)',
    hazardsWithin: 'within {{km}} km',
    noHazards: 'No major hazard source within {{km}} km',
    teams: 'Nearest available rescue teams',
    noTeams: 'No rescue team available',
    receptors: 'Receptors nearby (within {{km}} km)',
    noReceptors: 'No school, hospital or other receptor within {{km}} km',
    plans: 'Applicable plans',
    noPlans: 'No matching plan',
    km: '{{km}} km',
    grade: 'grade {{grade}}',
    more: '{{count}} more',
    reasons: {
      enterprise: 'plan of the enterprise involved',
      township: "plan of the incident's township",
      category: 'covers this accident category',
      comprehensive: 'comprehensive plan: any accident',
    },
  },
};
