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

/**
 * Who may see an event: everyone in the namespace, or only some rooms. Incident and base-data
 * events go to everyone; linkage events will go to the command center and one department room.
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
      return { kind: 'everyone' };
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
