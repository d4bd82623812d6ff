// Drives the bot's Direct Line endpoint with the official botframework-directlinejs client, the way Web Chat and
// custom clients do: by polling, and over the WebSocket stream.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';
import { startBot } from './lib/bot-process.mjs';

// directlinejs talks through rxjs' ajax, which needs XMLHttpRequest, and refers to a global WebSocket even when it polls;
// Node 20 has neither, so xhr2 and ws stand in.
globalThis.XMLHttpRequest = XMLHttpRequest;
globalThis.WebSocket = WebSocket;
const { DirectLine, ConnectionStatus } = (await import('botframework-directlinejs')).default;

let bot;

before(async () => {
  bot = await startBot();
});

after(async () => {
  await bot?.stop();
});

async function generateToken(body) {
  const response = await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200);
  return response.json();
}

/**
 * Keeps one subscription to `activity$` for the whole test (re-subscribing would restart polling and could miss
 * activities that came in the same batch) and lets the test wait for an activity matching a predicate.
 */
function collect(directLine) {
  const seen = [];
  const waiters = [];
  const subscription = directLine.activity$.subscribe((activity) => {
    seen.push(activity);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(activity)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(activity);
      }
    }
  });
  return {
    waitFor(predicate, what, timeoutMs = 60_000) {
      const found = seen.find(predicate);
      if (found) {
        return Promise.resolve(found);
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (activity) => { clearTimeout(timer); resolve(activity); },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No ${what} arrived within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    stop: () => subscription.unsubscribe(),
  };
}

function post(directLine, activity) {
  return new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
}

const fromBot = (activity) => activity.type === 'message' && activity.from.role === 'bot';

test('directlinejs starts a conversation, gets the welcome, and receives a cited answer to a question', async () => {
  const { token, conversationId } = await generateToken({ user: { id: 'js-user', name: 'Tester' } });
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
  const { token } = await generateToken({ user: { id: 'ws-user' } });
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
  const first = await generateToken({});
  const second = await generateToken({});
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
