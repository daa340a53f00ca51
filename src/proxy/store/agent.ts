/** The Zendesk agent behind a request, from the verified JWT. */
export interface Agent {
  /** Zendesk user id (the token's `sub`). */
  readonly id: string;
  readonly name: string | null;
}
