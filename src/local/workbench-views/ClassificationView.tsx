import type { Classification } from '../../domain/classifier';
import { SERVICES, describeProduct, isKnownService } from '../../domain/catalogue';

/**
 * Shows a classification with the evidence behind each value, so that the agent sees why.
 */
export function ClassificationView({ classification }: { classification: Classification }) {
  const c = classification;
  const serviceName = isKnownService(c.service) ? SERVICES[c.service].name : 'Unknown';
  const percent = Math.round(c.confidence * 100);
  return (
    <section aria-label="Classification" className="classification">
      <dl className="facts">
        <dt>Service</dt>
        <dd data-testid="service">
          <strong>{c.service}</strong> <span className="muted">{serviceName}</span>
        </dd>
        <dt>Environment</dt>
        <dd data-testid="environment">{c.environment}</dd>
        <dt>Àmbit</dt>
        <dd data-testid="ambit">{c.ambit}</dd>
        <dt>Products</dt>
        <dd data-testid="products">
          {c.products.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            c.products.map((p) => (
              <div key={p}>
                <span className="chip">{p}</span> <span className="muted">{describeProduct(p)}</span>
              </div>
            ))
          )}
        </dd>
        <dt>Special cases</dt>
        <dd data-testid="flags">
          {c.flags.length === 0 ? (
            <span className="muted">none</span>
          ) : (
            c.flags.map((f) => (
              <span key={f} className="chip flag">
                {f}
              </span>
            ))
          )}
        </dd>
        <dt>Confidence</dt>
        <dd>
          <meter min={0} max={1} value={c.confidence} aria-label="confidence" /> {percent}%
        </dd>
      </dl>
      <h3>Why</h3>
      <table className="evidence">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Words</th>
            <th scope="col">Means</th>
          </tr>
        </thead>
        <tbody>
          {c.evidence.map((e, i) => (
            <tr key={i}>
              <td>{e.field}</td>
              <td>
                <q>{e.text}</q>
              </td>
              <td>{e.means}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
