// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Workbench } from '../../src/local/Workbench';
import { SAMPLE_TICKETS } from '../../src/local/samples';

afterEach(cleanup);

describe('classifier workbench', () => {
  it('classifies a picked sample ticket and shows why', () => {
    render(<Workbench samples={SAMPLE_TICKETS} />);
    fireEvent.change(screen.getByLabelText('Sample ticket'), { target: { value: 'd14' } });
    expect(screen.getByTestId('service').textContent).toContain('MUX');
    expect(screen.getByTestId('environment').textContent).toBe('PRO');
    expect(screen.getByTestId('flags').textContent).toContain('SETDIBA');
    expect(screen.getAllByText(/flag SETDIBA/).length).toBeGreaterThan(0);
    expect(screen.getByTestId('step-setdiba.certificat')).toBeDefined();
    expect(screen.getByTestId('step-setdiba.mux-data')).toBeDefined();
  });

  it('reclassifies as the agent types', () => {
    render(<Workbench samples={SAMPLE_TICKETS} />);
    expect(screen.getByTestId('service').textContent).toContain('UNKNOWN');
    fireEvent.change(screen.getByLabelText('Subject'), { target: { value: 'Alta Via Oberta' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Volem integrar el Cadastre.' } });
    fireEvent.change(screen.getByLabelText('Tags (comma separated)'), { target: { value: 'alta_servei' } });
    expect(screen.getByTestId('service').textContent).toContain('VO');
    expect(screen.getByTestId('products').textContent).toContain('CADASTRE');
    expect(screen.getByTestId('flags').textContent).toContain('MINHAP');
  });
});
