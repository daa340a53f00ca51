import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './workbench.css';

const element = document.getElementById('root');
if (element === null) throw new Error('The page has no #root element.');
const root = createRoot(element);
const show = (node: ReactNode) => {
  root.render(<StrictMode>{node}</StrictMode>);
};

// workbench.html#catalogue is the catalogue page. Both pages load on demand: the classifier
// workbench needs a valid catalogue file, while the catalogue page shows the file's mistakes.
async function route(): Promise<void> {
  try {
    if (window.location.hash === '#catalogue') {
      const { CataloguePage } = await import('./CataloguePage');
      show(<CataloguePage />);
    } else {
      const [{ Workbench }, { SAMPLE_TICKETS }] = await Promise.all([import('./Workbench'), import('./samples')]);
      show(<Workbench samples={SAMPLE_TICKETS} />);
    }
  } catch (error) {
    show(
      <main className="catalogue" role="alert">
        <h1>The page could not start</h1>
        <pre className="warning">{error instanceof Error ? error.message : String(error)}</pre>
        <p>
          <a href="#catalogue">Open the catalogue page</a> to see whether the catalogue file has a mistake.
        </p>
      </main>,
    );
  }
}
window.addEventListener('hashchange', () => void route());
void route();
