// A slow fake language model writes a three-sentence answer over a few seconds. The bot streams it: to Teams (a one-on-one
// chat, recorded by a botbuilder ChannelServiceRoutes channel), to the official directlinejs client over the WebSocket
// stream, and to Web Chat in headless Chromium, whose bubble grows before the final message (screenshots
// artifacts/webchat-stream-N.png). Each question is acknowledged at once.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/bot-process.mjs';
import { useBotAndBrowser } from './lib/browser.mjs';
import { channelActivity, postActivity, startChannel } from './lib/channel.mjs';
import { DirectLine, collect, generateToken, post } from './lib/directline.mjs';
import { llmArgs, startFakeLlm } from './lib/fake-llm.mjs';

const question = 'What support for Ukraine did defence ministers discuss?';
let llm;
let teams;

const session = useBotAndBrowser({
  args: async () => {
    llm = await startFakeLlm();
    teams = await startChannel();
    return [...llmArgs(llm.endpoint), '--Bot:TypingIntervalSeconds=1'];
  },
  seeds: true,
});
after(async () => {
  await teams?.close();
  await llm?.close();
});

const streamInfo = activity => activity.entities?.find(e => e.type === 'streaminfo');

/** Each text starts with the one before and is longer. */
function assertGrowing(texts) {
  for (let i = 1; i < texts.length; i++) {
    assert.ok(texts[i].length > texts[i - 1].length && texts[i].startsWith(texts[i - 1]), `update ${i + 1} should extend update ${i}`);
  }
}

test('Teams one-on-one chat: acknowledged at once, then "Searching the briefings…", growing text at most once a second, and the final message with citations', async () => {
  const conversationId = 'a:teams-personal-stream';
  const message = channelActivity(teams.serviceUrl, conversationId, {
    type: 'message', channelId: 'msteams', text: question, conversation: { id: conversationId, conversationType: 'personal', tenantId: 't-1' },
  });

  const started = Date.now();
  const response = await postActivity(session.bot, message);
  const acknowledgedMs = Date.now() - started;

  assert.equal(response.status, 200);
  assert.ok(acknowledgedMs < 1000, `acknowledged after ${acknowledgedMs} ms`);
  assert.ok(!teams.channel.in(conversationId).some(r => r.activity.type === 'message'), 'the answer should come after the acknowledgement');
  const received = await teams.channel.answered(conversationId);
  const updates = received.slice(0, -1);
  const final = received.at(-1);
  const kinds = updates.map(r => streamInfo(r.activity).streamType);
  assert.equal(kinds[0], 'informative');
  assert.equal(updates[0].activity.text, 'Searching the briefings…');
  const streamed = updates.filter(r => streamInfo(r.activity).streamType === 'streaming');
  assert.ok(streamed.length >= 2, `the text should grow over several updates, got ${kinds.join(', ')}`);
  assert.deepEqual(kinds, [...kinds.filter(k => k === 'informative'), ...streamed.map(() => 'streaming')], 'no informative update after streaming began');
  assert.deepEqual(updates.map(r => streamInfo(r.activity).streamSequence), updates.map((_, i) => i + 1));
  assert.equal(streamInfo(updates[0].activity).streamId, undefined);
  for (const r of received.slice(1)) assert.equal(streamInfo(r.activity).streamId, updates[0].id, 'every later activity names the first one as its stream');
  assertGrowing(streamed.map(r => r.activity.text));
  const sentAt = updates.map(r => Date.parse(r.activity.timestamp));
  for (let i = 1; i < updates.length; i++) {
    assert.ok(sentAt[i] - sentAt[i - 1] >= 1000, `updates ${i} and ${i + 1} were sent ${sentAt[i] - sentAt[i - 1]} ms apart`);
  }

  assert.equal(final.activity.type, 'message');
  assert.equal(streamInfo(final.activity).streamType, 'final');
  assert.equal(streamInfo(final.activity).streamSequence, undefined);
  assert.ok(final.activity.text.startsWith(streamed.at(-1).activity.text), 'the final text should carry on from the last update');
  const cited = final.activity.entities.find(e => e['@type'] === 'Message');
  assert.ok(cited.citation.length >= 1, 'the final message should carry its citations');
  assert.deepEqual(cited.additionalType, ['AIGeneratedContent']);
  console.log(`# teams: acknowledged in ${acknowledgedMs} ms; first streamed text ${streamed[0].at - started} ms after the question; `
    + `final after ${final.at - started} ms; ${updates.length} updates`);
});

