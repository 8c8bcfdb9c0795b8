import { describe, expect, it } from 'vitest';
import { COUNTY, TOWNSHIPS } from '@common/domain/county';
import { isValidCreditCode } from '@common/domain/credit-code';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import { gradeHazardSource } from '@common/rules/gb18218';
import { EntityRecordSchema } from '@common/schemas/entities';
import { DEMO_ACCOUNTS } from '../../../src-hub/demo/accounts';
import { generateDemoCounty } from '../../../src-hub/demo/generate';

const NOW = Date.parse('2025-06-01T08:00:00Z');

describe('demo county generator', () => {
  const county = generateDemoCounty({ seed: 450224, enterprises: 40, now: NOW });

  it('is deterministic for a seed', () => {
    expect(generateDemoCounty({ seed: 450224, enterprises: 40, now: NOW })).toEqual(county);
    expect(generateDemoCounty({ seed: 1, enterprises: 40, now: NOW }).enterprises).not.toEqual(county.enterprises);
  });

  it('has the expected sizes', () => {
    expect(county.enterprises).toHaveLength(40);
    expect(county.hazardSources).toHaveLength(8);
    expect(county.rescueTeams).toHaveLength(8);
    expect(county.plans).toHaveLength(10);
    expect(county.incidents).toHaveLength(3);
    expect(county.incidents.filter((i) => i.payload.mode === 'drill')).toHaveLength(1);
    expect(county.departments).toHaveLength(14 + TOWNSHIPS.length);
  });

  it('passes the same schemas as admin commands; credit codes valid; places inside the county', () => {
    const [w, s, e, n] = COUNTY.bbox;
    for (const [kind, values] of Object.entries({
      departments: county.departments,
      enterprises: county.enterprises,
      hazardSources: county.hazardSources,
      rescueTeams: county.rescueTeams,
      plans: county.plans,
    })) {
      for (const value of values) EntityRecordSchema.parse({ kind, value });
    }
    for (const ent of county.enterprises) {
      expect(isValidCreditCode(ent.creditCode), ent.creditCode).toBe(true);
      expect(ent.location.lng).toBeGreaterThan(w);
      expect(ent.location.lng).toBeLessThan(e);
      expect(ent.location.lat).toBeGreaterThan(s);
      expect(ent.location.lat).toBeLessThan(n);
    }
    expect(new Set(county.enterprises.map((x) => x.creditCode)).size).toBe(40);
    expect(new Set(county.enterprises.map((x) => x.name)).size).toBe(40);
    for (const i of county.incidents) COMMAND_PAYLOADS['incident.report'].parse(i.payload);
    // every hazard source is a major hazard source: S = Σ q/Q ≥ 1
    for (const h of county.hazardSources) expect(gradeHazardSource(h).isMajor).toBe(true);
  });

  it('binds liaison accounts to departments that exist', () => {
    const ids = new Set(county.departments.map((d) => d.id));
    for (const a of DEMO_ACCOUNTS) if (a.departmentId) expect(ids.has(a.departmentId), a.username).toBe(true);
    expect(DEMO_ACCOUNTS.map((a) => a.role)).toEqual(
      expect.arrayContaining(['duty_officer', 'commander', 'drill_coordinator', 'wall', 'admin', 'liaison']),
    );
  });

  it('scales to 400 enterprises with unique ids, names and codes', () => {
    const big = generateDemoCounty({ seed: 7, enterprises: 400, now: NOW });
    expect(big.enterprises).toHaveLength(400);
    expect(new Set(big.enterprises.map((x) => x.id)).size).toBe(400);
    expect(new Set(big.enterprises.map((x) => x.name)).size).toBe(400);
    expect(new Set(big.enterprises.map((x) => x.creditCode)).size).toBe(400);
    expect(big.hazardSources.length).toBeGreaterThan(8);
  });
});
