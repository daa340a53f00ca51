// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CataloguePage } from '../../src/local/CataloguePage';

afterEach(cleanup);

describe('workbench catalogue page', () => {
  it('lists every service, product and col·legi of the catalogue', () => {
    render(<CataloguePage lang="en" />);
    expect(screen.getByTestId('catalogue-counts').textContent).toBe(
      'Showing 21 of 21 services, 38 of 38 products (135 modality codes), 8 of 8 col·legis.',
    );
    expect(screen.getByTestId('product-RCA').textContent).toContain("Registre Central d'Assegurats");
    expect(screen.getByTestId('service-RPC').textContent).toContain('CHK_RPC');
  });

  it('filters by text without accents, by a modality code, by àmbit and by MINHAP', () => {
    render(<CataloguePage lang="en" />);
    const filter = screen.getByLabelText('Filter');
    fireEvent.change(filter, { target: { value: 'padro historic' } });
    expect(screen.queryByTestId('product-PADRO_HISTORIC')).not.toBeNull();
    expect(screen.queryByTestId('product-AEAT')).toBeNull();
    fireEvent.change(filter, { target: { value: 'ECOT104' } });
    expect(screen.queryByTestId('product-AEAT')).not.toBeNull();
    expect(screen.getByTestId('catalogue-counts').textContent).toContain('1 of 38 products');
    fireEvent.change(filter, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Àmbit'), { target: { value: 'AGE' } });
    fireEvent.click(screen.getByLabelText(/MINHAP only/));
    expect(screen.getByTestId('catalogue-counts').textContent).toContain('18 of 38 products');
    expect(screen.queryByTestId('product-AEAT')).toBeNull();
    expect(screen.queryByTestId('product-TGSS_VIDA_LABORAL')).not.toBeNull();
    expect(screen.getByText('No service matches.')).toBeDefined();
  });

  it('speaks Catalan, Spanish or English (translations/*.json), and switches on the page', () => {
    render(<CataloguePage lang="ca-ES" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Catàleg AOC');
    expect(screen.getByTestId('catalogue-counts').textContent).toBe(
      'Es mostren 21 de 21 serveis, 38 de 38 productes (135 codis de modalitat), 8 de 8 col·legis.',
    );
    expect(screen.getByTestId('product-TFN').textContent).toContain('Títol de família nombrosa');
    fireEvent.change(screen.getByLabelText('Idioma'), { target: { value: 'es' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Catálogo AOC');
    expect(screen.getByTestId('product-TFN').textContent).toContain('Título de familia numerosa');
    expect(screen.getByRole('table', { name: 'Productos' })).toBeDefined();
    fireEvent.change(screen.getByLabelText('Idioma'), { target: { value: 'en' } });
    expect(screen.getByLabelText('Filter')).toBeDefined();
  });
});
