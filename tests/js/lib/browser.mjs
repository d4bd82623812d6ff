// A bot process and Debian's headless Chromium for one Web Chat test file: started before its tests, stopped after.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { ingestSeeds, startBot } from './bot-process.mjs';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Registers before/after hooks; the returned object's `bot` and `browser` are set once the hooks have run. `args` are the
 * bot's extra settings, or an async function that gives them when the bot starts (e.g. once a fake service it needs listens);
 * `seeds` ingests the shipped seeds into its database first. */
export function useBotAndBrowser({ args = [], seeds = false } = {}) {
  const session = { bot: undefined, browser: undefined };
  before(async () => {
    session.bot = await startBot({ args: typeof args === 'function' ? await args() : args });
    if (seeds) ingestSeeds(session.bot);
    session.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  });
  after(async () => {
    await session.browser?.close();
    await session.bot?.stop();
  });
  return session;
}
