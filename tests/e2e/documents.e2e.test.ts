import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { describeWithLibreOffice, sheetAsCsv } from '../documents/helpers/libreoffice';
import { chromiumAvailable, TicketPage, onLocalRun } from './harness';

/**
 * The documents on the local run, in Chromium, as an agent gets them: a MINHAP ticket's steps tab
 * → the MINHAP step's Documents section → the filled Excel downloaded, and the tracking rows'
 * .xlsx; each downloaded file is opened in LibreOffice (`soffice --headless --convert-to csv`)
 * and its cells checked. Without soffice the suite is skipped locally and fails under CI.
 */
const available = chromiumAvailable('documents.e2e.test.ts');

describe.runIf(available)('documents on the local run', () => {
  describeWithLibreOffice('downloaded and read back in LibreOffice', () => {
    let t: TicketPage;
    onLocalRun((page) => {
      t = page;
    }, 300_000);

    const download = async (click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> => {
      const event = t.page.waitForEvent('download');
      await click();
      const file = await event;
      const path = await file.path();
      return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
    };

    it('MINHAP ticket: the steps tab downloads the filled Excel and the tracking rows; LibreOffice reads their cells', async () => {
      await t.open('d08');
      expect(await t.text('flags')).toBe('MINHAP');
      await t.tab('Passos');
      const section = (await t.openDocument('vo-pre.minhap-excel')).getByTestId('documents-minhap');
      await section.waitFor();
      await section.getByLabel(/^Organismo Solicitante/).fill('Ajuntament de Barcelona');
      await section.getByLabel(/^NIF \(CIF/).fill(DEMO.barcelona.cif);
      await section.getByLabel(/^INE10 de l’ens/).fill(DEMO.barcelona.ine10);
      // The Cadastre modality the Excel asks for (ticked already when the ticket names it).
      const modality = section.getByRole('checkbox', { name: /DADES_CADASTRALS/ });
      if (!(await modality.isChecked())) await modality.check({ force: true });
      const file = await download(() => section.getByRole('button', { name: 'Generar i descarregar l’Excel' }).click());
      expect(file.name).toBe('Plantilla-Procedimientos-Administrativos.xlsx');
      const rows = await sheetAsCsv(file.bytes, 2);
      expect(rows[0]?.slice(0, 7)).toEqual([
        'Organismo Solicitante',
        'NIF',
        'DIR3',
        'Código de Procedimiento',
        'Denominación del Procedimiento',
        'Cedente',
        'Servicio',
      ]);
      const filled = rows.slice(1).filter((r) => r.some((c) => c !== ''));
      expect(filled.length).toBeGreaterThan(0);
      for (const row of filled) {
        expect(row.slice(0, 4)).toEqual(['Ajuntament de Barcelona', 'P0801900B', 'L01080193', '0801930008_PROVES']);
        expect(row[5]).toBe('Dirección General del Catastro');
      }

      // The same ticket's tracking rows (VO Pas 1), as the .xlsx the proxy makes.
      const tracking = (await t.openDocument('vo-pre.seguiment')).getByTestId('documents-tracking-vo');
      await tracking.waitFor();
      const ticket = await t.ticketId('d08');
      const sheet = await download(() => tracking.getByRole('button', { name: 'Baixa l’.xlsx (amb SIRI)' }).click());
      expect(sheet.name).toBe(`seguiment-via-oberta-${String(ticket)}.xlsx`);
      const tracked = await sheetAsCsv(sheet.bytes, 1);
      expect(tracked[0]).toEqual([
        'Data',
        'Tiquet',
        'Ens',
        'INE10',
        'CIF',
        'Entorn',
        'Codi producte',
        'Producte',
        'Codi modalitat',
        'Modalitat',
        'Codi finalitat',
        'Finalitat',
        'Estat',
      ]);
      const lines = tracked.slice(1).filter((r) => r.some((c) => c !== ''));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines.map((r) => r[5])).toEqual(expect.arrayContaining(['PRE', 'PRO']));
      for (const line of lines) {
        expect(line[1]).toBe(String(ticket));
        expect(line[6]).toMatch(/^CADASTRE/);
        expect(line[0]).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      }
    }, 300_000);
  });
});
