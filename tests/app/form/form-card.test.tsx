// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FormCard } from '../../../src/app/form/FormCard';
import type { RequestForm, RequestFormState } from '../../../src/app/form/useRequestForm';
import { translator } from '../../../src/app/i18n/i18n';

afterEach(cleanup);

const themed = (node: ReactNode) => render(<ThemeProvider theme={DEFAULT_THEME}>{node}</ThemeProvider>);

function formOf(state: RequestFormState): RequestForm {
  return { state, reading: state.phase === 'read' ? state.reading : undefined, readFile: () => Promise.resolve() };
}

describe('the Formulari card', () => {
  it('offers to drop or pick the PDF when the proxy cannot fetch it', () => {
    themed(
      <FormCard
        form={formOf({
          phase: 'fallback',
          attachment: { id: 1, name: 'f.pdf' },
          problem: { kind: 'featureNotConfigured' },
        })}
        t={translator('ca')}
      />,
    );
    expect(screen.getByText(/no té credencials de l’API/)).toBeDefined();
    expect(screen.getByRole('button', { name: 'Tria el PDF del formulari' })).toBeDefined();
  });

  it('says a scan must be read by eye', () => {
    themed(
      <FormCard
        form={formOf({
          phase: 'read',
          file: 'escaneig.pdf',
          via: 'file',
          reading: { status: 'not-a-form', code: 'NO_XFA', reason: 'no XFA' },
        })}
        t={translator('ca')}
      />,
    );
    expect(screen.getByText(/Cal llegir-lo a ull/)).toBeDefined();
  });
});
