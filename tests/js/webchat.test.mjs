// Opens the bot's own page in headless Chromium: Web Chat from the local bundle, talking to our Direct Line.
// Asks a question through the send box and checks the answer and its rendered citations; saves artifacts/webchat.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/bot-process.mjs';
import { useBotAndBrowser } from './lib/browser.mjs';

const session = useBotAndBrowser();

test('the page shows the title, welcomes the user, and answers a question with rendered citations', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = [];
  const sockets = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await page.goto(`${session.bot.baseUrl}/`);

  await assert.doesNotReject(page.getByRole('heading', { name: 'NatoBriefBot — cited answers from NATO defence briefings' }).waitFor());
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.waitFor({ timeout: 30_000 });
  const welcome = page.locator('.webchat__basic-transcript__activity').first();
  await welcome.waitFor({ timeout: 30_000 });
  assert.ok((await page.locator('.webchat__suggested-action').count()) > 0, 'the welcome should show suggested questions');

  await input.fill('Who is the new NATO Secretary General?');
  await input.press('Enter');

  const answer = page.locator('.webchat__basic-transcript__activity', { has: page.locator('.webchat__link-definitions') }).last();
  await answer.waitFor({ timeout: 60_000 });
  const text = await answer.locator('.webchat__bubble__content').first().innerText();
  assert.match(text, /Secretary General/);
  const firstSource = answer.locator('.webchat__link-definitions__list-item').first();
  assert.ok(await firstSource.isVisible(), 'the answer should list its sources under the text');
  assert.ok((await firstSource.innerText()).trim().length > 0, 'a source should show its title');
  assert.ok((await answer.locator('.webchat__render-markdown__citation').count()) > 0, 'the [n] markers should render as citations');
  assert.ok((await answer.locator('.webchat__thumb-button').count()) >= 2, 'the answer should offer like/dislike feedback');
  assert.equal(await page.getByText('Send failed').count(), 0, 'the question should show as sent');

  mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'artifacts/webchat.png') });

  await answer.locator('.webchat__render-markdown__citation').first().click();
  const dialog = page.locator('.webchat__citation-modal-dialog');
  await dialog.waitFor({ timeout: 10_000 });
  assert.ok((await dialog.locator('.webchat__citation-modal-dialog__body').innerText()).trim().length > 20, 'the citation should open its passage');
  const heading = (await dialog.innerText()).replace((await dialog.locator('.webchat__citation-modal-dialog__body').innerText()), '');
  assert.match(heading, /\u2014 .*\d{4}/, `the pop-up's title should name the briefing's publisher and date: ${heading}`);
  await page.screenshot({ path: join(repoRoot, 'artifacts/webchat-citation.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: 10_000 });

  const feedbackPosted = page.waitForResponse((response) => response.request().method() === 'POST'
    && response.url().endsWith('/activities') && response.request().postData().includes('webchat:activity-status/feedback'));
  await answer.locator('.webchat__thumb-button').first().click();
  assert.equal((await feedbackPosted).status(), 200, 'the like should reach the bot through Direct Line');
  assert.ok(sockets.some((url) => url.includes('/v3/directline/conversations/') && url.includes('/stream?')), 'Web Chat should use the stream');
  assert.deepEqual(problems, []);
  await page.close();
});

test('without the Web Chat bundle the page says what is missing and what to run', async () => {
  const page = await session.browser.newPage();
  await page.route('**/lib/webchat.js*', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`${session.bot.baseUrl}/`);

  const problem = page.getByRole('alert');
  await problem.waitFor({ timeout: 10_000 });
  const text = await problem.innerText();
  assert.match(text, /Web Chat bundle/);
  assert.match(text, /dotnet build src\/NatoBriefBot/);
  assert.match(text, /npm ci/);
  assert.equal(await page.locator('#webchat').isVisible(), false);
  await page.close();
});