test('Direct Line (directlinejs over the WebSocket): the POST returns at once, then typing with growing text in channelData (streamType streaming), then the final message', async () => {
  const { token } = await generateToken(session.bot, { user: { id: 'stream-user' } });
  const directLine = new DirectLine({ token, domain: `${session.bot.baseUrl}/v3/directline`, webSocket: true });
  const activities = collect(directLine);
  try {
    await activities.waitFor(a => a.type === 'message' && a.from.role === 'bot', 'welcome message');
    const started = Date.now();
    const id = await post(directLine, { type: 'message', from: { id: 'stream-user' }, text: question });
    const acknowledgedMs = Date.now() - started;
    assert.ok(acknowledgedMs < 1000, `the post took ${acknowledgedMs} ms`);
    const final = await activities.waitFor(a => a.type === 'message' && a.from.role === 'bot' && a.replyToId === id, 'answer');

    const arrivals = activities.arrivals().filter(({ activity }) => activity.from.role === 'bot' && activity.replyToId === id);
    const streamed = arrivals.filter(({ activity }) => activity.type === 'typing' && typeof activity.text === 'string');
    assert.ok(streamed.length >= 2, `the text should grow over several updates, got ${streamed.length}`);
    assert.ok(streamed.every(({ activity }) => activity.channelData.streamType === 'streaming' && streamInfo(activity).streamType === 'streaming'));
    assert.deepEqual(streamed.map(({ activity }) => activity.channelData.streamSequence), streamed.map((_, i) => i + 1));
    const streamId = streamed[0].activity.id;
    assert.equal(streamed[0].activity.channelData.streamId, undefined);
    assert.ok(streamed.slice(1).every(({ activity }) => activity.channelData.streamId === streamId));
    assertGrowing(streamed.map(({ activity }) => activity.text));
    assert.equal(final.channelData.streamType, 'final');
    assert.equal(final.channelData.streamId, streamId);
    assert.ok(final.text.startsWith(streamed.at(-1).activity.text));
    assert.ok(arrivals.indexOf(arrivals.find(({ activity }) => activity === final)) === arrivals.length - 1, 'nothing of the stream after the final');
    console.log(`# direct line: posted in ${acknowledgedMs} ms; first streamed text ${streamed[0].at - started} ms after the question; `
      + `final after ${arrivals.at(-1).at - started} ms; ${streamed.length} updates`);
  } finally {
    activities.stop();
    directLine.end();
  }
});

test('Web Chat shows the answer growing in its bubble before the final message with its sources', async () => {
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${session.bot.baseUrl}/`);
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.waitFor({ timeout: 30_000 });
  const botBubbles = page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content');
  await botBubbles.first().waitFor({ timeout: 30_000 });
  const before = await botBubbles.count();
  mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });

  const started = Date.now();
  await input.fill(question);
  await input.press('Enter');
  const answer = botBubbles.nth(before);
  const seen = [];
  const deadline = Date.now() + 60_000;
  while ((await page.locator('.webchat__link-definitions').count()) === 0) {
    assert.ok(Date.now() < deadline, 'the final answer should arrive');
    const text = (await answer.count()) > 0 ? (await answer.innerText()).trim() : '';
    if (text && text !== seen.at(-1)?.text && (await page.locator('.webchat__link-definitions').count()) === 0) {
      seen.push({ text, at: Date.now() - started });
      await page.screenshot({ path: join(repoRoot, `artifacts/webchat-stream-${seen.length}.png`) });
    }
    await page.waitForTimeout(50);
  }

  assert.ok(seen.length >= 2, `the bubble should grow before the final message; saw ${seen.length} texts`);
  assertGrowing(seen.map(s => s.text));
  await page.screenshot({ path: join(repoRoot, 'artifacts/webchat-stream-final.png') });
  const finalText = (await answer.innerText()).trim();
  // The final renders its [n] markers as citation links: compare the words.
  const words = text => text.replace(/\[\d+\]|\u200b\d+\u200b/g, ' ').replace(/\s+/g, ' ').trim();
  assert.ok(words(finalText).startsWith(words(seen.at(-1).text)), `the final message should replace the streamed text in the same bubble: ${finalText}`);
  assert.equal(await botBubbles.count(), before + 1, 'one bubble for the streamed answer, not one per update');
  assert.ok((await answer.locator('.webchat__render-markdown__citation').count()) > 0, 'the final message renders its citations');
  assert.deepEqual(problems, []);
  console.log(`# web chat: texts seen at ${seen.map(s => `${s.at} ms`).join(', ')} before the final message`);
  await page.close();
});
