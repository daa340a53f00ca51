import { Fragment, useId, useMemo, useState } from 'react';
import ca from '../../translations/ca.json';
import en from '../../translations/en.json';
import es from '../../translations/es.json';
import { resolveLocale, type UiKey, type UiLang } from '../app/i18n/i18n';
import file from '../domain/catalogue/data/catalogue.json';
import { loadCatalogue } from '../domain/catalogue/load';
import type { CatalogueFile, CatalogueProduct } from '../domain/catalogue/schema';

/**
 * The catalogue for a desk lead: every service of the request form, every Via Oberta product with
 * AOC's product and modality codes, its àmbit, checkbox and MINHAP, and the DCOC col·legis, with a
 * filter. It reads data/catalogue.json itself, so a mistake in the file shows here instead of a
 * blank page.
 */
const AMBITS = ['AGE', 'GENERALITAT', 'LOCAL', 'COLLEGIS'] as const;
const LANGS: readonly UiLang[] = ['ca', 'es', 'en'];

/** The page's texts in the three languages (translations/*.json, `catalogue.*`), loaded at once: workbench only. */
const TABLES: Record<UiLang, Readonly<Record<string, string>>> = { ca: ca.ui, es: es.ui, en: en.ui };
type T = (key: UiKey, vars?: Readonly<Record<string, string | number>>) => string;
const translate =
  (lang: UiLang): T =>
  (key, vars) =>
    (TABLES[lang][key] ?? ca.ui[key]).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(vars?.[name] ?? ''));

/** A translated sentence whose placeholders are code (a file name, a command), shown as code. */
function WithCode({ template, code }: { template: string; code: Readonly<Record<string, string>> }) {
  const parts = template.split(/\{\{(\w+)\}\}/);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? <code key={i}>{code[part] ?? ''}</code> : <Fragment key={i}>{part}</Fragment>,
      )}
    </>
  );
}

