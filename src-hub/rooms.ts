import type { HubEvent } from '@common/protocol/events';
import type { Role } from '@common/schemas/user';

/** Room names, built here only — never string literals elsewhere. */
export function roleRoom(role: Role): string {
  return `role:${role}`;
}

export function departmentRoom(departmentId: string): string {
  return `department:${departmentId}`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/** The rooms a connected user joins. */
export function roomsFor(
  user: { id: string; role: Role; departmentId: string | null },
  sessionId: string,
): Array<string> {
  const rooms = [roleRoom(user.role), userRoom(user.id), sessionRoom(sessionId)];
  if (user.departmentId !== null) rooms.push(departmentRoom(user.departmentId));
  return rooms;
}

/** The roles of the command center: they see every linkage order (the board, the wall). */
export const COMMAND_CENTER_ROLES: ReadonlyArray<Role> = ['duty_officer', 'commander', 'drill_coordinator', 'wall'];

/**
 * Who may see an event: everyone in the namespace, or only some rooms. Incident, team and
 * base-data events go to everyone; a linkage event goes to the command center and to the
 * order's department only (a reassignment also to the department that receives it next).
 */
export type Audience = { kind: 'everyone' } | { kind: 'rooms'; rooms: Array<string> };

export function audienceOf(event: HubEvent): Audience {
  switch (event.type) {
    case 'incident.reported':
    case 'incident.updated':
    case 'incident.noted':
    case 'incident.verified':
    case 'incident.responseActivated':
    case 'incident.levelChanged':
    case 'incident.suspended':
    case 'incident.resumed':
    case 'incident.terminated':
    case 'incident.closed':
    case 'incident.dismissed':
    case 'incident.reportedUpward':
    case 'entity.upserted':
    case 'entity.deleted':
    case 'team.statusChanged':
    case 'team.positionUpdated':
    case 'duty.logged': // the duty log and handovers: every desk sees them
    case 'duty.handedOver':
    case 'duty.handoverAccepted':
      return { kind: 'everyone' };
    case 'linkage.sent':
    case 'linkage.delivered':
    case 'linkage.signed':
    case 'linkage.feedbackPosted':
    case 'linkage.completed':
    case 'linkage.declined':
    case 'linkage.cancelled':
    case 'linkage.overdue':
      return {
        kind: 'rooms',
        rooms: [...COMMAND_CENTER_ROLES.map(roleRoom), departmentRoom(event.payload.departmentId)],
      };
    case 'linkage.reassigned':
      return {
        kind: 'rooms',
        rooms: [
          ...COMMAND_CENTER_ROLES.map(roleRoom),
          departmentRoom(event.payload.departmentId),
          departmentRoom(event.payload.toDepartmentId),
        ],
      };
  }
}

/** The same rule for `sync`: may this user read this event? */
export function canSee(
  user: { id: string; role: Role; departmentId: string | null },
  sessionId: string,
  event: HubEvent,
): boolean {
  const audience = audienceOf(event);
  if (audience.kind === 'everyone') return true;
  const mine = new Set(roomsFor(user, sessionId));
  return audience.rooms.some((r) => mine.has(r));
}

/**
 * The same rule for a projected order (the `snapshot`'s `linkageActions` rows): the command
 * center sees every order, a department only its own.
 */
export function canSeeOrder(
  user: { role: Role; departmentId: string | null },
  order: { departmentId: string },
): boolean {
  return COMMAND_CENTER_ROLES.includes(user.role) || user.departmentId === order.departmentId;
}
