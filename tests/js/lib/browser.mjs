// A bot process and Debian's headless Chromium for one Web Chat test file: started before its tests, stopped after.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startBot } from './bot-process.mjs';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/** Registers before/after hooks; the returned object's `bot` and `browser` are set once the hooks have run. */
export function useBotAndBrowser() {
  const session = { bot: undefined, browser: undefined };
  before(async () => {
    session.bot = await startBot();
    session.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  });
  after(async () => {
    await session.browser?.close();
    await session.bot?.stop();
  });
  return session;
}
