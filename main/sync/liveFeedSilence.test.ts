import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Pouch, watchDatabase } from './replication.ts';
import { startSilentServer, startTestServer } from './testServer.ts';

// The desk listens to each shared database's changes feed between rounds, so a colleague's edit arrives within
// moments. A server that lost its power or network mid-wait sends no reset: the feed's request waited for Node's
// own five-minute limit, during which nothing a colleague saved was heard. The server sends a newline every
// heartbeat while it has nothing to tell: a few heartbeats of silence now count it as away.

/** Heartbeats a fifth of a second apart: the feed gives up after three of them unheard. */
const heartbeatMs = 200;

/**
 * A TCP relay to `port` on 127.0.0.1 that counts the heartbeats passing through it (a newline sent alone, in
 * HTTP's chunked framing), and tells `onHeartbeats` each new count.
 */
async function countingRelay(port: number, onHeartbeats: (count: number) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  let heartbeats = 0;
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const server = net.connect(port, '127.0.0.1');
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.pipe(server);
    server.on('data', (chunk: Buffer) => {
      heartbeats += chunk.toString('latin1').split('1\r\n\n\r\n').length - 1;
      client.write(chunk);
      onHeartbeats(heartbeats);
    });
    server.on('close', () => client.destroy());
    client.on('close', () => server.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}

describe('the live feed of a shared database', () => {
  it('tells a server that takes the connection and never answers, within a few heartbeats, as a server away', async () => {
    const silent = await startSilentServer();
    let stop: () => void = () => undefined;
    try {
      const started = Date.now();
      const error = await new Promise<unknown>((resolve) => {
        stop = watchDatabase(`${silent.url}/sherpa-reference`, {}, () => undefined, resolve, heartbeatMs);
      });
      // Node's own limit was five minutes; the test's own is twenty seconds.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(error).toMatchObject({ cause: { code: 'ETIMEDOUT' } });
    } finally {
      stop();
      await silent.stop();
    }
  });

  it('keeps listening while the heartbeats arrive, through a wait longer than its limit, and tells a change', async () => {
    const server = await startTestServer();
    const database = server.database('live-feed');
    const writer = new Pouch(database, { adapter: 'http' });
    await writer.info();
    let heard: (count: number) => void = () => undefined;
    const relay = await countingRelay(server.port, (count) => heard(count));
    let changed: () => void = () => undefined;
    const change = new Promise<void>((resolve) => {
      changed = resolve;
    });
    let failed: (error: unknown) => void = () => undefined;
    // A feed that gave up is told as its error, at once, not as a change or a heartbeat that never comes.
    const failure = new Promise<never>((_, reject) => {
      failed = reject;
    });
    failure.catch(() => undefined);
    const stop = watchDatabase(
      `${relay.url}${new URL(database).pathname}`,
      {},
      () => changed(),
      (error) => failed(error),
      heartbeatMs,
    );
    try {
      // Five heartbeats with no change between them: longer than the three the feed waits for without one.
      const fiveHeartbeats = new Promise<void>((resolve) => {
        heard = (count) => {
          if (count >= 5) resolve();
        };
      });
      await Promise.race([fiveHeartbeats, failure]);
      await writer.put({ _id: 'note-1', body: 'Heard between rounds' });
      await Promise.race([change, failure]);
    } finally {
      stop();
      await writer.close();
      await relay.stop();
      await server.stop();
    }
  });
});
