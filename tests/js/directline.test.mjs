// Drives the bot's Direct Line endpoint with the official botframework-directlinejs client, the way Web Chat and
// custom clients do: by polling, and over the WebSocket stream.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBot } from './lib/bot-process.mjs';
import { ConnectionStatus, DirectLine, collect, generateToken, post } from './lib/directline.mjs';

let bot;

before(async () => {
  bot = await startBot();
});

after(async () => {
  await bot?.stop();
});

const fromBot = (activity) => activity.type === 'message' && activity.from.role === 'bot';

test('directlinejs starts a conversation, gets the welcome, and receives a cited answer to a question', async () => {
  const { token, conversationId } = await generateToken(bot, { user: { id: 'js-user', name: 'Tester' } });
  const directLine = new DirectLine({ token, domain: `${bot.baseUrl}/v3/directline`, webSocket: false, pollingInterval: 250 });
  const statuses = [];
  const statusSubscription = directLine.connectionStatus$.subscribe((status) => statuses.push(status));
  const activities = collect(directLine);
  try {
    const welcome = await activities.waitFor(fromBot, 'welcome message');
    assert.equal(directLine.conversationId, conversationId);
    assert.ok(statuses.includes(ConnectionStatus.Online), 'the client should report Online');
    assert.ok(welcome.suggestedActions.actions.length > 0, 'the welcome should offer suggested questions');
    assert.equal(welcome.channelId, 'webchat');

    const echoed = activities.waitFor((a) => a.channelData?.clientActivityID === 'js-1', 'echo of the question');
    const id = await post(directLine, {
      type: 'message',
      from: { id: 'js-user', name: 'Tester' },
      text: 'Who is the new NATO Secretary General?',
      channelData: { clientActivityID: 'js-1' },
    });
    assert.match(id, new RegExp(`^${conversationId}\\|\\d{7}$`));
    const echo = await echoed;
    assert.equal(echo.id, id);
    assert.equal(echo.from.id, 'js-user');

    const reply = await activities.waitFor((a) => fromBot(a) && a.replyToId === id, 'answer');
    assert.match(reply.text, /Secretary General/, 'the answer should be about the question asked');
    assert.match(reply.text, /^\[1\]: /m, 'the text should end with Markdown reference definitions');
    const message = reply.entities.find((e) => e.type === 'https://schema.org/Message');
    assert.ok(message, 'the reply should carry the schema.org Message entity');
    assert.ok(message.citation.length > 0, 'the entity should list citations');
    assert.equal(message.citation[0]['@type'], 'Claim');
  } finally {
    statusSubscription.unsubscribe();
    activities.stop();
    directLine.end();
  }
});

test('directlinejs over the WebSocket stream gets the welcome and the echo of its own message', async () => {
  const { token } = await generateToken(bot, { user: { id: 'ws-user' } });
  const directLine = new DirectLine({ token, domain: `${bot.baseUrl}/v3/directline`, webSocket: true });
  const activities = collect(directLine);
  try {
    const welcome = await activities.waitFor(fromBot, 'welcome message');
    assert.ok(welcome.text.length > 0);
    assert.match(directLine.streamUrl, /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/.+\/stream\?/);

    const echoed = activities.waitFor((a) => a.channelData?.clientActivityID === 'ws-1', 'echo of the message');
    const reply = activities.waitFor((a) => fromBot(a) && a.replyToId !== undefined, 'reply');
    const id = await post(directLine, { type: 'message', from: { id: 'ws-user' }, text: ' ', channelData: { clientActivityID: 'ws-1' } });
    assert.equal((await echoed).id, id);
    assert.equal((await reply).replyToId, id);
  } finally {
    activities.stop();
    directLine.end();
  }
});

test('a token for one conversation is refused for another', async () => {
  const first = await generateToken(bot, {});
  const second = await generateToken(bot, {});
  const start = await fetch(`${bot.baseUrl}/v3/directline/conversations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${second.token}` },
  });
  assert.equal(start.status, 201);

  const response = await fetch(`${bot.baseUrl}/v3/directline/conversations/${second.conversationId}/activities`, {
    headers: { Authorization: `Bearer ${first.token}` },
  });
  assert.equal(response.status, 403);
  const body = await response.json();
  assert.equal(body.error.code, 'Forbidden');
});
