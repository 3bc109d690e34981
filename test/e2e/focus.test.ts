/**
 * A visible focus (WCAG 2.4.7, issue 17): a control the keyboard reaches shows a 3 px outline — buttons included,
 * whose component styles used to reset it to a faint ripple. Checked on the computed style of each control that
 * Tab reaches on a home page with buttons, links and fields.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkip, settled, startWorld, type World } from './harness.js';

interface Focused { tag: string; role: string | null; name: string; outlineStyle: string; outlineWidth: number }

describe('the keyboard focus is visible (issue 17)', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('every control Tab reaches on the police home page shows a solid outline of at least 2 px, buttons too', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await settled(page);
      const seen: Focused[] = [];
      for (let step = 0; step < 25; step++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(`(() => {
          const element = document.activeElement;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          return { tag: element.tagName, role: element.getAttribute('role'), name: (element.getAttribute('aria-label') || element.textContent || '').trim().slice(0, 40),
            outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) };
        })()`) as Focused | null;
        if (focused) seen.push(focused);
      }
      assert.ok(seen.some((control) => control.tag === 'BUTTON'), `Tab reached no button: ${seen.map((control) => control.tag).join(', ')}`);
      const faint = seen.filter((control) => control.tag !== 'INPUT' && (control.outlineStyle !== 'solid' || control.outlineWidth < 2));
      assert.deepEqual(faint.map((control) => `${control.tag} ${control.name}: ${control.outlineStyle} ${control.outlineWidth}px`), []);
    } finally {
      await context.close();
    }
  });
});
