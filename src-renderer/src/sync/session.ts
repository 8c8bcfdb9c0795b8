import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { HTTP_PATHS, LoginResponseSchema } from '@common/protocol/login';
import type { LoginRequest, LoginResponse } from '@common/protocol/login';
import { ErrorBodySchema } from '@common/protocol/errors';

/**
 * The signed-in session. The token lives in sessionStorage (never localStorage): it dies with
 * the window, and a token that expires sends the user back to login (the outbox is kept).
 */
export const SessionSchema = LoginResponseSchema.extend({
  hubUrl: z.string(),
  workstation: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

const STORAGE_KEY = 'watchfloor.session';

export type SessionState = { session: Session | null; endedReason: string | null };

function loadStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = SessionSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export const sessionStore = createStore<SessionState>(() => ({
  session: typeof sessionStorage === 'undefined' ? null : loadStored(),
  endedReason: null,
}));

export class LoginError extends Error {
  constructor(
    readonly code: 'unauthorized' | 'network' | 'invalid' | 'server',
    message: string,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

export async function login(hubUrl: string, request: LoginRequest): Promise<Session> {
  let response: Response;
  try {
    response = await fetch(`${hubUrl}${HTTP_PATHS.login}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch (error) {
    throw new LoginError('network', String(error));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = z.object({ error: ErrorBodySchema }).safeParse(body);
    const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
    throw new LoginError(response.status === 401 || response.status === 403 ? 'unauthorized' : 'server', message);
  }
  const parsed = LoginResponseSchema.safeParse(body);
  if (!parsed.success) throw new LoginError('invalid', 'the hub answered the login with an unexpected shape');
  const session: Session = { ...(parsed.data as LoginResponse), hubUrl, workstation: request.workstation ?? '' };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  sessionStore.setState({ session, endedReason: null });
  return session;
}

export function endSession(reason: string | null): void {
  sessionStorage.removeItem(STORAGE_KEY);
  sessionStore.setState({ session: null, endedReason: reason });
}
