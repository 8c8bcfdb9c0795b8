import type { Logger } from 'pino';
import { ulid } from 'ulid';
import { COMMAND_PAYLOADS } from '@common/protocol/commands';
import type { Actor, NewEvent } from '@common/protocol/events';
import { EntityRecordSchema } from '@common/schemas/entities';
import type { EntityRecord } from '@common/schemas/entities';
import { hashPassword } from '../auth/passwords';
import type { HubStore } from '../store/types';
import { SYSTEM_ACTOR } from '../system-users';
import { DEMO_ACCOUNTS } from './accounts';
import { DEMO_COUNTY_SIZE, generateDemoCounty } from './generate';
import type { DemoCounty } from './generate';

export const DEMO_SEED = 450224;
export const DEMO_ENTERPRISES = DEMO_COUNTY_SIZE.enterprises;
const ACCOUNTS_KEY = 'demo.accounts';
const COUNTY_KEY = 'demo.county';

/** Creates the demo accounts once (first start with --demo). */
export async function seedDemoAccounts(store: HubStore, logger: Logger): Promise<boolean> {
  if (store.getMeta(ACCOUNTS_KEY)) return false;
  const users = await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      departmentId: a.departmentId ?? null,
      password: await hashPassword(a.password),
      disabled: false,
    })),
  );
  store.batch(() => {
    for (const u of users) store.putUser(u);
    store.setMeta(ACCOUNTS_KEY, new Date().toISOString());
  });
  logger.info({ accounts: users.length }, 'demo accounts created');
  return true;
}

function actorFor(accountId: string, workstation: string): Actor {
  const a = DEMO_ACCOUNTS.find((x) => x.id === accountId);
  if (!a) return SYSTEM_ACTOR;
  return { userId: a.id, username: a.username, displayName: a.displayName, role: a.role, workstation };
}

/** The county's events: base data as entity.upserted (actor `system`), then the incidents. */
export function demoCountyEvents(county: DemoCounty, now: number): Array<NewEvent> {
  const at = new Date(now).toISOString();
  const events: Array<NewEvent> = [];
  const records: Array<[EntityRecord['kind'], Array<unknown>]> = [
    ['departments', county.departments],
    ['enterprises', county.enterprises],
    ['hazardSources', county.hazardSources],
    ['rescueTeams', county.rescueTeams],
    ['plans', county.plans],
    ['shelters', county.shelters],
    ['supplyDepots', county.supplyDepots],
    ['receptors', county.receptors],
  ];
  for (const [kind, values] of records) {
    const commandId = ulid(now);
    for (const value of values) {
      // the same schema an admin's entity.upsert passes: seeded data is never less valid
      const record = EntityRecordSchema.parse({ kind, value });
      events.push({ type: 'entity.upserted', at, actor: SYSTEM_ACTOR, mode: 'real', commandId, payload: record });
    }
  }
  for (const incident of county.incidents) {
    const payload = COMMAND_PAYLOADS['incident.report'].parse(incident.payload);
    const actor = payload.mode === 'drill' ? actorFor('u-drill', '导调台') : actorFor('u-duty', '值班台1');
    const drill = payload.drillId === undefined ? {} : { drillId: payload.drillId };
    events.push({
      type: 'incident.reported',
      at,
      actor,
      mode: payload.mode,
      ...drill,
      commandId: ulid(now),
      payload: { incidentId: payload.incidentId, report: payload.report },
    });
    for (const note of incident.notes) {
      events.push({
        type: 'incident.noted',
        at,
        actor,
        mode: payload.mode,
        ...drill,
        commandId: ulid(now),
        payload: { incidentId: payload.incidentId, noteId: note.noteId, text: note.text },
      });
    }
  }
  return events;
}

/** Seeds the demo county through the event log, once. Returns the number of events written. */
export function seedDemoCounty(
  store: HubStore,
  logger: Logger,
  options: { seed?: number; enterprises?: number; now?: number } = {},
): number {
  if (store.getMeta(COUNTY_KEY)) return 0;
  const now = options.now ?? Date.now();
  const county = generateDemoCounty({
    seed: options.seed ?? DEMO_SEED,
    enterprises: options.enterprises ?? DEMO_ENTERPRISES,
    now,
  });
  const events = demoCountyEvents(county, now);
  store.batch((tx) => {
    tx.append(events);
    store.setMeta(COUNTY_KEY, JSON.stringify({ seededAt: new Date(now).toISOString(), events: events.length }));
  });
  logger.info(
    {
      events: events.length,
      enterprises: county.enterprises.length,
      hazardSources: county.hazardSources.length,
      rescueTeams: county.rescueTeams.length,
      plans: county.plans.length,
      shelters: county.shelters.length,
      supplyDepots: county.supplyDepots.length,
      receptors: county.receptors.length,
      incidents: county.incidents.length,
    },
    'demo county seeded',
  );
  return events.length;
}
