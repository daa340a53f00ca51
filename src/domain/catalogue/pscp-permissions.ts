/**
 * PSCP permissions and the desk's rules on them (manual, "Alta usuari", point 5): the user who
 * publishes through the web service needs Administrador d'òrgan, Validador and Editor, and must
 * never be given Administrador d'àmbit, Suport or Tècnic.
 */

/** PSCP permissions, as the desk's manual names them. */
export const PSCP_PERMISSIONS = {
  ADMINISTRADOR_ORGAN: "Administrador d'òrgan",
  VALIDADOR: 'Validador',
  EDITOR: 'Editor',
  VISUALITZADOR_OFERTES: "Visualitzador d'ofertes (eLICITA)",
  ADMINISTRADOR_AMBIT: "Administrador d'àmbit",
  SUPORT: 'Suport',
  TECNIC: 'Tècnic',
} as const;
export type PscpPermission = keyof typeof PSCP_PERMISSIONS;
export const PSCP_PERMISSION_CODES = Object.keys(PSCP_PERMISSIONS) as [PscpPermission, ...PscpPermission[]];

/** A user who publishes through the web service needs all three. */
export const PSCP_REQUIRED: readonly PscpPermission[] = ['ADMINISTRADOR_ORGAN', 'VALIDADOR', 'EDITOR'];
/** Never to be given to an ens's user (manual: "permisos que no s'han de donar"). */
export const PSCP_FORBIDDEN: readonly PscpPermission[] = ['ADMINISTRADOR_AMBIT', 'SUPORT', 'TECNIC'];

export function isPscpPermission(value: string): value is PscpPermission {
  return Object.prototype.hasOwnProperty.call(PSCP_PERMISSIONS, value);
}

export interface PscpGrantStatus {
  readonly permissions: PscpPermission[];
  /** Required permissions the user lacks. */
  readonly missing: PscpPermission[];
  /** Permissions the user holds that the desk must never give. */
  readonly forbidden: PscpPermission[];
  /** Every required permission and no forbidden one: the NIF can go in the end-of-registration message. */
  readonly ready: boolean;
}

/** Which required permissions are missing and which forbidden ones are held (unknown codes are ignored). */
export function evaluatePscpGrant(held: Iterable<string>): PscpGrantStatus {
  const permissions = [...new Set([...held].map((p) => p.toUpperCase()).filter(isPscpPermission))].sort();
  const missing = PSCP_REQUIRED.filter((p) => !permissions.includes(p));
  const forbidden = PSCP_FORBIDDEN.filter((p) => permissions.includes(p));
  return { permissions, missing, forbidden, ready: missing.length === 0 && forbidden.length === 0 };
}
