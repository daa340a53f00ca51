import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import {
  chromiumAvailable,
  launchBrowser,
  screenshotPath,
  startLocalRun,
  TicketPage,
  type Browser,
  type LocalRun,
} from './harness';

/**
 * The sidebar at the widths Zendesk gives it (320 to 400 px), on the local run in Chromium: every
 * tab visible, nothing wider than the frame unless it sits in its own scroll box (a result
 * table, a preview), step numbers of two digits inside their margin, no warning in the console.
 * `UPDATE_SCREENSHOTS=1` writes the README's narrow screenshots.
 */
const available = chromiumAvailable('layout.e2e.test.ts');
const WIDTHS = [320, 400] as const;

/** What overflows the frame, measured in the app's document. */
interface Overflow {
  readonly documentWider: boolean;
  readonly tabsHidden: readonly string[];
  readonly outside: readonly string[];
  readonly clippedNumbers: readonly string[];
}

describe.runIf(available)('sidebar layout at 320 and 400 px', () => {
  let run: LocalRun | undefined;
  let browser: Browser | undefined;
  let t: TicketPage;
  const warnings: string[] = [];

  beforeAll(async () => {
    run = await startLocalRun();
    browser = await launchBrowser();
    t = new TicketPage(browser.page, run.pageUrl);
    browser.page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    await t.warmUp();
  });

  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });

  const setWidth = async (width: number): Promise<void> => {
    await t.page.evaluate((w) => {
      for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe[title="AOC integration assistant"]'))
        frame.style.width = `${String(w)}px`;
    }, width);
  };

  /** Everything in the app's document that reaches past the frame's width and is not in a scroll box of its own. */
  const overflow = (): Promise<Overflow> =>
    t.app.locator('body').evaluate((body): Overflow => {
      const width = document.documentElement.clientWidth;
      const scrollsItself = (el: Element | null): boolean => {
        for (let e = el; e !== null && e !== body; e = e.parentElement) {
          const x = getComputedStyle(e).overflowX;
          if (x === 'auto' || x === 'scroll' || x === 'hidden') return true;
        }
        return false;
      };
      // The class attribute, not className, which is an object on SVG elements.
      const describe = (el: Element): string => {
        const classes = (el.getAttribute('class') ?? '').trim();
        const selector = `${el.tagName.toLowerCase()}${classes === '' ? '' : `.${classes.split(/\s+/).join('.')}`}`;
        return `${selector} "${el.textContent.trim().slice(0, 40)}"`;
      };
      const outside = [...body.querySelectorAll('*')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > width + 1 && !scrollsItself(el.parentElement);
        })
        .map(describe);
      const tabsHidden = [...body.querySelectorAll('[role="tab"]')]
        .filter((tab) => {
          const r = tab.getBoundingClientRect();
          return r.width === 0 || r.left < 0 || r.right > width + 1 || tab.scrollWidth > tab.clientWidth + 1;
        })
        .map(describe);
      // A list's numbers sit in its left padding: the widest number must fit in it.
      const clippedNumbers = [...body.querySelectorAll('ol')]
        .filter((ol) => {
          const count = ol.querySelectorAll(':scope > li').length;
          if (count < 10) return false;
          const probe = document.createElement('span');
          probe.textContent = `${String(count)}.`;
          probe.style.position = 'absolute';
          probe.style.visibility = 'hidden';
          probe.style.font = getComputedStyle(ol.querySelector(':scope > li') ?? ol).font;
          body.appendChild(probe);
          const needed = probe.getBoundingClientRect().width;
          probe.remove();
          return parseFloat(getComputedStyle(ol).paddingLeft) < needed + 4;
        })
        .map(describe);
      return {
        documentWider: document.documentElement.scrollWidth > width + 1,
        tabsHidden,
        outside,
        clippedNumbers,
      };
    });

  const expectFits = async (where: string): Promise<void> => {
    const o = await overflow();
    expect({ where, ...o }).toEqual({ where, documentWider: false, tabsHidden: [], outside: [], clippedNumbers: [] });
  };

  for (const width of WIDTHS) {
    it(`${String(width)} px: a long MINHAP plan, its reply and a check's result table fit the frame`, async () => {
      // A fresh page: the app opens on its first tab.
      await t.page.goto(t.url);
      await t.open('d29');
      await setWidth(width);
      await expectFits('classification');
      const shotClassification = screenshotPath(`sidebar-${String(width)}-classification.png`);
      if (shotClassification !== undefined) await t.page.locator('.sidebar').screenshot({ path: shotClassification });

      await t.tab('Passos');
      await t.app.locator('li[data-testid^="step-"]').first().waitFor();
      await expectFits('steps');
      const shotSteps = screenshotPath(`sidebar-${String(width)}-steps.png`);
      if (shotSteps !== undefined) await t.page.locator('.sidebar').screenshot({ path: shotSteps });

      await t.tab('Respostes');
      await t.app.getByTestId('reply-preview').waitFor({ state: 'attached' });
      await expectFits('replies');

      await t.tab('Comprovacions');
      const ine10 = t.app.getByLabel("INE10 de l'ens");
      await ine10.fill(DEMO.barcelona.ine10);
      await t.app.getByRole('button', { name: 'Comprovar' }).click();
      await t.app.getByTestId('check-result').locator('table').first().waitFor();
      await expectFits('checks');
      const shotChecks = screenshotPath(`sidebar-${String(width)}-checks.png`);
      if (shotChecks !== undefined) await t.page.locator('.sidebar').screenshot({ path: shotChecks });
    });
  }

  it('leaves no warning in the console (Garden’s, React’s or the app’s)', () => {
    // Vite's own connection messages are logs, not warnings; anything here is the app's.
    expect(warnings).toEqual([]);
  });
});
