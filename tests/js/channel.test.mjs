// Proves the bot's Bot Framework endpoint against the official `botbuilder` package: a channel hosted with
// botbuilder's ChannelServiceRoutes + ChannelServiceHandler posts activities to our /api/messages (serviceUrl = that
// channel) and receives the bot's replies over the Bot Connector REST API, as the Emulator and Azure Bot Service do.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import botbuilder from 'botbuilder';
import { botDll, repoRoot, startBot } from './lib/bot-process.mjs';

const { ActivityTypes, ChannelServiceHandler, ChannelServiceRoutes } = botbuilder;

/** The smallest restify-like server ChannelServiceRoutes can register on: verbs, `:param` routes, status/send/end. */
function restifyLikeServer() {
  const routes = [];
  const verb = method => (path, handler) => {
    const keys = [];
    const pattern = path.replace(/:(\w+)/g, (_, key) => (keys.push(key), '([^/]+)'));
    routes.push({ method, regex: new RegExp(`^${pattern}$`), keys, handler });
  };
  const http = createServer((req, res) => {
    const path = req.url.split('?')[0];
    const route = routes.find(r => r.method === req.method && r.regex.test(path));
    if (!route) {
      res.statusCode = 404;
      return res.end();
    }
    const values = route.regex.exec(path).slice(1).map(decodeURIComponent);
    req.params = Object.fromEntries(route.keys.map((key, i) => [key, values[i]]));
    const reply = {
      status: code => (res.statusCode = code),
      send: body => {
        if (typeof body === 'object') {
          res.setHeader('content-type', 'application/json');
          res.write(JSON.stringify(body));
        } else {
          res.write(String(body));
        }
      },
      end: () => res.writableEnded || res.end(),
    };
    route.handler(req, reply, () => {});
  });
  return {
    post: verb('POST'), put: verb('PUT'), get: verb('GET'), delete: verb('DELETE'),
    listen: () => new Promise(ok => http.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${http.address().port}`))),
    close: () => new Promise(ok => http.close(ok)),
  };
}

/** A channel that records what the bot sends it and answers with ResourceResponses, like the Bot Connector. */
class RecordingChannel extends ChannelServiceHandler {
  constructor() {
    // Local channel: authentication off, as in the Emulator's local mode.
    super({ isAuthenticationDisabled: async () => true, isValidAppId: async () => false, getAppPassword: async () => null }, {});
    this.received = [];
  }

  async onSendToConversation(_claims, conversationId, activity) {
    return this.record({ conversationId, activityId: null, activity });
  }

  async onReplyToActivity(_claims, conversationId, activityId, activity) {
    return this.record({ conversationId, activityId, activity });
  }

  record(entry) {
    const id = `channel-${this.received.length + 1}`;
    this.received.push({ ...entry, id });
    return { id };
  }

  in(conversationId) {
    return this.received.filter(r => r.conversationId === conversationId);
  }

  /** What the bot sent in the conversation, once its answer (a message) is there: /api/messages acknowledges a
   * question at once and the answer follows through the Connector. */
  async answered(conversationId, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.in(conversationId).some(r => r.activity.type === ActivityTypes.Message)) {
      if (Date.now() > deadline) throw new Error(`no answer in ${conversationId} within ${timeoutMs} ms`);
      await new Promise(ok => setTimeout(ok, 20));
    }
    return this.in(conversationId);
  }
}

describe('Bot Framework channel (botbuilder ChannelServiceRoutes)', () => {
  const channel = new RecordingChannel();
  const server = restifyLikeServer();
  let serviceUrl;
  let bot;

  before(async () => {
    new ChannelServiceRoutes(channel).register(server);
    serviceUrl = `${await server.listen()}/`;
    bot = await startBot();
    // The shipped seeds, into the running bot's database with the real `ingest` verb.
    const ingest = spawnSync('dotnet', [botDll, 'ingest', '--db', bot.databasePath], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(ingest.status, 0, ingest.stderr);
  });

  after(async () => {
    await bot?.stop();
    await server.close();
  });

  const activity = (conversationId, fields) => ({
    id: `in-${Math.random().toString(36).slice(2)}`,
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'user-1', name: 'User' },
    recipient: { id: 'bot-1', name: 'Bot' },
    locale: 'en-GB',
    ...fields,
  });

  const post = body =>
    fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('a new member gets a welcome with suggested questions through sendToConversation', async () => {
    const conversationId = 'emulator:welcome|1';
    const response = await post(activity(conversationId, { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] }));

    assert.equal(response.status, 200);
    const [welcome] = channel.in(conversationId);
    assert.equal(welcome.activityId, null);
    assert.equal(welcome.activity.type, ActivityTypes.Message);
    assert.match(welcome.activity.text, /I know \d+ briefings/);
    const actions = welcome.activity.suggestedActions.actions;
    assert.ok(actions.length >= 3 && actions.length <= 4, `expected 3-4 suggestions, got ${actions.length}`);
    assert.ok(actions.every(a => a.type === 'imBack' && a.value));
  });

  test('a question is acknowledged at once, then gets typing and a reply to that activity with a sources list (Emulator rendering)', async () => {
    const conversationId = 'emulator:conversation/1 with spaces';
    const question = activity(conversationId, { type: ActivityTypes.Message, text: 'Who might succeed Stoltenberg as NATO chief?' });

    const response = await post(question);

    assert.equal(response.status, 200);
    const [typing, reply] = await channel.answered(conversationId);
    assert.equal(typing.activity.type, ActivityTypes.Typing);
    assert.equal(reply.activity.type, ActivityTypes.Message);
    assert.equal(reply.activityId, question.id);
    assert.equal(reply.activity.replyToId, question.id);
    assert.deepEqual([reply.activity.from.id, reply.activity.recipient.id], ['bot-1', 'user-1']);
    assert.match(reply.activity.text, /\[1\]/);
    assert.match(reply.activity.text, /\*\*Sources\*\*/);
  });

  test('in Teams the reply carries one citation entity and feedback is answered per the invoke protocol', async () => {
    const conversationId = 'a:teams-conversation';
    const question = activity(conversationId, { type: ActivityTypes.Message, channelId: 'msteams', text: 'Who might succeed Stoltenberg as NATO chief?' });
    await post(question);
    const reply = (await channel.answered(conversationId)).find(r => r.activity.type === ActivityTypes.Message);

    assert.equal(reply.activity.entities.length, 1);
    const [message] = reply.activity.entities;
    assert.equal(message['@type'], 'Message');
    assert.ok(message.citation.length >= 1);
    assert.deepEqual(reply.activity.channelData.feedbackLoop, { type: 'default' });
    assert.equal(reply.activity.channelData.feedbackLoopEnabled, undefined);
    assert.equal(reply.activity.inputHint, 'acceptingInput');

    const invoke = await post(activity(conversationId, {
      type: ActivityTypes.Invoke,
      channelId: 'msteams',
      name: 'message/submitAction',
      replyToId: reply.id,
      value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: JSON.stringify({ feedbackText: 'Clear and sourced' }) } },
    }));
    assert.equal(invoke.status, 200);
    const body = await invoke.json();
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.activity.message');
  });

  test('expectReplies returns the replies in the HTTP response and sends nothing to the channel', async () => {
    const conversationId = 'expect-replies-1';
    const response = await post(activity(conversationId, { type: ActivityTypes.Message, text: 'Hello?', deliveryMode: 'expectReplies' }));

    assert.equal(response.status, 200);
    const { activities } = await response.json();
    assert.deepEqual(activities.map(a => a.type), [ActivityTypes.Typing, ActivityTypes.Message]);
    assert.equal(channel.in(conversationId).length, 0);
  });

  test('a malformed activity is refused with 400 and a reason', async () => {
    const response = await post({ type: 'message', channelId: 'emulator', serviceUrl, from: { id: 'u' } });

    assert.equal(response.status, 400);
    assert.match((await response.json()).error, /conversation\.id/);
  });
});
