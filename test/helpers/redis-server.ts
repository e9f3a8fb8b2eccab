import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** Whether `redis-server` can be started on this machine. */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** Resolves once something accepts TCP connections on `port` and answers PING. */
async function answering(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('error', () => resolve(false));
      s.once('connect', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A TCP port free on loopback right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof addr !== 'object' || !addr) throw new Error('no port');
  return addr.port;
}

/**
 * A throwaway redis-server of the test's own (no persistence), so a test can take Redis away and
 * bring it back without touching the machine's shared Redis.
 */
export class TestRedis {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  /** A server on a free port, not started yet (it keeps that port across restarts). */
  static async onFreePort(): Promise<TestRedis> {
    return new TestRedis(await freePort());
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts the server and waits until it answers. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`))),
    );
    exited.catch(() => {});
    await Promise.race([answering(this.port, 10_000), exited]);
  }

  /** Drops every subscriber connection (`CLIENT KILL TYPE pubsub`), as a network blip would. */
  async dropSubscribers(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const s = connect(this.port, '127.0.0.1');
      s.once('error', reject);
      s.once('connect', () => s.write('CLIENT KILL TYPE pubsub\r\n'));
      s.once('data', (d) => {
        s.destroy();
        if (d.toString().startsWith(':')) resolve();
        else reject(new Error(`CLIENT KILL: ${d}`));
      });
    });
  }

  /** Kills the server at once (SIGKILL: connections drop without goodbye), as an outage would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
}
