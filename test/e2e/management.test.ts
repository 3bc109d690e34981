/**
 * Management in the app (issue 17), in Chromium: the administrator creates an account (whose user, signing in on a
 * phone with the one-time password, must first choose their own) and disables it, issues an
 * API token (the secret shown once) and revokes it, and renames a court in the vocabulary, which the prosecutor's
 * event form then offers; a change of role that would give access to case data waits for a second administrator.
 * A role other than the administrator sees no management menu and the API refuses it. The police upload versions of
 * a watchlist and see what changed; DT&V may only look. On a phone (390 px) the accounts are cards, every action reachable.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkip, settled, startWorld, type World } from './harness.js';

describe('management in the app (issue 17)', { skip: browserSkip }, () => {
  let world: World;
  before(async () => { world = await startWorld(); });
  after(async () => { await world?.close(); });

  it('the administrator creates an account, disables it, and asks for a role that needs a second administrator', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'admin');
      await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Accounts' }).click();
      await page.locator('main h1', { hasText: 'Accounts' }).waitFor();
      await settled(page);

      await page.getByRole('button', { name: 'Nieuw account' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Gebruikersnaam/).fill('e.proef');
      await dialog.getByLabel(/^Naam/).fill('Eva Proef (fictief)');
      await dialog.getByRole('combobox', { name: /^Rol/ }).click();
      await page.getByRole('option', { name: 'Ministerie' }).click();
      await dialog.getByRole('button', { name: 'Aanmaken' }).click();
      // No password given: a generated one-time password, shown once.
      const shown = page.getByRole('dialog', { name: /Eenmalig wachtwoord voor e\.proef/ });
      const password = await shown.getByLabel('Wachtwoord').inputValue();
      assert.match(password, /^[A-Za-z2-9]{20}$/);
      await shown.getByRole('button', { name: 'Sluiten' }).click();
      await page.getByTestId('accounts-notice').filter({ hasText: 'Account e.proef is aangemaakt.' }).waitFor();

      // The new user, on a phone: the one-time password opens only the page to choose their own, then the app.
      const phone = await world.newPage({ width: 390, height: 844 });
      try {
        await phone.page.goto('/login');
        await phone.page.locator('#username').fill('e.proef');
        await phone.page.locator('#password').fill(password);
        await phone.page.locator('form button[type="submit"]').click();
        await phone.page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).waitFor();
        assert.equal(await phone.page.locator('header nav').count(), 0, 'nothing but the change-password page');
        const form = phone.page.getByRole('form', { name: 'Nieuw wachtwoord kiezen' });
        await form.getByLabel(/Huidig \(tijdelijk\) wachtwoord/).fill(password);
        await form.getByLabel(/^Nieuw wachtwoord/).first().fill('eva-haar-eigen-wachtwoord');
        await form.getByLabel(/Nieuw wachtwoord herhalen/).fill('eva-haar-eigen-wachtwoord');
        await phone.page.getByText('Het wachtwoord van e.proef is door een beheerder ingesteld en is tijdelijk.', { exact: false }).waitFor();
        await phone.page.screenshot({ path: 'docs/screenshots/first-sign-in-phone.png', animations: 'disabled' });
        await form.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
        await phone.page.locator('header').getByRole('button', { name: /menu/i }).or(phone.page.locator('header nav')).first().waitFor();
        await phone.page.locator('main h1').first().waitFor();
        assert.equal(await phone.page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord kiezen' }).count(), 0);
      } finally {
        await phone.context.close();
      }

      // Filter to the new account, then disable it.
      await page.getByLabel('Zoek op naam of gebruikersnaam').fill('proef');
      await page.getByText('1 van').waitFor();
      const actions = page.getByRole('group', { name: 'Acties voor e.proef' });
      await actions.getByRole('button', { name: 'Uitschakelen' }).click();
      await page.getByTestId('accounts-notice').filter({ hasText: 'Account e.proef is uitgeschakeld' }).waitFor();
      await actions.getByRole('button', { name: 'Inschakelen' }).waitFor();
      const row = page.locator('tr', { has: page.locator('[data-account="e.proef"]') });
      assert.match(await row.innerText(), /Uitgeschakeld/);

      // The status filter finds it among the disabled accounts.
      await page.getByLabel('Zoek op naam of gebruikersnaam').fill('');
      await page.getByRole('combobox', { name: /^Status/ }).click();
      await page.getByRole('option', { name: 'Uitgeschakeld' }).click();
      assert.ok((await page.locator('[data-account]').allInnerTexts()).includes('e.proef'));
      await page.getByRole('combobox', { name: /^Status/ }).click();
      await page.getByRole('option', { name: 'Alle' }).click();

      // A role that reads case data: the change waits for a second administrator.
      await actions.getByRole('button', { name: 'Rol wijzigen' }).click();
      const roleDialog = page.getByRole('dialog', { name: /Rol van e\.proef wijzigen/ });
      await roleDialog.getByRole('combobox', { name: /^Rol/ }).click();
      await page.getByRole('option', { name: 'Politie (TIM)' }).click();
      await roleDialog.getByRole('button', { name: 'Opslaan' }).click();
      await page.getByTestId('accounts-notice').filter({ hasText: 'wacht op goedkeuring door een tweede beheerder' }).waitFor();
      await row.getByText('Wacht op goedkeuring door een tweede beheerder').waitFor();
      assert.match(await row.innerText(), /Ministerie/, 'the role is unchanged until approved');
    } finally {
      await context.close();
    }
  });

  it('the administrator issues an API token, sees its secret once with a copy button, and revokes it', async () => {
    const { context, page } = await world.newPage();
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await world.signIn(page, 'admin');
      await page.goto('/admin/tokens');
      await settled(page);
      await page.getByLabel(/^Naam/).fill('rapportagesysteem-proef');
      await page.getByRole('combobox', { name: /^Rol/ }).click();
      await page.getByRole('option', { name: 'Ministerie' }).click();
      await page.getByRole('button', { name: 'Uitgeven' }).click();
      const secretDialog = page.getByRole('dialog', { name: /Het geheim van token rapportagesysteem-proef/ });
      const secret = await secretDialog.getByLabel('Geheim').inputValue();
      assert.ok(secret.length >= 32, `a secret: ${secret.length} characters`);
      await secretDialog.getByRole('button', { name: 'Kopiëren' }).click();
      await secretDialog.getByText('Gekopieerd naar het klembord.').waitFor();
      assert.equal(await page.evaluate('navigator.clipboard.readText()'), secret);
      await secretDialog.getByRole('button', { name: 'Sluiten' }).click();

      // The secret works, until the token is revoked.
      const report = async () => (await fetch(`${world.url}/api/reports/2025`, { headers: { authorization: `Bearer ${secret}` } })).status;
      assert.equal(await report(), 200);
      const row = page.locator('tr', { has: page.locator('[data-token="rapportagesysteem-proef"]') });
      assert.match(await row.innerText(), /Actief/);
      assert.ok(!(await page.locator('main').innerText()).includes(secret), 'the secret is not on the page once closed');
      await row.getByRole('button', { name: 'Token rapportagesysteem-proef intrekken' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Intrekken' }).click();
      await page.getByTestId('tokens-notice').filter({ hasText: 'Token rapportagesysteem-proef is ingetrokken.' }).waitFor();
      // the list is read again after the notice: wait for the row to say so
      await row.getByText(/Ingetrokken op/).waitFor();
      assert.match(await row.innerText(), /Ingetrokken op \d{1,2} [a-z]+ \d{4}/);
      assert.equal(await report(), 401);
    } finally {
      await context.close();
    }
  });

  it('a court renamed by the administrator is offered in the prosecutor\'s event form; a deactivated one is not', async () => {
    const admin = await world.newPage();
    try {
      await world.signIn(admin.page, 'admin');
      await admin.page.goto('/admin/vocabularies');
      await settled(admin.page);
      await admin.page.getByRole('button', { name: 'Rechtbank Zeeland-West-Brabant wijzigen' }).click();
      const dialog = admin.page.getByRole('dialog');
      await dialog.getByLabel(/^Nederlandse naam/).fill('Rechtbank Zeeland-West-Brabant (zittingsplaats Breda)');
      await dialog.getByLabel(/^Engelse naam/).fill('District Court of Zeeland-West-Brabant (Breda)');
      await dialog.getByRole('button', { name: 'Opslaan' }).click();
      await admin.page.getByTestId('vocabulary-notice').waitFor();
      const limburg = admin.page.locator('tr', { has: admin.page.locator('[data-entry="rb-limburg"]') });
      await limburg.getByRole('button', { name: 'Uitschakelen' }).click();
      await limburg.getByText('Niet meer aangeboden').waitFor();
    } finally {
      await admin.context.close();
    }

    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      await page.goto('/cases?kind=criminal&phase=first-instance');
      await page.locator('main tbody tr').first().getByRole('link').first().click();
      await page.locator('[data-testid="current-phase"]').waitFor();
      await settled(page);
      await page.getByRole('button', { name: 'Gebeurtenis toevoegen' }).click();
      await page.getByRole('dialog').getByRole('combobox', { name: /Soort gebeurtenis/ }).click();
      await page.getByRole('option', { name: 'Zitting gepland' }).click();
      // the form for that kind of event, with its court field, once the choice has been taken
      await page.getByRole('dialog').getByRole('combobox', { name: /Soort gebeurtenis/ }).filter({ hasText: 'Zitting gepland' }).waitFor();
      await page.getByRole('combobox', { name: /^Gerecht/ }).click();
      const offered = await page.getByRole('option').allInnerTexts();
      assert.ok(offered.includes('Rechtbank Zeeland-West-Brabant (zittingsplaats Breda)'), offered.join(', '));
      assert.ok(offered.includes('Hoge Raad der Nederlanden'), offered.join(', '));
      assert.ok(!offered.includes('Rechtbank Limburg'), 'a deactivated court is not offered');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').getByRole('button', { name: 'Annuleren', exact: true }).last().click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      // In English the same entry is offered by its English label.
      await page.getByRole('button', { name: /Taal: English/ }).click();
      await page.getByRole('button', { name: 'Add an event' }).click();
      await page.getByRole('dialog').getByRole('combobox', { name: /Kind of event/ }).click();
      await page.getByRole('option', { name: 'Hearing scheduled' }).click();
      await page.getByRole('combobox', { name: /^Court/ }).click();
      assert.ok((await page.getByRole('option').allInnerTexts()).includes('District Court of Zeeland-West-Brabant (Breda)'));
      await page.keyboard.press('Escape');
    } finally {
      await context.close();
    }
  });

  it('another role sees no management menu, and the API refuses it', async () => {
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'prosecutor');
      const nav = await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link').allInnerTexts();
      for (const item of ['Accounts', 'API-tokens', 'Keuzelijsten']) assert.ok(!nav.includes(item), `${item} not in ${nav.join(', ')}`);
      // Requests from the signed-in page, with the session's CSRF token: refused for what the policy does not grant.
      const status = async (path: string, method = 'GET', body?: unknown) => Number(await page.evaluate(`fetch('/api/session').then((r) => r.json()).then((session) =>
        fetch(${JSON.stringify(path)}, { method: ${JSON.stringify(method)}, headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }${body ? `, body: ${JSON.stringify(JSON.stringify(body))}` : ''} }))
        .then((response) => response.status)`));
      assert.equal(await status('/api/accounts'), 403);
      assert.equal(await status('/api/tokens'), 403);
      assert.equal(await status('/api/vocabularies/courts/rb-den-haag', 'PUT', { labelNl: 'Gekaapt', labelEn: 'Hijacked', active: true }), 403);
      // Reading the vocabularies is what the forms need: allowed.
      assert.equal(await status('/api/vocabularies'), 200);
      // The page itself, opened by its address, shows the refusal in words.
      await page.goto('/admin/accounts');
      await settled(page);
      await page.getByTestId('problem').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('the police upload two versions of a watchlist and see what the second changed; DT&V may only look; the administrator has no watchlists', async () => {
    const entries = (...list: object[]) => Buffer.from(list.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
    const { context, page } = await world.newPage();
    try {
      await world.signIn(page, 'police');
      await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Lijsten' }).click();
      await page.locator('main h1', { hasText: 'Lijsten' }).waitFor();
      await settled(page);
      const versions = [
        entries({ id: 'E-1', names: ['Karel Voorbeeld'], birthDates: ['1970-05'], kind: 'person' }, { id: 'E-2', names: ['Stichting Proefwind'], kind: 'organization' }),
        entries({ id: 'E-1', names: ['Karel Voorbeeld', 'Carel Voorbeelt'], birthDates: ['1970-05'], kind: 'person' }, { id: 'E-3', names: ['Anna Fictief'], birthDates: ['1981-04-02'], nationalities: ['BEL'] }),
      ];
      for (const [index, buffer] of versions.entries()) {
        await page.locator('#watchlist-name').fill('e2e-proeflijst');
        await page.locator('#watchlist-files').setInputFiles({ name: `versie-${index + 1}.jsonl`, mimeType: 'application/jsonl', buffer });
        await page.getByRole('button', { name: 'Inlezen' }).click();
        await page.getByTestId('watchlist-imported').filter({ hasText: `versie ${index + 1} ingelezen` }).waitFor();
        await settled(page);
      }
      await page.getByRole('button', { name: 'e2e-proeflijst: Wijzigingen van versie 2 tonen' }).click();
      const changes = page.getByTestId('watchlist-changes');
      await changes.locator('tbody tr').first().waitFor();
      const rows = await changes.locator('tbody tr').allInnerTexts();
      assert.equal(rows.length, 3, rows.join(' | '));
      assert.match(rows.find((row) => row.startsWith('Gewijzigd')) ?? '', /Karel Voorbeeld · Carel Voorbeelt — Persoon — mei 1970.*Karel Voorbeeld — Persoon — mei 1970/s);
      assert.match(rows.find((row) => row.startsWith('Verwijderd')) ?? '', /Stichting Proefwind — Organisatie/);
      assert.match(rows.find((row) => row.startsWith('Toegevoegd')) ?? '', /Anna Fictief — 2 april 1981 — België/);
    } finally {
      await context.close();
    }

    const dtv = await world.newPage();
    try {
      await world.signIn(dtv.page, 'dtv');
      await dtv.page.goto('/watchlists');
      await settled(dtv.page);
      await dtv.page.getByText('Uw rol mag lijsten inzien maar geen nieuwe versie inlezen.').waitFor();
      assert.equal(await dtv.page.locator('#watchlist-files').count(), 0, 'no upload for DT&V');
      await dtv.page.getByRole('heading', { name: 'e2e-proeflijst' }).waitFor();
    } finally {
      await dtv.context.close();
    }

    const admin = await world.newPage();
    try {
      await world.signIn(admin.page, 'admin');
      const nav = await admin.page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link').allInnerTexts();
      assert.ok(!nav.includes('Lijsten'), nav.join(', '));
    } finally {
      await admin.context.close();
    }
  });

  it('on a phone (390 px) the accounts are cards with every action reachable', async () => {
    const { context, page } = await world.newPage({ width: 390, height: 844 });
    try {
      await world.signIn(page, 'admin');
      await page.goto('/admin/accounts');
      await settled(page);
      await page.locator('[data-layout="cards"]').first().waitFor();
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      assert.ok(width <= 390, `no sideways scrolling: ${width} px`);
      const actions = page.getByRole('group', { name: 'Acties voor om.demo' });
      for (const name of ['Uitschakelen', 'Nieuw wachtwoord', 'Rol wijzigen']) {
        const box = await actions.getByRole('button', { name }).boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${name} within the screen: ${JSON.stringify(box)}`);
      }
    } finally {
      await context.close();
    }
  });
});
