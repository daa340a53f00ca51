/** A plain object (not null, not an array): what untyped JSON from Zendesk or a request may hold. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
