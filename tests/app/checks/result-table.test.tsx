// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ResultView } from '../../../src/app/checks/ResultView';
import { translator } from '../../../src/app/i18n/i18n';

const t = translator('ca');

const renderTable = (head: string[], rows: string[][]) =>
  render(<ResultView t={t} view={{ kind: 'found', lines: [], table: { head, rows } }} />).container;

describe("a check's result table at the sidebar's width", () => {
  it('lets a register code wrap at its joints, after each _ . and /, and keeps a short value (a date) whole', () => {
    const table = renderTable(
      ['Finalitat'],
      [['SERVEIS_SOCIALS'], ['GESTIO_TRIBUTARIA.PRO'], ['PADRO_GESTIO/PRE'], ['2023-09-01'], ['SCSP_TGSS']],
    );
    const cells = [...table.querySelectorAll('td')];
    expect(cells.map((c) => c.innerHTML)).toEqual([
      'SERVEIS_<wbr>SOCIALS',
      'GESTIO_<wbr>TRIBUTARIA.<wbr>PRO',
      'PADRO_<wbr>GESTIO/<wbr>PRE',
      '<span class="cell-word">2023-09-01</span>',
      'SCSP_<wbr>TGSS',
    ]);
  });

  it('keeps the text an agent copies unchanged, and every column in its header', () => {
    const head = ['Producte', 'Modalitat', 'Finalitat'];
    const rows = [
      ['DGT', 'DGT_DADES_VEHICLE', 'SANCIONS'],
      ['SCSP_TGSS', 'Q0000000ATGSS001B', ''],
    ];
    const table = renderTable(head, rows);
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(head);
    expect(
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    ).toEqual(rows);
    // A code without joints gets no break of its own: the style sheet wraps it if it must.
    expect(table.querySelectorAll('tbody tr')[1]?.querySelector('td:nth-child(2)')?.innerHTML).toBe(
      'Q0000000ATGSS001B',
    );
  });
});
