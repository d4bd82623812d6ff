// A Bot Framework channel hosted with botbuilder's ChannelServiceRoutes + ChannelServiceHandler: the bot posts its replies
// to it over the Bot Connector REST API, as to the Emulator or Azure Bot Service. Shared by the JS suites.
import botbuilder from 'botbuilder';
import { createServer } from 'node:http';

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
export class RecordingChannel extends ChannelServiceHandler {
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
    this.received.push({ ...entry, id, at: Date.now() });
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

/** A recording channel listening on a free loopback port; resolves to { channel, serviceUrl, close() }. */
export async function startChannel() {
  const channel = new RecordingChannel();
  const server = restifyLikeServer();
  new ChannelServiceRoutes(channel).register(server);
  const serviceUrl = `${await server.listen()}/`;
  return { channel, serviceUrl, close: () => server.close() };
}

/** An activity as a channel sends it to the bot, in <conversationId>, from user-1 to bot-1 (Emulator unless `fields` say). */
export function channelActivity(serviceUrl, conversationId, fields) {
  return {
    id: `in-${Math.random().toString(36).slice(2)}`,
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'user-1', name: 'User' },
    recipient: { id: 'bot-1', name: 'Bot' },
    locale: 'en-GB',
    ...fields,
  };
}

/** POSTs an activity to the bot's /api/messages. */
export function postActivity(bot, body) {
  return fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
