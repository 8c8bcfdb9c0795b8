import type { Department } from '../schemas/department';
import type { Enterprise } from '../schemas/enterprise';
import type { HazardSource } from '../schemas/hazard-source';
import type { Incident, IncidentNote } from '../schemas/incident';
import type { Plan } from '../schemas/plan';
import type { RescueTeam } from '../schemas/rescue-team';
import type { LinkageAction } from '../schemas/linkage-action';
import type { Receptor, Shelter, SupplyDepot } from '../schemas/places';
import type { DutyLogEntry } from '../schemas/duty';

/** The replicated tables, the same on the hub (snapshots) and in every client's Dexie replica. */
export type ReplicaRowTypes = {
  incidents: Incident;
  incidentNotes: IncidentNote;
  enterprises: Enterprise;
  hazardSources: HazardSource;
  rescueTeams: RescueTeam;
  plans: Plan;
  departments: Department;
  shelters: Shelter;
  supplyDepots: SupplyDepot;
  receptors: Receptor;
  linkageActions: LinkageAction;
  dutyLog: DutyLogEntry;
};
export type ReplicaTable = keyof ReplicaRowTypes;
export type ReplicaRow = ReplicaRowTypes[ReplicaTable];
export type ReplicaRows = { [T in ReplicaTable]: Array<ReplicaRowTypes[T]> };

export const REPLICA_TABLES = [
  'incidents',
  'incidentNotes',
  'enterprises',
  'hazardSources',
  'rescueTeams',
  'plans',
  'departments',
  'shelters',
  'supplyDepots',
  'receptors',
  'linkageActions',
  'dutyLog',
] as const satisfies ReadonlyArray<ReplicaTable>;

/** One row to write (value) or remove (null) as the result of applying an event. */
export type RowChange = {
  [T in ReplicaTable]: { table: T; id: string; value: ReplicaRowTypes[T] | null };
}[ReplicaTable];
export type RowKey = { table: ReplicaTable; id: string };
