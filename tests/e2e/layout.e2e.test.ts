import { describe, expect, it } from 'vitest';
import { DEMO } from '../../src/proxy/db/demo/demo-data';
import { chromiumAvailable, screenshotPath, TicketPage, onLocalRun } from './harness';

/**
 * The sidebar at the widths Zendesk gives it (320 to 400 px), on the local run in Chromium: every
 * tab visible, nothing wider than the frame unless it sits in its own scroll box (a preview), a
 * check's result table whole, step numbers of two digits inside their margin, no warning in the console.
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
  let t: TicketPage;
  const warnings: string[] = [];
  onLocalRun((page) => {
    t = page;
    page.page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
  });

  /** A screenshot of the app's frame itself, at the width it was given (the page's column is 360 px). */
  const shoot = (options: { path: string }): Promise<Buffer> =>
    t.page.locator('iframe[title="AOC integration assistant"]').first().screenshot(options);

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

  /** The number of steps once the plan stops changing (the request form is read after the ticket). */
  const settledStepCount = async (): Promise<number> => {
    const steps = t.app.locator('li[data-testid^="step-"]');
    await steps.first().waitFor();
    let last = -1;
    for (let same = 0; same < 3;) {
      await t.page.waitForTimeout(500);
      const now = await steps.count();
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return last;
  };

  /** Questions whose Yes and No buttons sit on different lines. */
  const splitYesNo = (): Promise<string[]> =>
    t.app.locator('body').evaluate((body) =>
      [...body.querySelectorAll('.question')]
        .filter((q) => {
          const tops = [...q.querySelectorAll('.yes-no button')].map((b) => Math.round(b.getBoundingClientRect().top));
          return tops.length !== 2 || tops[0] !== tops[1];
        })
        .map((q) => q.getAttribute('aria-label') ?? ''),
    );

  /** Template names that do not show whole (cut by their box, or ellipsed). */
  const cutTemplateNames = (): Promise<string[]> =>
    t.app
      .locator('[data-testid="template-list"]')
      .evaluate((list) =>
        [...list.querySelectorAll('label')]
          .filter(
            (label) =>
              label.scrollWidth > label.clientWidth + 1 ||
              label.scrollHeight > label.clientHeight + 1 ||
              getComputedStyle(label).textOverflow === 'ellipsis',
          )
          .map((label) => label.textContent),
      );

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
      if (shotClassification !== undefined) await shoot({ path: shotClassification });

      await t.tab('Passos');
      const stepCount = await settledStepCount();
      await expectFits('steps');
      // Yes and No of every question side by side, never split over two lines.
      expect(await splitYesNo()).toEqual([]);
      // How far an agent scrolls through the plan: printed, to compare across changes. The bound
      // only catches a return to the unfolded list (about 7400 px at 320 px before steps folded).
      const stepsHeight = await t.app.locator('section[aria-label="Passos"]').evaluate((el) => el.scrollHeight);
      console.log(`steps panel at ${String(width)} px: ${String(stepCount)} steps, ${String(stepsHeight)} px high`);
      expect(stepCount).toBeGreaterThanOrEqual(17);
      expect(stepsHeight).toBeLessThan(5000);
      const shotSteps = screenshotPath(`sidebar-${String(width)}-steps.png`);
      if (shotSteps !== undefined) await shoot({ path: shotSteps });

      await t.tab('Respostes');
      await t.app.getByTestId('reply-preview').waitFor({ state: 'attached' });
      await t.app.getByRole('button', { name: /^Altres respostes/ }).click();
      await expectFits('replies');
      // Every template's whole name shows: wrapped, never cut or ellipsed.
      expect(await cutTemplateNames()).toEqual([]);
      // A reply with long links (help-centre articles, a file on GitHub) wraps them in its preview:
      // the preview scrolls down, never sideways.
      await t.app
        .getByTestId('template-list')
        .locator('label', { hasText: "VO: fi d'alta després de l'homologació (PRE i PRO)" })
        .click();
      await t.app.getByTestId('reply-preview').locator('a').first().waitFor();
      const preview = await t.app
        .getByTestId('reply-preview')
        .evaluate((p) => ({ scrollWidth: p.scrollWidth, clientWidth: p.clientWidth }));
      expect(preview.scrollWidth).toBeLessThanOrEqual(preview.clientWidth + 1);
      const shotReplies = screenshotPath(`sidebar-${String(width)}-replies.png`);
      if (shotReplies !== undefined) await shoot({ path: shotReplies });

      await t.tab('Comprovacions');
      // A check no step of this plan asks: its answer would be shared with the ticket and change
      // the plan the next width measures (the coverage check answers whether all is in PRO).
      await t.app.getByLabel('Comprovació', { exact: true }).selectOption('authorisations:PRO');
      const ine10 = t.app.getByLabel("INE10 de l'ens");
      await ine10.fill(DEMO.barcelona.ine10);
      await t.app.getByRole('button', { name: 'Comprovar' }).click();
      await t.app.getByTestId('check-result').locator('table').first().waitFor();
      await expectFits('checks');
      // The table keeps its columns and shows them all: its codes wrap at their joints, so it
      // never needs a sideways scroll an agent would not know about.
      const table = await t.app.getByTestId('check-result').evaluate((box) => {
        const tableEl = box.querySelector('table');
        const boxRight = box.getBoundingClientRect().right;
        const heads = [...box.querySelectorAll('th')];
        return {
          wider: tableEl === null ? true : tableEl.getBoundingClientRect().right > boxRight + 1,
          headsCut: heads.filter((th) => th.getBoundingClientRect().right > boxRight + 1).map((th) => th.textContent),
          columns: heads.length,
        };
      });
      expect(table.columns).toBeGreaterThanOrEqual(3);
      expect(table).toMatchObject({ wider: false, headsCut: [] });
      const shotChecks = screenshotPath(`sidebar-${String(width)}-checks.png`);
      if (shotChecks !== undefined) await shoot({ path: shotChecks });
    });
  }

  it('leaves no warning in the console (Garden’s, React’s or the app’s)', () => {
    // Vite's own connection messages are logs, not warnings; anything here is the app's.
    expect(warnings).toEqual([]);
  });
});
