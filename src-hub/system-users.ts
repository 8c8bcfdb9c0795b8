import type { Actor } from '@common/protocol/events';
import type { UserRecord } from './store/types';

/**
 * Users that cannot log in (no password) but appear in the log as actors: `system` for seeded
 * base data, `ingest` for reports that arrive through the ingest API.
 * NOTE: RoleSchema has no system role; `system` acts as an admin, `ingest` as a duty officer,
 * which is exactly what each may do.
 */
export const SYSTEM_USER: UserRecord = {
  id: 'system',
  username: 'system',
  displayName: '系统 (system)',
  role: 'admin',
  departmentId: 'command-center',
  password: null,
  disabled: false,
};

export const INGEST_USER: UserRecord = {
  id: 'ingest',
  username: 'ingest',
  displayName: '接口接入 (ingest API)',
  role: 'duty_officer',
  departmentId: 'command-center',
  password: null,
  disabled: false,
};

export const SYSTEM_ACTOR: Actor = {
  userId: SYSTEM_USER.id,
  username: SYSTEM_USER.username,
  displayName: SYSTEM_USER.displayName,
  role: SYSTEM_USER.role,
  workstation: 'hub',
};

export const INGEST_ACTOR: Actor = {
  userId: INGEST_USER.id,
  username: INGEST_USER.username,
  displayName: INGEST_USER.displayName,
  role: INGEST_USER.role,
  workstation: 'ingest-api',
};
