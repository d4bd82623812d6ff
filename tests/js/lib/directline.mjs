// The official botframework-directlinejs client in Node, and helpers to watch what it receives. Shared by the JS suites.
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

// directlinejs talks through rxjs' ajax, which needs XMLHttpRequest, and refers to a global WebSocket even when it polls;
// Node 20 has neither, so xhr2 and ws stand in.
globalThis.XMLHttpRequest = XMLHttpRequest;
globalThis.WebSocket = WebSocket;
export const { DirectLine, ConnectionStatus } = (await import('botframework-directlinejs')).default;

export async function generateToken(bot, body) {
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
export function collect(directLine) {
  const seen = [];
  const waiters = [];
  const arrivals = [];
  const subscription = directLine.activity$.subscribe((activity) => {
    seen.push(activity);
    arrivals.push({ activity, at: Date.now() });
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
    /** Every activity so far with the time it arrived (ms). */
    arrivals: () => [...arrivals],
    stop: () => subscription.unsubscribe(),
  };
}

export function post(directLine, activity) {
  return new Promise((resolve, reject) => directLine.postActivity(activity).subscribe(resolve, reject));
}
