/**
 * Authentication: every API request carries the JWT that Zendesk's request proxy signs for the
 * app (`Authorization: Bearer {{jwt.token}}`, HS256 with the app's secure shared secret). Zendesk
 * adds no `iss`/`aud` of its own; the app sets them (its Zendesk subdomain and its name) and this
 * checks them, with the signature (constant-time, by `jose`), `exp` (required) and `sub` (the
 * agent's Zendesk user id, required: rate limits and the audit log are per agent).
 */
import { errors, jwtVerify } from 'jose';
import type { FastifyRequest } from 'fastify';
import { unauthorized } from './errors';
import type { Agent } from '../store/agent';

export interface JwtSettings {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  readonly clockToleranceSeconds: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    agent?: Agent;
  }
}

/** Longest header accepted: a Zendesk token is a few hundred bytes. */
const MAX_TOKEN_LENGTH = 8192;

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired. Reload the app to get a new one.';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'exp') return 'The token has no valid expiry (exp).';
    if (err.claim === 'aud') return 'The token is for another audience (aud).';
    if (err.claim === 'iss') return 'The token comes from another issuer (iss).';
    if (err.claim === 'sub') return 'The token names no agent (sub).';
    return `The token's ${err.claim} claim is not valid.`;
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'The token is not signed with HS256.';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'The token signature does not verify.';
  return 'The token is malformed.';
}

export function authenticator(settings: JwtSettings) {
  const key = new TextEncoder().encode(settings.secret);
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      throw unauthorized('Missing Authorization header: requests must carry the Zendesk-signed token (Bearer).');
    }
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
    if (match?.[1] === undefined || header.length > MAX_TOKEN_LENGTH) {
      throw unauthorized('The Authorization header must be "Bearer <token>".');
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], key, {
        // Only HS256: an "alg: none" or asymmetric token is refused before any check.
        algorithms: ['HS256'],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds,
      }));
    } catch (err) {
      request.log.info({ reason: err instanceof Error ? err.name : 'unknown' }, 'token refused');
      throw unauthorized(reasonOf(err));
    }
    const sub = payload.sub;
    if (typeof sub !== 'string' || sub === '' || sub.length > 128)
      throw unauthorized('The token names no agent (sub).');
    const name = typeof payload.name === 'string' ? payload.name.slice(0, 200) : null;
    request.agent = { id: sub, name };
  };
}
