// A slow language model on loopback speaking the OpenAI chat-completions wire format (POST /v1/chat/completions): it
// answers an answer prompt with the first sentences of passage 1, each cited [1] (so the bot's citation check keeps them),
// streamed as chat.completion.chunk server-sent events, a few characters at a time with a pause between chunks.
import { createServer } from 'node:http';

/** The first `count` sentences of passage 1 of the prompt, each followed by its citation. */
export function citedSentencesOfFirstPassage(prompt, count) {
  const passage = /<passage key="1"[^>]*>\n([\s\S]*?)\n<\/passage>/.exec(prompt)?.[1] ?? '';
  const sentences = passage.split('\n').flatMap(line => line.match(/[^.!?]+(?:[.!?]+["”’)]*|$)/g) ?? []).map(s => s.trim()).filter(s => s.split(' ').length > 3);
  return sentences.slice(0, count).map(s => `${s} [1]`).join(' ');
}

/**
 * Starts the fake model. `reply(userPrompt)` writes the answer (default: three cited sentences of passage 1);
 * `chunkChars` characters go out every `chunkDelayMs`. Resolves to { endpoint, requests, close() }.
 */
export async function startFakeLlm({ reply = prompt => citedSentencesOfFirstPassage(prompt, 3), chunkChars = 6, chunkDelayMs = 60 } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body);
    const user = request.messages.filter(m => m.role === 'user').map(m => (typeof m.content === 'string' ? m.content : m.content.map(p => p.text ?? '').join(''))).join('\n');
    requests.push({ stream: request.stream === true, user, at: Date.now() });
    const text = reply(user);
    const pieces = text.match(new RegExp(`[\\s\\S]{1,${chunkChars}}`, 'g')) ?? [];
    const base = { id: 'chatcmpl-fake', created: Math.floor(Date.now() / 1000), model: request.model ?? 'fake' };
    if (!request.stream) {
      await new Promise(ok => setTimeout(ok, chunkDelayMs * pieces.length));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }));
      return;
    }
    res.setHeader('content-type', 'text/event-stream');
    const send = (delta, finish) => res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
    send({ role: 'assistant', content: '' }, null);
    for (const piece of pieces) {
      await new Promise(ok => setTimeout(ok, chunkDelayMs));
      if (res.destroyed) return;
      send({ content: piece }, null);
    }
    send({}, 'stop');
    res.end('data: [DONE]\n\n');
  });
  await new Promise(ok => server.listen(0, '127.0.0.1', ok));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}/v1`,
    requests,
    close: () => new Promise(ok => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** The bot's settings for answering with the fake model at `endpoint`. */
export function llmArgs(endpoint) {
  return ['--Llm:Provider=OpenAICompatible', '--Llm:Model=fake-gpt', `--Llm:Endpoint=${endpoint}`];
}
