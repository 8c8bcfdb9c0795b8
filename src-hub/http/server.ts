import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { ulid } from 'ulid';
import { describeZodError } from '@common/protocol/errors';
import { IngestIncidentSchema } from '@common/protocol/ingest';
import { resolveIntakePlace } from '@common/rules/intake';
import { MAX_COMMAND_BYTES } from '@common/protocol/limits';
import { HTTP_PATHS, LoginRequestSchema } from '@common/protocol/login';
import type { LoginResponse } from '@common/protocol/login';
import { openSession, publicUser } from '../auth/sessions';
import { dummyPasswordRecord, verifyPassword } from '../auth/passwords';
import type { HubConfig } from '../config';
import { deterministicUlid } from '../ids';
import type { HubMetrics } from '../metrics';
import type { CommandPipeline } from '../pipeline';
import type { HubStore } from '../store/types';
import { INGEST_ACTOR, INGEST_USER } from '../system-users';
import { readJsonBody } from './body';
import { sendError, sendJson, statusOf } from './respond';
import { createStaticHandler } from './static';

const LOGIN_BODY_BYTES = 16 * 1024;

export type HttpDeps = {
  config: HubConfig;
  store: HubStore;
  pipeline: CommandPipeline;
  logger: Logger;
  metrics: HubMetrics;
  ingestKeys: ReadonlyArray<string>;
  startedAt: number;
};

// NOTE: login needs CORS: the desktop renderer (file:// or a dev server) talks to a hub on
// another origin. Tokens travel in the body, never in cookies, so a wildcard is safe here.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '600',
};

