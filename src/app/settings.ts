import { readDeskSettingsReporting, type DeskSettings } from '../domain/settings/desk-settings';
import { parseFieldOptionTags, type FieldOptionTags } from '../domain/settings/field-options';

/**
 * The installation's settings as the app uses them: where the proxy is, where to write the
 * classification back, which macros to apply, and the desk's settings for replies. Zendesk gives
 * secure settings (the shared secret) to its proxy only, never to the app.
 */
export interface AppSettings {
  readonly proxyUrl: string;
  readonly serviceFieldId?: string;
  readonly environmentFieldId?: string;
  readonly ambitFieldId?: string;
  readonly writeBackTags: boolean;
  readonly tagPrefix: string;
  /** Macro name (or step id) → Zendesk macro id. */
  readonly macros: Readonly<Record<string, number>>;
  readonly desk: DeskSettings;
  /** Classification value → drop-down option tag, per field (`fieldOptionTags`). */
  readonly fieldOptionTags: FieldOptionTags;
  /** Settings that could not be read (their defaults are used), for the app to say so. */
  readonly settingProblems: readonly string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const fieldId = (v: unknown): string | undefined => (/^\d{1,20}$/.test(str(v)) ? str(v) : undefined);

/** "close-ticket=123" lines (also "name: id"); lines that do not parse are ignored. */
export function parseMacroIds(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([a-z0-9._-]+)\s*[=:]\s*(\d{1,20})\s*$/i.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out[m[1].toLowerCase()] = Number(m[2]);
  }
  return out;
}

export function readAppSettings(raw: Readonly<Record<string, unknown>>): AppSettings {
  // A malformed desk setting must not stop the app: that one setting falls back to its default.
  const desk = readDeskSettingsReporting(raw);
  const options = parseFieldOptionTags(str(raw.fieldOptionTags));
  const service = fieldId(raw.serviceFieldId);
  const environment = fieldId(raw.environmentFieldId);
  const ambit = fieldId(raw.ambitFieldId);
  return {
    proxyUrl: str(raw.proxyUrl).replace(/\/+$/, ''),
    ...(service === undefined ? {} : { serviceFieldId: service }),
    ...(environment === undefined ? {} : { environmentFieldId: environment }),
    ...(ambit === undefined ? {} : { ambitFieldId: ambit }),
    writeBackTags: raw.writeBackTags === true || raw.writeBackTags === 'true',
    tagPrefix: str(raw.tagPrefix) || 'aoc_',
    macros: parseMacroIds(str(raw.macroIds)),
    desk: desk.settings,
    fieldOptionTags: options.tags,
    settingProblems: [
      ...desk.invalid.map((p) => `${p.setting}: ${p.message}`),
      ...options.problems.map((p) => `fieldOptionTags: ${p}`),
    ],
  };
}