/** Lower case without accents, so "padro" finds "Padró" and "cadastre" finds "CADASTRE". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function productText(p: CatalogueProduct): string {
  return [
    p.id,
    p.ambit,
    p.name.ca,
    p.name.es,
    p.emissor.ca,
    p.emissor.es,
    p.checkbox?.checkbox ?? '',
    p.checkbox?.caption ?? '',
    ...p.acronyms,
    ...p.names.ca,
    ...p.names.es,
    ...p.codes.flatMap((c) => [
      c.code,
      ...c.modalities.flatMap((m) => [m.code, m.description.ca, m.description.es, ...(m.aliases ?? [])]),
    ]),
  ].join(' ');
}

function Names({ names }: { names: { ca: readonly string[]; es: readonly string[] } }) {
  return (
    <>
      <div>
        <span className="muted">ca:</span> {names.ca.join(' · ')}
      </div>
      <div>
        <span className="muted">es:</span> {names.es.join(' · ')}
      </div>
    </>
  );
}

function Catalogue({ data, initialLang }: { data: CatalogueFile; initialLang: UiLang }) {
  const ids = { filter: useId(), ambit: useId(), minhap: useId(), lang: useId() };
  const [lang, setLang] = useState<UiLang>(initialLang);
  const t = translate(lang);
  const caEs = lang === 'es' ? 'es' : 'ca';
  const [query, setQuery] = useState('');
  const [ambit, setAmbit] = useState('');
  const [minhapOnly, setMinhapOnly] = useState(false);
  const q = fold(query.trim());
  const matches = (text: string) => q === '' || fold(text).includes(q);

  const products = data.products.filter(
    (p) => (ambit === '' || p.ambit === ambit) && (!minhapOnly || p.minhap) && matches(productText(p)),
  );
  const services =
    ambit !== '' || minhapOnly
      ? []
      : data.services.filter((s) =>
          matches(
            [
              s.id,
              s.name,
              s.description.ca,
              s.description.es,
              ...s.checkboxes.flatMap((c) => [c.checkbox, c.caption]),
              ...s.acronyms,
              ...s.names.ca,
              ...s.names.es,
              ...(s.pciProducts ?? []).flatMap((c) => [c.code, ...c.modalities]),
            ].join(' '),
          ),
        );
  const collegis =
    (ambit === '' || ambit === 'COLLEGIS') && !minhapOnly
      ? data.collegis.filter((c) =>
          matches([c.checkbox, c.caption, c.acronym, c.name, ...c.names.ca, ...c.names.es].join(' ')),
        )
      : [];
  const modalityCount = products.reduce((n, p) => n + p.codes.reduce((m, c) => m + c.modalities.length, 0), 0);

  return (
    <main className="catalogue">
      <p className="nav-links">
        <a href="#">{t('catalogue.nav.workbench')}</a>
      </p>
      <h1 lang={lang}>{t('catalogue.title')}</h1>
      <p className="muted">
        <WithCode
          template={t('catalogue.edited')}
          code={{
            file: 'src/domain/catalogue/data/catalogue.json',
            command: 'npm run catalogue -- --summary',
            version: data.formVersion,
          }}
        />
      </p>
      <div className="catalogue-filters">
        <label htmlFor={ids.lang}>{t('catalogue.language')}</label>
        <select
          id={ids.lang}
          value={lang}
          onChange={(e) => {
            setLang(resolveLocale(e.target.value));
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <label htmlFor={ids.filter}>{t('catalogue.filter')}</label>
        <input
          id={ids.filter}
          type="search"
          value={query}
          placeholder={t('catalogue.filterPlaceholder')}
          onChange={(e) => {
            setQuery(e.target.value);
          }}
        />
        <label htmlFor={ids.ambit}>{t('catalogue.ambit')}</label>
        <select
          id={ids.ambit}
          value={ambit}
          onChange={(e) => {
            setAmbit(e.target.value);
          }}
        >
          <option value="">{t('catalogue.all')}</option>
          {AMBITS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label>
          <input
            id={ids.minhap}
            type="checkbox"
            checked={minhapOnly}
            onChange={(e) => {
              setMinhapOnly(e.target.checked);
            }}
          />{' '}
          {t('catalogue.minhapOnly')}
        </label>
      </div>
      <p data-testid="catalogue-counts">
        {t('catalogue.counts', {
          services: services.length,
          servicesTotal: data.services.length,
          products: products.length,
          productsTotal: data.products.length,
          modalities: modalityCount,
          collegis: collegis.length,
          collegisTotal: data.collegis.length,
        })}
      </p>

      <h2>{t('catalogue.services.title')}</h2>
      {services.length === 0 ? (
        <p className="muted">{t('catalogue.services.none')}</p>
      ) : (
        <table className="catalogue-table" aria-label={t('catalogue.services.table')}>
          <thead>
            <tr>
              <th scope="col">{t('catalogue.col.id')}</th>
              <th scope="col">{t('catalogue.col.service')}</th>
              <th scope="col">{t('catalogue.col.checkboxes')}</th>
              <th scope="col">{t('catalogue.col.manualPage')}</th>
              <th scope="col">{t('catalogue.col.pciCodes')}</th>
              <th scope="col">{t('catalogue.col.names')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} data-testid={`service-${s.id}`}>
                <td>
                  <strong>{s.id}</strong>
                </td>
                <td>
                  {s.name}
                  <div className="muted">{s.description[lang]}</div>
                  {s.note === undefined ? null : <div className="note">{s.note}</div>}
                </td>
                <td>
                  {s.checkboxes.map((c) => (
                    <div key={c.checkbox}>
                      <code>{c.checkbox}</code> <span className="muted">{c.caption}</span>
                    </div>
                  ))}
                </td>
                <td>{s.manualPage ? t('catalogue.yes') : t('catalogue.noManual')}</td>
                <td>
                  {(s.pciProducts ?? []).map((c) => (
                    <div key={c.code}>
                      <code>{c.code}</code> {c.modalities.join(', ')}
                    </div>
                  ))}
                </td>
                <td>
                  <Names names={s.names} />
                  {s.acronyms.length === 0 ? null : <div className="muted">{s.acronyms.join(', ')}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('catalogue.products.title')}</h2>
      {products.length === 0 ? (
        <p className="muted">{t('catalogue.products.none')}</p>
      ) : (
        <table className="catalogue-table" aria-label={t('catalogue.products.table')}>
          <thead>
            <tr>
              <th scope="col">{t('catalogue.col.id')}</th>
              <th scope="col">{t('catalogue.col.ambit')}</th>
              <th scope="col">{t('catalogue.col.minhap')}</th>
              <th scope="col">{t('catalogue.col.product')}</th>
              <th scope="col">{t('catalogue.col.checkbox')}</th>
              <th scope="col">{t('catalogue.col.codes')}</th>
              <th scope="col">{t('catalogue.col.names')}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id} data-testid={`product-${p.id}`}>
                <td>
                  <strong>{p.id}</strong>
                </td>
                <td>
                  {p.ambit}
                  {p.ambitNote === undefined ? null : <div className="note">{p.ambitNote}</div>}
                </td>
                <td>{p.minhap ? t('catalogue.yes') : t('catalogue.no')}</td>
                <td>
                  {p.name[caEs]}
                  <div className="muted">{p.name[caEs === 'ca' ? 'es' : 'ca']}</div>
                  <div className="muted">{t('catalogue.emissor', { emissor: p.emissor[caEs] })}</div>
                  {p.note === undefined ? null : <div className="note">{p.note}</div>}
                </td>
                <td>
                  {p.checkbox === null ? (
                    <span className="muted">{t('catalogue.noCheckbox')}</span>
                  ) : (
                    <>
                      <code>{p.checkbox.checkbox}</code>
                      {p.checkbox.shared ? <span className="muted"> {t('catalogue.shared')}</span> : null}
                      <div className="muted">{p.checkbox.caption}</div>
                    </>
                  )}
                </td>
                <td>
                  {p.codes.length === 0 ? <span className="muted">{t('catalogue.noCodes')}</span> : null}
                  {p.codes.map((c) => (
                    <details key={c.code} open={q !== ''}>
                      <summary>
                        <code>{c.code}</code> · {t('catalogue.modalityCount', { count: c.modalities.length })}
                        {c.inferred === true ? <span className="muted"> {t('catalogue.inferred')}</span> : null}
                      </summary>
                      <ul>
                        {c.modalities.map((m) => (
                          <li key={m.code}>
                            <code>{m.code}</code> {m.description[caEs]}
                            <span className="muted"> / {m.description[caEs === 'ca' ? 'es' : 'ca']}</span>
                            {m.source === undefined ? null : <span className="muted"> [{m.source}]</span>}
                            {m.aliases === undefined ? null : (
                              <span className="muted"> {t('catalogue.aliases', { codes: m.aliases.join(', ') })}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ))}
                </td>
                <td>
                  <Names names={p.names} />
                  {p.acronyms.length === 0 ? null : <div className="muted">{p.acronyms.join(', ')}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('catalogue.collegis.title')}</h2>
      {collegis.length === 0 ? (
        <p className="muted">{t('catalogue.collegis.none')}</p>
      ) : (
        <table className="catalogue-table" aria-label={t('catalogue.collegis.table')}>
          <thead>
            <tr>
              <th scope="col">{t('catalogue.col.checkbox')}</th>
              <th scope="col">{t('catalogue.col.acronym')}</th>
              <th scope="col">{t('catalogue.col.collegi')}</th>
              <th scope="col">{t('catalogue.col.integration')}</th>
            </tr>
          </thead>
          <tbody>
            {collegis.map((c) => (
              <tr key={c.checkbox}>
                <td>
                  <code>{c.checkbox}</code>
                </td>
                <td>
                  <strong>{c.acronym}</strong>
                  <div className="muted">DCOC_{c.acronym}</div>
                </td>
                <td>
                  {c.name}
                  <div className="muted">{c.caption}</div>
                  {c.note === undefined ? null : <div className="note">{c.note}</div>}
                </td>
                <td>{c.integration ? t('catalogue.yes') : t('catalogue.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** `lang`: the page's first language (the workbench passes the browser's); the page has a selector. */
export function CataloguePage({ lang }: { readonly lang?: string } = {}) {
  const initialLang = resolveLocale(lang ?? (typeof navigator === 'undefined' ? undefined : navigator.language));
  const loaded = useMemo(() => {
    try {
      return { ok: true as const, data: loadCatalogue(file) };
    } catch (error) {
      return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
    }
  }, []);
  if (!loaded.ok)
    return (
      <main className="catalogue" role="alert">
        <h1>{translate(initialLang)('catalogue.error.title')}</h1>
        <pre className="warning">{loaded.error}</pre>
      </main>
    );
  return <Catalogue data={loaded.data} initialLang={initialLang} />;
}
