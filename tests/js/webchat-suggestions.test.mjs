// Web Chat in headless Chromium: every question the welcome suggests is clicked in turn, and each one must come back as
// a cited answer (not "I couldn't find that"); the sources list names publisher and date where the briefing has them.
// Saves artifacts/webchat-suggestion-N.png for each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/bot-process.mjs';
import { useBotAndBrowser } from './lib/browser.mjs';

const session = useBotAndBrowser();

test('every welcome suggestion, clicked, is answered with sources that name publisher and date', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${session.bot.baseUrl}/`);
  await page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: 30_000 });
  await page.locator('.webchat__suggested-action').first().waitFor({ timeout: 30_000 });
  const labels = await page.locator('.webchat__suggested-action').allInnerTexts();
  assert.ok(labels.length >= 2, `the welcome should suggest questions, got ${labels.length}`);
  for (const label of labels) {
    assert.ok(!label.includes('…'), `a suggestion label should not be cut: ${label}`);
  }

  mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
  for (const [i, label] of labels.entries()) {
    // After an answer the welcome's buttons are gone: ask the same question through the send box.
    const answers = page.locator('.webchat__basic-transcript__activity', { has: page.locator('.webchat__link-definitions') });
    const before = await answers.count();
    if (i === 0) {
      await page.locator('.webchat__suggested-action', { hasText: label }).click();
    } else {
      const input = page.locator('[data-id="webchat-sendbox-input"]');
      await input.fill(label.trim());
      await input.press('Enter');
    }

    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector).length > count,
      ['.webchat__basic-transcript__activity .webchat__link-definitions', before],
      { timeout: 60_000 });
    const answer = answers.last();
    const text = await answer.locator('.webchat__bubble__content').first().innerText();
    assert.doesNotMatch(text, /couldn't find/i, `"${label}" should be answered`);
    const source = (await answer.locator('.webchat__link-definitions__list-item').first().innerText()).trim();
    assert.match(source, /— .*\d{4}/, `the source of "${label}" should name its publisher or date: ${source}`);
    await page.screenshot({ path: join(repoRoot, `artifacts/webchat-suggestion-${i + 1}.png`) });
  }

  assert.deepEqual(problems, []);
  await page.close();
});
