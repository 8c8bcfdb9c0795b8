import { z } from 'zod';
import { InstantSchema } from '../schemas/common';
import { UserSchema, UsernameSchema } from '../schemas/user';

export const LoginRequestSchema = z.strictObject({
  username: UsernameSchema,
  password: z.string().min(1).max(256),
  workstation: z.string().trim().max(100).default(''),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.strictObject({
  token: z.string().min(16),
  expiresAt: InstantSchema,
  user: UserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** HTTP paths, one definition. */
export const HTTP_PATHS = {
  login: '/api/v1/login',
  ingestIncidents: '/api/v1/ingest/incidents',
  healthz: '/healthz',
  metrics: '/metrics',
} as const;

export const SOCKET_NAMESPACE = '/v1';