function keyDigest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function createHttpHandler(deps: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { config, store, pipeline, logger, metrics } = deps;
  const serveStatic = config.staticDir ? createStaticHandler(config.staticDir) : undefined;
  const ingestDigests = deps.ingestKeys.map(keyDigest);
  const loginFailures = new RateLimiterMemory({
    points: config.loginRateLimit.points,
    duration: config.loginRateLimit.durationSec,
  });

  function apiKeyOk(header: string | Array<string> | undefined): boolean {
    if (typeof header !== 'string' || header.length === 0 || header.length > 200) return false;
    const given = keyDigest(header);
    // compare against every key, in constant time each, without stopping early
    let ok = false;
    for (const d of ingestDigests) ok = timingSafeEqual(given, d) || ok;
    return ok;
  }

  async function login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJsonBody(req, LOGIN_BODY_BYTES);
    if (!body.ok) return sendError(res, body.status, body.error.code, body.error.message, CORS);
    const parsed = LoginRequestSchema.safeParse(body.value);
    if (!parsed.success) return sendError(res, 400, 'invalid_payload', describeZodError(parsed.error), CORS);
    const { username, password, workstation } = parsed.data;
    const limitKey = `${req.socket.remoteAddress ?? '?'}|${username}`;
    const limit = await loginFailures.get(limitKey);
    if (limit && limit.consumedPoints >= config.loginRateLimit.points) {
      metrics.logins.inc({ result: 'rate_limited' });
      const retry = Math.ceil(limit.msBeforeNext / 1000);
      return sendError(res, 429, 'rate_limited', `too many failed logins; try again in ${retry} s`, {
        ...CORS,
        'retry-after': String(retry),
      });
    }
    const user = store.getUserByUsername(username);
    const record = user?.password ?? (await dummyPasswordRecord());
    const match = await verifyPassword(password, record);
    if (!user || !user.password || user.disabled || !match) {
      metrics.logins.inc({ result: 'unauthorized' });
      await loginFailures.penalty(limitKey, 1).catch(() => undefined);
      logger.info({ username, ip: req.socket.remoteAddress }, 'login refused');
      return sendError(res, 401, 'unauthorized', 'wrong user name or password', CORS);
    }
    const now = Date.now();
    const { token, session } = openSession(store, user, workstation, config.tokenTtlMs, now);
    metrics.logins.inc({ result: 'ok' });
    logger.info({ username, workstation, sessionId: session.id }, 'login');
    const answer: LoginResponse = {
      token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      user: publicUser(user),
    };
    sendJson(res, 200, answer, CORS);
  }

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!apiKeyOk(req.headers['x-api-key'])) {
      req.resume();
      return sendError(res, 401, 'unauthorized', 'missing or unknown x-api-key');
    }
    const body = await readJsonBody(req, MAX_COMMAND_BYTES);
    if (!body.ok) return sendError(res, body.status, body.error.code, body.error.message);
    const parsed = IngestIncidentSchema.safeParse(body.value);
    if (!parsed.success) return sendError(res, 400, 'invalid_payload', describeZodError(parsed.error));
    const { externalId, location, datum, ...fields } = parsed.data;
    const enterprise = fields.enterpriseId === undefined ? undefined : store.getRow('enterprises', fields.enterpriseId);
    // NOTE: another system naming an enterprise we do not know is a data error worth telling it about.
    if (fields.enterpriseId !== undefined && !enterprise) {
      return sendError(res, 400, 'invalid_payload', `enterpriseId: enterprise ${fields.enterpriseId} does not exist`);
    }
    const place = resolveIntakePlace(
      {
        ...(location === undefined ? {} : { location, datum }),
        ...(fields.enterpriseId === undefined ? {} : { enterpriseId: fields.enterpriseId }),
        ...(fields.townshipCode === undefined ? {} : { townshipCode: fields.townshipCode }),
      },
      enterprise,
    );
    if (!place.ok) return sendError(res, 400, 'invalid_payload', `${place.field}: ${place.message}`);
    const report = { ...fields, ...place.place };
    const incidentId = externalId === undefined ? ulid() : deterministicUlid('ingest-incident', externalId);
    const commandId = externalId === undefined ? ulid() : deterministicUlid('ingest-command', externalId);
    const answer = await pipeline.submit(
      { id: commandId, type: 'incident.report', payload: { incidentId, mode: 'real', report } },
      { actor: INGEST_ACTOR, userId: INGEST_USER.id },
    );
    if (!answer.ok) return sendError(res, statusOf(answer.error.code), answer.error.code, answer.error.message);
    logger.info({ incidentId, seq: answer.seq, externalId }, 'incident ingested');
    sendJson(res, answer.duplicate ? 200 : 201, {
      ok: true,
      incidentId,
      seq: answer.seq,
      ...(answer.duplicate ? { duplicate: true } : {}),
    });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === HTTP_PATHS.healthz) {
      if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, 'method_not_allowed', 'use GET');
      return sendJson(
        res,
        200,
        { ok: true, seq: store.headSeq(), uptime: Math.round((Date.now() - deps.startedAt) / 1000) },
        { 'access-control-allow-origin': '*' },
      );
    }
    if (path === HTTP_PATHS.metrics) {
      if (method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'use GET');
      metrics.headSeq.set(store.headSeq());
      const text = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
      res.end(text);
      return;
    }
    if (path === HTTP_PATHS.login) {
      if (method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      if (method !== 'POST') return sendError(res, 405, 'method_not_allowed', 'use POST', CORS);
      return login(req, res);
    }
    if (path === HTTP_PATHS.ingestIncidents) {
      if (method !== 'POST') return sendError(res, 405, 'method_not_allowed', 'use POST');
      return ingest(req, res);
    }
    if (path.startsWith('/api/')) return sendError(res, 404, 'not_found', `no endpoint ${path}`);
    if (serveStatic && (await serveStatic(req, res, path))) return;
    sendError(res, 404, 'not_found', `nothing at ${path}`);
  }

  return (req, res) => {
    route(req, res).catch((err: unknown) => {
      logger.error({ err, url: req.url }, 'http handler failed');
      if (!res.headersSent) sendError(res, 500, 'internal', 'internal error');
      else res.destroy();
    });
  };
}
