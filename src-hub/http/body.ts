import type { IncomingMessage } from 'node:http';
import { guardInput } from '../guards';
import type { ErrorBody } from '@common/protocol/errors';

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: number; error: ErrorBody };

/**
 * Reads a JSON body of at most `maxBytes`, refusing early on Content-Length, then checks it
 * with the same guards as socket commands (depth, forbidden keys).
 */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      resolve({
        ok: false,
        status: 415,
        error: { code: 'invalid_payload', message: 'send Content-Type: application/json' },
      });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    const tooLarge: BodyResult = {
      ok: false,
      status: 413,
      error: { code: 'payload_too_large', message: `the body is larger than ${maxBytes} bytes` },
    };
    if (declared > maxBytes) {
      req.resume();
      resolve(tooLarge);
      return;
    }
    const chunks: Array<Buffer> = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        chunks.length = 0;
        resolve(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      if (done) return;
      done = true;
      resolve({
        ok: false,
        status: 400,
        error: { code: 'invalid_payload', message: 'the request body could not be read' },
      });
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      let value: unknown;
      try {
        value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        resolve({ ok: false, status: 400, error: { code: 'invalid_payload', message: 'the body is not valid JSON' } });
        return;
      }
      const guard = guardInput(value, { maxBytes, maxDepth: 32 });
      if (guard) {
        resolve({ ok: false, status: guard.code === 'payload_too_large' ? 413 : 400, error: guard });
        return;
      }
      resolve({ ok: true, value });
    });
  });
}
