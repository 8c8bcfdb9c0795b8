import type { Department } from '@common/schemas/department';
import type { Enterprise } from '@common/schemas/enterprise';
import type { HazardSource } from '@common/schemas/hazard-source';
import type { Receptor, Shelter, SupplyDepot } from '@common/schemas/places';
import type { Plan } from '@common/schemas/plan';
import type { RescueTeam } from '@common/schemas/rescue-team';
import { demoDepartments } from './departments';
import { generateEnterprises } from './enterprises';
import { generateHazardSources } from './hazard-sources';
import { generateIncidents } from './incidents';
import { generateTeams } from './teams';
import type { DemoIncident } from './incidents';
import { generateReceptors, generateShelters, generateSupplyDepots } from './places';
import { generatePlans } from './plans';
import { createRng } from './prng';

export type { DemoIncident } from './incidents';
export { demoCreditCode } from './naming';

/**
 * The demo county: fictional enterprises, major hazard sources, rescue teams, plans, shelters,
 * supply depots, sensitive receptors and three incidents, at plausible spots of Rong'an County.
 * NOTE: every name, person and phone number is made up (see naming.ts and the hub README).
 *
 * Deterministic: the same options give byte-identical output. Dates (plans, incidents) are set
 * relative to `now` — the reference time the caller passes (the hub passes its seeding time,
 * so the demo looks current); the generator never reads the clock. Without `now` it uses
 * DEMO_REFERENCE_TIME.
 *
 * The demo is `{ seed, enterprises: 400 }` (≈40 hazard sources, 25 teams, 120 plans, 15 shelters,
 * 8 depots, 40 receptors). Benchmarks scale it, e.g.
 * `{ seed, enterprises: 50_000, hazardSources: 5_000, teams: 500 }`.
 */
export type DemoCountyOptions = {
  seed: number;
  /** default DEMO_COUNTY_SIZE.enterprises */
  enterprises?: number;
  /** default enterprises / 10 */
  hazardSources?: number;
  /** default 25, or enterprises / 16 when more */
  teams?: number;
  /** default enterprises × 0.3 (120 for the demo) */
  plans?: number;
  shelters?: number;
  supplyDepots?: number;
  receptors?: number;
  /** reference time, ms since the epoch; default DEMO_REFERENCE_TIME */
  now?: number;
};

export type DemoCounty = {
  departments: Array<Department>;
  enterprises: Array<Enterprise>;
  hazardSources: Array<HazardSource>;
  rescueTeams: Array<RescueTeam>;
  plans: Array<Plan>;
  shelters: Array<Shelter>;
  supplyDepots: Array<SupplyDepot>;
  receptors: Array<Receptor>;
  incidents: Array<DemoIncident>;
};

/** The demo's size (`--demo`). */
export const DEMO_COUNTY_SIZE = {
  enterprises: 400,
  hazardSources: 40,
  teams: 25,
  plans: 120,
  shelters: 15,
  supplyDepots: 8,
  receptors: 40,
} as const;

/** The reference time when none is given: a fixed instant, never the clock. */
export const DEMO_REFERENCE_TIME = Date.parse('2025-06-02T08:00:00+08:00');

const count = (v: number | undefined, fallback: number): number => Math.max(0, Math.floor(v ?? fallback));

export function generateDemoCounty(options: DemoCountyOptions): DemoCounty {
  const rng = createRng(options.seed);
  const now = options.now ?? DEMO_REFERENCE_TIME;
  const n = count(options.enterprises, DEMO_COUNTY_SIZE.enterprises);
  const enterprises = generateEnterprises(rng, n);
  const hazardSources = generateHazardSources(rng, enterprises, count(options.hazardSources, Math.round(n / 10)));
  const incidents = generateIncidents(rng, enterprises, now);
  const [fire, crash] = incidents.map((i) => i.payload.report.location);
  const rescueTeams = generateTeams(
    rng,
    enterprises,
    count(options.teams, Math.max(DEMO_COUNTY_SIZE.teams, Math.round(n / 16))),
    { ...(fire ? { fire } : {}), ...(crash ? { crash } : {}) },
  );
  const plans = generatePlans(rng, now, enterprises, hazardSources, count(options.plans, Math.round(n * 0.3)));
  return {
    departments: demoDepartments(),
    enterprises,
    hazardSources,
    rescueTeams,
    plans,
    shelters: generateShelters(rng, count(options.shelters, DEMO_COUNTY_SIZE.shelters)),
    supplyDepots: generateSupplyDepots(rng, count(options.supplyDepots, DEMO_COUNTY_SIZE.supplyDepots)),
    receptors: generateReceptors(rng, count(options.receptors, DEMO_COUNTY_SIZE.receptors)),
    incidents,
  };
}

/** The replicated base tables of a county (everything but the incidents), keyed by table name. */
export type DemoBaseTables = Omit<DemoCounty, 'incidents'>;

/**
 * The county as rows per replica table, for a benchmark that writes it into Dexie directly
 * (`db.table(name).bulkPut(rows)`). Incidents are left out: they are projected from events.
 */
export function demoBaseTables(county: DemoCounty): DemoBaseTables {
  const { incidents: _incidents, ...tables } = county;
  return tables;
}
