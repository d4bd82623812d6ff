// Proves the bot's Bot Framework endpoint against the official `botbuilder` package: a channel hosted with
// botbuilder's ChannelServiceRoutes + ChannelServiceHandler posts activities to our /api/messages (serviceUrl = that
// channel) and receives the bot's replies over the Bot Connector REST API, as the Emulator and Azure Bot Service do.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import botbuilder from 'botbuilder';
import { ingestSeeds, startBot } from './lib/bot-process.mjs';
import { channelActivity, postActivity, startChannel } from './lib/channel.mjs';

const { ActivityTypes } = botbuilder;

describe('Bot Framework channel (botbuilder ChannelServiceRoutes)', () => {
  let channel;
  let serviceUrl;
  let closeChannel;
  let bot;

  before(async () => {
    ({ channel, serviceUrl, close: closeChannel } = await startChannel());
    bot = await startBot();
    ingestSeeds(bot);
  });

  after(async () => {
    await bot?.stop();
    await closeChannel?.();
  });

  const activity = (conversationId, fields) => channelActivity(serviceUrl, conversationId, fields);
  const post = body => postActivity(bot, body);

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
    const question = activity(conversationId, { type: ActivityTypes.Message, text: 'Where did Rutte announce NSATU?' });

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
    const question = activity(conversationId, { type: ActivityTypes.Message, channelId: 'msteams', text: 'Where did Rutte announce NSATU?' });
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
