import http from 'node:http';
import { expect, it } from 'vitest';
import { startTestServer } from './testServer.ts';

// Two tests' desks may name the same database (the reference database of one sample) on servers of their own:
// each server must hold its own, or one desk pulls the other test's records (e2e restored-records met
// addis-au's sector entry conflict that way). A server reopened on its number keeps what it held.
it('gives each test server databases of its own, kept when it is reopened on its number', async () => {
  const first = await startTestServer();
  const second = await startTestServer();
  // A fresh connection each request (no keep-alive): the reopened server is a new listener on the same port.
  const request = (url: string, method: string, body?: object) =>
    new Promise<{ status: number; json: { total_rows?: number } }>((resolve, reject) => {
      const sent = http.request(url, { method, agent: false, headers: { 'content-type': 'application/json' } }, (answer) => {
        let text = '';
        answer.on('data', (chunk) => {
          text += chunk;
        });
        answer.on('end', () => resolve({ status: answer.statusCode ?? 0, json: JSON.parse(text) }));
      });
      sent.on('error', reject);
      sent.end(body ? JSON.stringify(body) : undefined);
    });
  const put = async (url: string) => {
    await request(`${url}/shared-reference`, 'PUT');
    return request(`${url}/shared-reference/entry-1`, 'PUT', { title: 'from the first test' });
  };
  const count = async (url: string) => (await request(`${url}/shared-reference/_all_docs`, 'GET')).json.total_rows ?? 0;
  try {
    expect((await put(first.url)).status).toBe(201);
    expect(await count(first.url)).toBe(1);
    expect(await count(second.url)).toBe(0);
  } finally {
    await second.stop();
    await first.stop();
  }
  const reopened = await startTestServer(first.port, first.serverNumber);
  try {
    expect(await count(reopened.url)).toBe(1);
  } finally {
    await reopened.stop();
  }
});
