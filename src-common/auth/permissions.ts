import type { CommandType } from '../protocol/commands';
import type { Mode } from '../schemas/common';
import type { Role } from '../schemas/user';

const INCIDENT_DESK: ReadonlyArray<Role> = ['duty_officer', 'commander', 'drill_coordinator'];

/**
 * Which roles may send which command. The hub enforces this; the UI only mirrors it to hide
 * buttons. `wall` sends nothing. A drill coordinator acts only on drill items (see canActInMode).
 */
export const COMMAND_ROLES: Record<CommandType, ReadonlyArray<Role>> = {
  'incident.report': ['duty_officer', 'commander', 'drill_coordinator'],
  'incident.update': ['duty_officer', 'commander', 'drill_coordinator'],
  'incident.note': ['duty_officer', 'commander', 'drill_coordinator', 'liaison'],
  // Lifecycle and upward reports: the duty desk and the commander (the drill coordinator on drills).
  'incident.verify': INCIDENT_DESK,
  'incident.activateResponse': INCIDENT_DESK,
  'incident.changeLevel': INCIDENT_DESK,
  'incident.suspend': INCIDENT_DESK,
  'incident.resume': INCIDENT_DESK,
  'incident.terminate': INCIDENT_DESK,
  'incident.close': INCIDENT_DESK,
  'incident.dismiss': INCIDENT_DESK,
  'incident.reportUpward': INCIDENT_DESK,
  // Linkage: the desk sends, cancels and reassigns; the receiving department's liaison does the
  // rest (the hub also checks the order is for the liaison's own department).
  'linkage.send': INCIDENT_DESK,
  'linkage.cancel': INCIDENT_DESK,
  'linkage.reassign': INCIDENT_DESK,
  'linkage.deliver': ['liaison'],
  'linkage.sign': ['liaison'],
  'linkage.feedback': ['liaison'],
  'linkage.complete': ['liaison'],
  'linkage.decline': ['liaison'],
  // Teams: the desk, or the liaison of the team's own department (checked by the hub); positions
  // also from the admin's field-data account (simulators, GPS gateways).
  'team.status': ['duty_officer', 'commander', 'drill_coordinator', 'liaison'],
  'team.position': ['duty_officer', 'commander', 'drill_coordinator', 'liaison', 'admin'],
  // The duty log: the desk writes it; a handover passes between duty officers and commanders
  // (the hub also refuses accepting one's own handover).
  'duty.log': INCIDENT_DESK,
  'duty.handover': ['duty_officer', 'commander'],
  'duty.acceptHandover': ['duty_officer', 'commander'],
  'entity.upsert': ['admin'],
  'entity.delete': ['admin'],
};

export function canSend(role: Role, type: CommandType): boolean {
  return COMMAND_ROLES[type].includes(role);
}

/** A drill coordinator cannot touch a real incident, whatever the command. */
export function canActInMode(role: Role, mode: Mode): boolean {
  return role !== 'drill_coordinator' || mode === 'drill';
}
