import { z } from 'zod';
import { ErrorBodySchema } from './errors';
import type { ErrorBody, ErrorCode } from './errors';

/** Every ack is a result object, never a thrown error. */
export type Result<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

export const CommandAckSchema = z.union([
  z.strictObject({ ok: z.literal(true), seq: z.int().min(1), duplicate: z.boolean().optional() }),
  z.strictObject({ ok: z.literal(false), error: ErrorBodySchema }),
]);
export type CommandAck = z.infer<typeof CommandAckSchema>;

export function fail(code: ErrorCode, message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}
