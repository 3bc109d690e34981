/**
 * Dutch throughout, and English throughout (issue 17): the main pages of every role, in both languages, show no
 * untranslated label key, raw event or rule code, ISO date, internal event id or command line. A page that shows
 * one fails with the page, the language and the offending text.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkip, settled, startWorld, type DemoRole, type World } from './harness.js';

const PAGES: Record<DemoRole, readonly string[]> = {
  police: ['/', '/inbox', '/cases?kind=criminal', '/cases/criminal/SZ-2023-001', '/victims', '/screening'],
  prosecutor: ['/', '/inbox', '/cases?kind=criminal', '/cases/criminal/SZ-2015-001', '/victims'],
  'ind-1f': ['/', '/inbox', '/cases?kind=exclusion', '/cases/exclusion/IF-2024-012'],
  dtv: ['/', '/inbox', '/cases?kind=departure'],
  ministry: ['/', '/report'],
  admin: ['/'],
  auditor: ['/', '/access-log'],
};

/** What a user must never read: each with what it is, for the failure message. */
const RAW: readonly [string, RegExp][] = [
  ['event code', /\b(?:criminal|exclusion|extradition|departure|intake|mla|person|evidence|victim|retention)\.[a-z]+(?:-[a-z]+)*\b/],
  ['ISO date', /\b\d{4}-\d{2}-\d{2}\b/],
  ['label key', /\b(?:common|nav|home|casePage|caseList|report|victims|screening|evidence|field|value|phase|problemCode|problemReason|inbox)\.[a-zA-Z]+\b/],
  ['event id', /\bev-\d{4,}\b/],
  ['policy action', /\b(?:stream\.read|events\.append|report\.read|allowed|denied)\b/],
  ['unreviewed marker', /\(verify\)/],
  ['command line', /\bimketen [a-z]+ /],
  ['missing value', /\b(?:undefined|NaN|null)\b|\[object Object\]/],
];

async function offences(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return RAW.flatMap(([what, pattern]) => {
    const found = text.match(new RegExp(pattern.source, 'g'));
    return found ? [`${what}: ${[...new Set(found)].slice(0, 5).join(', ')}`] : [];
  });
}

describe('every main page in Dutch and in English (issue 17)', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  for (const [role, paths] of Object.entries(PAGES) as [DemoRole, readonly string[]][]) {
    it(`${role}: no raw code, key, ISO date or command on ${paths.length} pages, in either language`, async () => {
      const { context, page } = await world.newPage();
      try {
        await world.signIn(page, role);
        const found: string[] = [];
        for (const language of ['nl', 'en'] as const) {
          await page.evaluate(`localStorage.setItem('imketen.language', '${language}')`);
          for (const path of paths) {
            await page.goto(path);
            await settled(page);
            assert.equal(await page.locator('html').getAttribute('lang'), language);
            found.push(...(await offences(page)).map((offence) => `${language} ${path}: ${offence}`));
          }
        }
        assert.deepEqual(found, []);
      } finally {
        await context.close();
      }
    });
  }
});
