import { createServer } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * The transport floor for subscription-latency: a bare `ws` server speaking just enough of the
 * graphql-transport-ws protocol (ack, subscribe, next) to the same benchmark subscribers, with no
 * GraphQL, no database and no event bus. Each line on stdin publishes one event to every
 * subscriber: a message of the size trackql sends, built as a string per subscriber. Prints its port.
 */
const server = createServer();
const wss = new WebSocketServer({ server });
const subscribers: { socket: WebSocket; id: string }[] = [];
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { type: string; id?: string };
    if (msg.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    if (msg.type === 'subscribe') subscribers.push({ socket, id: msg.id ?? '' });
  });
});
let seq = 0;
process.stdin.on('data', () => {
  seq++;
  const committedAt = performance.timeOrigin + performance.now();
  const payload = JSON.stringify({
    data: {
      metricsLogged: { seq, committedAt, metrics: [{ key: 'loss', steps: [seq], values: [0.5] }] },
    },
  });
  for (const s of subscribers) {
    s.socket.send(`{"id":${JSON.stringify(s.id)},"type":"next","payload":${payload}}`);
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});
