// Team simulator: logs in to a hub like any workstation, follows the rescue teams through the
// replica protocol (snapshot, sync, live events) and drives the dispatched ones: en route along a
// plausible road-like path at a vehicle's speed, on scene on arrival, and back to base once the
// desk sets them returning. Used by `npm run simulate -- teams` and, later, by drills.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ulid } from 'ulid';
import { projectEvent } from '@common/projection/project';
import type { ReplicaRowTypes, ReplicaTable } from '@common/projection/tables';
import type { CommandAck } from '@common/protocol/ack';
import type { CommandPayloadInput, CommandType } from '@common/protocol/commands';
import type { HubEvent } from '@common/protocol/events';
import { HTTP_PATHS, SOCKET_NAMESPACE } from '@common/protocol/login';
import type { LoginResponse } from '@common/protocol/login';
import type { SnapshotAck, SyncAck } from '@common/protocol/sync';
import type { LngLat } from '@common/schemas/common';
import type { RescueTeam } from '@common/schemas/rescue-team';
import { COUNTY } from '@common/domain/county';
import { distanceKm } from '@common/geo/distance';
import { plausibleRoute, pointAlong, roundPosition, stepKm, unitHash } from './movement';
import type { Route } from './movement';

export type TeamSimulatorOptions = {
  /** hub base URL, e.g. http://127.0.0.1:4500 */
  hubUrl: string;
  username: string;
  password: string;
  workstation?: string;
  /** average road speed, km/h */
  speedKmh?: number;
  /** ± fraction of the speed, per step */
  jitter?: number;
  /** seconds between positions */
  intervalSec?: number;
  /** only these teams (ids); all the account may move when absent */
  teamIds?: ReadonlyArray<string>;
  log?: (line: string) => void;
  random?: () => number;
};

/** Why the simulator could not start, in words for the operator. */
export class SimulatorError extends Error {
  override name = 'SimulatorError';
}

type Trip = { teamId: string; route: Route; km: number; kind: 'outbound' | 'return'; orderId?: string };

/** The tables the simulator keeps: teams, incidents and orders (to know where a team is sent). */
type Tables = Pick<ReplicaRowTypes, 'rescueTeams' | 'incidents' | 'linkageActions'>;
const KEPT: ReadonlyArray<keyof Tables> = ['rescueTeams', 'incidents', 'linkageActions'];

function clampToCounty(p: LngLat): LngLat {
  const [west, south, east, north] = COUNTY.bbox;
  return { lng: Math.min(east, Math.max(west, p.lng)), lat: Math.min(north, Math.max(south, p.lat)) };
}

