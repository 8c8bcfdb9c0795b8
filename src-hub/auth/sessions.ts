import { ulid } from 'ulid';
import type { Actor } from '@common/protocol/events';
import type { User } from '@common/schemas/user';
import type { HubStore, SessionRecord, UserRecord } from '../store/types';
import { newToken, tokenHash } from './tokens';

export type AuthenticatedSession = { session: SessionRecord; user: UserRecord };

export function publicUser(u: UserRecord): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    ...(u.departmentId === null ? {} : { departmentId: u.departmentId }),
  };
}

export function actorOf(user: UserRecord, workstation: string): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    workstation: workstation.slice(0, 100),
  };
}

export function openSession(
  store: HubStore,
  user: UserRecord,
  workstation: string,
  ttlMs: number,
  now: number,
): { token: string; session: SessionRecord } {
  const token = newToken();
  const session: SessionRecord = {
    id: ulid(now),
    tokenHash: tokenHash(token),
    userId: user.id,
    workstation: workstation.slice(0, 100),
    createdAt: now,
    expiresAt: now + ttlMs,
    revokedAt: null,
  };
  store.createSession(session);
  return { token, session };
}

/** The session and user behind a token, if the token is live (not expired, not revoked, user enabled). */
export function authenticate(store: HubStore, token: unknown, now: number): AuthenticatedSession | undefined {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200) return undefined;
  const session = store.getSessionByTokenHash(tokenHash(token));
  if (!session || !isLive(session, now)) return undefined;
  const user = store.getUserById(session.userId);
  if (!user || user.disabled) return undefined;
  return { session, user };
}

export function isLive(session: SessionRecord, now: number): boolean {
  return session.revokedAt === null && session.expiresAt > now;
}
