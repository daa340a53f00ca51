import { useId, useMemo, useState } from 'react';
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

function Catalogue({ data }: { data: CatalogueFile }) {
  const ids = { filter: useId(), ambit: useId(), minhap: useId() };
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
        <a href="#">Classifier workbench</a>
      </p>
      <h1>AOC catalogue</h1>
      <p className="muted">
        Edited in <code>src/domain/catalogue/data/catalogue.json</code>, validated when loaded (
        <code>npm run catalogue -- --summary</code> prints the counts or the file’s mistakes). Request form version{' '}
        {data.formVersion}.
      </p>
      <div className="catalogue-filters">
        <label htmlFor={ids.filter}>Filter</label>
        <input
          id={ids.filter}
          type="search"
          value={query}
          placeholder="id, name, code, modality, checkbox…"
          onChange={(e) => {
            setQuery(e.target.value);
          }}
        />
        <label htmlFor={ids.ambit}>Àmbit</label>
        <select
          id={ids.ambit}
          value={ambit}
          onChange={(e) => {
            setAmbit(e.target.value);
          }}
        >
          <option value="">all</option>
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
          MINHAP only
        </label>
      </div>
      <p data-testid="catalogue-counts">
        Showing {services.length} of {data.services.length} services, {products.length} of {data.products.length}{' '}
        products ({modalityCount} modality codes), {collegis.length} of {data.collegis.length} col·legis.
      </p>

      <h2>Services of the request form</h2>
      {services.length === 0 ? (
        <p className="muted">No service matches.</p>
      ) : (
        <table className="catalogue-table" aria-label="Services">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Service</th>
              <th scope="col">Checkboxes</th>
              <th scope="col">Manual page</th>
              <th scope="col">PCI codes</th>
              <th scope="col">Names people use</th>
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
                  <div className="muted">{s.description.ca}</div>
                  {s.note === undefined ? null : <div className="note">{s.note}</div>}
                </td>
                <td>
                  {s.checkboxes.map((c) => (
                    <div key={c.checkbox}>
                      <code>{c.checkbox}</code> <span className="muted">{c.caption}</span>
                    </div>
                  ))}
                </td>
                <td>{s.manualPage ? 'yes' : 'no (general procedure)'}</td>
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

      <h2>Via Oberta products</h2>
      {products.length === 0 ? (
        <p className="muted">No product matches.</p>
      ) : (
        <table className="catalogue-table" aria-label="Products">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">Àmbit</th>
              <th scope="col">MINHAP</th>
              <th scope="col">Product</th>
              <th scope="col">Checkbox</th>
              <th scope="col">AOC codes and modalities</th>
              <th scope="col">Names people use</th>
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
                <td>{p.minhap ? 'yes' : 'no'}</td>
                <td>
                  {p.name.ca}
                  <div className="muted">{p.name.es}</div>
                  <div className="muted">Emissor: {p.emissor.ca}</div>
                  {p.note === undefined ? null : <div className="note">{p.note}</div>}
                </td>
                <td>
                  {p.checkbox === null ? (
                    <span className="muted">none in the form</span>
                  ) : (
                    <>
                      <code>{p.checkbox.checkbox}</code>
                      {p.checkbox.shared ? <span className="muted"> (shared)</span> : null}
                      <div className="muted">{p.checkbox.caption}</div>
                    </>
                  )}
                </td>
                <td>
                  {p.codes.length === 0 ? <span className="muted">codes not published</span> : null}
                  {p.codes.map((c) => (
                    <details key={c.code} open={q !== ''}>
                      <summary>
                        <code>{c.code}</code> · {c.modalities.length} modalities
                        {c.inferred === true ? <span className="muted"> (code inferred)</span> : null}
                      </summary>
                      <ul>
                        {c.modalities.map((m) => (
                          <li key={m.code}>
                            <code>{m.code}</code> {m.description.ca}
                            <span className="muted"> / {m.description.es}</span>
                            {m.source === undefined ? null : <span className="muted"> [{m.source}]</span>}
                            {m.aliases === undefined ? null : (
                              <span className="muted"> (also {m.aliases.join(', ')})</span>
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

      <h2>DCOC col·legis</h2>
      {collegis.length === 0 ? (
        <p className="muted">No col·legi matches.</p>
      ) : (
        <table className="catalogue-table" aria-label="Col·legis">
          <thead>
            <tr>
              <th scope="col">Checkbox</th>
              <th scope="col">Acronym</th>
              <th scope="col">Col·legi</th>
              <th scope="col">Integration</th>
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
                <td>{c.integration ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

export function CataloguePage() {
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
        <h1>The catalogue file has a mistake</h1>
        <pre className="warning">{loaded.error}</pre>
      </main>
    );
  return <Catalogue data={loaded.data} />;
}