async function login(hubUrl: string, username: string, password: string, workstation: string): Promise<LoginResponse> {
  let res: Response;
  try {
    res = await fetch(`${hubUrl}${HTTP_PATHS.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, workstation }),
    });
  } catch (err) {
    throw new SimulatorError(`cannot reach the hub at ${hubUrl}: ${(err as Error).message}`);
  }
  if (res.status === 401)
    throw new SimulatorError(`the hub refused the login of "${username}" (wrong name or password)`);
  if (!res.ok) throw new SimulatorError(`login failed: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as LoginResponse;
}

/**
 * Drives the teams. `start()` resolves once it follows the hub; `stop()` ends it. The decision
 * logic (`step`) is separate from the socket so it can run against a replica in tests.
 */
export class TeamSimulator {
  private readonly rows: { [K in keyof Tables]: Map<string, Tables[K]> } = {
    rescueTeams: new Map(),
    incidents: new Map(),
    linkageActions: new Map(),
  };
  private readonly trips = new Map<string, Trip>();
  /** teams with a status command in flight: no second one until it is answered */
  private readonly busy = new Set<string>();
  private socket: Socket | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastSeq = 0;
  private departmentId: string | undefined;
  private role = '';
  private readonly speedKmh: number;
  private readonly jitter: number;
  private readonly intervalSec: number;
  private readonly log: (line: string) => void;
  private readonly random: () => number;

  constructor(private readonly options: TeamSimulatorOptions) {
    this.speedKmh = options.speedKmh ?? 40;
    this.jitter = options.jitter ?? 0.25;
    this.intervalSec = options.intervalSec ?? 1;
    this.log = options.log ?? (() => undefined);
    this.random = options.random ?? Math.random;
  }

  async start(): Promise<void> {
    const { hubUrl, username, password } = this.options;
    const workstation = this.options.workstation ?? 'team-simulator';
    const session = await login(hubUrl, username, password, workstation);
    this.role = session.user.role;
    this.departmentId = session.user.departmentId;
    if (!['duty_officer', 'commander', 'drill_coordinator', 'liaison'].includes(this.role)) {
      throw new SimulatorError(
        `"${username}" is a ${this.role}: team status needs the desk (duty, commander) or a department liaison`,
      );
    }
    const socket = io(`${hubUrl}${SOCKET_NAMESPACE}`, {
      auth: { token: session.token, workstation },
      transports: ['websocket'],
    });
    this.socket = socket;
    // Live events are buffered until the snapshot and sync have caught up, then applied in order.
    const buffered: Array<HubEvent> = [];
    let live = false;
    socket.on('event', (e: HubEvent) => {
      if (live) this.apply([e]);
      else buffered.push(e);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(new SimulatorError(`socket refused: ${err.message}`)));
    });
    const snap = (await socket.timeout(60_000).emitWithAck('snapshot', {})) as SnapshotAck;
    if (!snap.ok) throw new SimulatorError(`snapshot refused: ${snap.error.message}`);
    for (const t of KEPT) {
      const map = this.rows[t] as Map<string, unknown>;
      for (const row of snap.tables[t] as Array<{ id: string }>) map.set(row.id, row);
    }
    this.lastSeq = snap.seq;
    await this.catchUp();
    this.apply(buffered);
    live = true;
    // After a reconnect, catch up through sync again (the one path for missed events).
    socket.io.on(
      'reconnect',
      () => void this.catchUp().catch((err: unknown) => this.log(`sync failed: ${String(err)}`)),
    );
    socket.on('session.ended', (e: { message: string }) => {
      this.log(`session ended: ${e.message}`);
      this.stop();
    });
    this.resumeTrips();
    this.log(
      `following ${this.rows.rescueTeams.size} teams as ${username} (${this.role}); ` +
        `${this.speedKmh} km/h ± ${Math.round(this.jitter * 100)} %, a position every ${this.intervalSec} s`,
    );
    this.timer = setInterval(() => this.tick(), this.intervalSec * 1000);
    this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.socket?.close();
    this.socket = undefined;
  }

  /** Teams currently on the road (tests, status lines). */
  get moving(): number {
    return this.trips.size;
  }

  private async catchUp(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    for (;;) {
      const page = (await socket.timeout(60_000).emitWithAck('sync', { sinceSeq: this.lastSeq })) as SyncAck;
      if (!page.ok) throw new SimulatorError(`sync refused: ${page.error.message}`);
      this.apply(page.events);
      this.lastSeq = Math.max(this.lastSeq, page.toSeq);
      if (!page.more) return;
    }
  }

  private apply(events: ReadonlyArray<HubEvent>): void {
    const lookup = <T extends ReplicaTable>(table: T, id: string): ReplicaRowTypes[T] | undefined =>
      (KEPT as ReadonlyArray<string>).includes(table)
        ? ((this.rows[table as keyof Tables] as Map<string, unknown>).get(id) as ReplicaRowTypes[T] | undefined)
        : undefined;
    for (const e of events) {
      if (e.seq <= this.lastSeq) continue;
      this.lastSeq = e.seq;
      for (const c of projectEvent(e, lookup)) {
        if (!(KEPT as ReadonlyArray<string>).includes(c.table)) continue;
        const map = this.rows[c.table as keyof Tables] as Map<string, unknown>;
        if (c.value === null) map.delete(c.id);
        else map.set(c.id, c.value);
      }
      if (e.type === 'team.statusChanged') this.onStatus(e.payload.teamId, e.payload.orderId);
    }
  }

  private mayMove(team: RescueTeam): boolean {
    if (this.options.teamIds && !this.options.teamIds.includes(team.id)) return false;
    return this.role !== 'liaison' || team.departmentId === this.departmentId;
  }

  /** Where a dispatched team is sent: its dispatch order's incident. */
  private destinationOf(teamId: string, orderId?: string): { at: LngLat; orderId: string } | undefined {
    const orders = [...this.rows.linkageActions.values()]
      .filter((o) => o.teamId === teamId && (orderId === undefined || o.id === orderId))
      .filter((o) => o.state !== 'cancelled' && o.state !== 'declined' && o.state !== 'completed')
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    for (const o of orders) {
      const incident = this.rows.incidents.get(o.incidentId);
      if (incident) return { at: incident.location, orderId: o.id };
    }
    return undefined;
  }

  /** A team's status changed on the hub: plan its trip. */
  private onStatus(teamId: string, orderId?: string): void {
    const team = this.rows.rescueTeams.get(teamId);
    if (!team || !this.mayMove(team)) return;
    const trip = this.trips.get(teamId);
    if (team.status === 'returning') {
      if (trip?.kind !== 'return') this.plan(team, team.base, 'return');
    } else if (team.status === 'dispatched' || team.status === 'en_route') {
      if (trip?.kind !== 'outbound') {
        const dest = this.destinationOf(teamId, orderId);
        if (dest) this.plan(team, dest.at, 'outbound', dest.orderId);
        else this.log(`${team.name}: ${team.status} but no open order names it; left where it is`);
      }
    } else {
      this.trips.delete(teamId);
    }
  }

  /** On start: teams already on the road continue from where they are. */
  private resumeTrips(): void {
    for (const team of this.rows.rescueTeams.values()) {
      if (['dispatched', 'en_route', 'returning'].includes(team.status)) this.onStatus(team.id);
    }
  }

  private plan(team: RescueTeam, to: LngLat, kind: Trip['kind'], orderId?: string): void {
    const route = plausibleRoute(team.location, to, unitHash(`${team.id}:${kind}`));
    this.trips.set(team.id, { teamId: team.id, route, km: 0, kind, ...(orderId === undefined ? {} : { orderId }) });
    this.log(`${team.name}: ${kind === 'outbound' ? 'to the scene' : 'back to base'}, ${route.lengthKm.toFixed(1)} km`);
  }

  /** One step: depart, move every trip on by one interval, arrive. */
  private tick(): void {
    for (const trip of [...this.trips.values()]) {
      const team = this.rows.rescueTeams.get(trip.teamId);
      if (!team) {
        this.trips.delete(trip.teamId);
        continue;
      }
      if (team.status === 'dispatched') {
        this.setStatus(team, 'en_route', trip.orderId);
        continue; // moves once the hub has it en route
      }
      const moving =
        (trip.kind === 'outbound' && team.status === 'en_route') ||
        (trip.kind === 'return' && team.status === 'returning');
      if (!moving) continue;
      trip.km = Math.min(
        trip.route.lengthKm,
        trip.km + stepKm(this.speedKmh, this.intervalSec, this.jitter, this.random()),
      );
      // A route bowing out near the county's edge stays inside it (the hub refuses positions outside).
      const at = roundPosition(clampToCounty(pointAlong(trip.route, trip.km)));
      this.send('team.position', { teamId: team.id, location: at });
      if (trip.km >= trip.route.lengthKm || distanceKm(at, trip.route.points.at(-1) as LngLat) < 0.005) {
        this.trips.delete(trip.teamId);
        if (trip.kind === 'outbound') {
          this.log(`${team.name}: on scene`);
          this.setStatus(team, 'on_scene', trip.orderId);
        } else {
          this.log(`${team.name}: back at base, available`);
          this.setStatus(team, 'available');
        }
      }
    }
  }

  private setStatus(team: RescueTeam, status: 'en_route' | 'on_scene' | 'available', orderId?: string): void {
    if (this.busy.has(team.id)) return;
    this.busy.add(team.id);
    void this.send('team.status', { teamId: team.id, status, ...(orderId === undefined ? {} : { orderId }) }).finally(
      () => this.busy.delete(team.id),
    );
  }

  private async send<T extends CommandType>(type: T, payload: CommandPayloadInput<T>): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    try {
      const answer = (await socket.timeout(20_000).emitWithAck('command', { id: ulid(), type, payload })) as CommandAck;
      if (!answer.ok) this.log(`${type} refused: ${answer.error.code} ${answer.error.message}`);
    } catch (err) {
      this.log(`${type}: no answer (${(err as Error).message})`);
    }
  }
}
