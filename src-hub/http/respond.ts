import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '@common/protocol/errors';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** `{ error: { code, message } }` — the HTTP form of a refusal. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode | 'not_found' | 'method_not_allowed' | 'unsupported_media_type',
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/** HTTP status for a command refusal. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid_payload':
      return 400;
    case 'payload_too_large':
      return 413;
    case 'unknown_command':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'invalid_transition':
    case 'conflict':
      return 409;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
  }
}
