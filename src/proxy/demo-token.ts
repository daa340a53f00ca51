/**
 * Signs a token like the one Zendesk's request proxy sends for the app: HS256 with the shared
 * secret, `iss` and `aud` as the app sets them, `sub` the agent's Zendesk user id. Used by the
 * demo start-up, the token script, the tests and the benchmark.
 */
import { SignJWT } from 'jose';

export interface TokenClaims {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  readonly agentId: string;
  readonly agentName?: string;
  /** Lifetime in seconds (Zendesk's `expiry`); negative for an already expired token. */
  readonly expiresIn?: number;
}

export async function signAgentToken(claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims.agentName === undefined ? {} : { name: claims.agentName })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setSubject(claims.agentId)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresIn ?? 3600))
    .sign(new TextEncoder().encode(claims.secret));
}
