import type { Server } from 'node:http';
import type { ExecutionArgs } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from './app.ts';
import { admitWebSocket, authenticateConnection } from './modules/auth/auth.ws.ts';
import {
  payloadReplacer,
  registerPushTarget,
  shareable,
  splicePayloads,
} from './modules/subscriptions/payload-splice.ts';

type Run = NonNullable<ServerOptions['execute']>;
type Enveloped = { execute: Run; subscribe: Run };

/**
 * Serves GraphQL over WebSocket (graphql-ws protocol) on the yoga endpoint's path, next to SSE.
 *
 * @remarks Each operation runs through yoga's envelop pipeline (same context factory, error masking
 * and plugins as HTTP). Headers for the context are built from `connectionParams` (STACK.md gotcha 7).
 * `close` ends every socket and the WebSocket server.
 *
 * With `app.transportFastPaths` (the fenced tricks of payload-splice.ts) every socket's `send` is
 * patched to splice shared payloads, graphql-ws's replacer hands them over, `onNext` keeps shared
 * results recognisable and each subscription's socket is registered for direct pushes. Off, graphql-ws
 * runs as shipped.
 */
export function attachWebSocket(
  server: Server,
  app: App,
): { wss: WebSocketServer; close(): Promise<void> } {
  const yoga = app.yoga;
  const wss = new WebSocketServer({
    server,
    path: yoga.graphqlEndpoint,
    maxPayload: app.maxMessageBytes,
    verifyClient: (info, done) => admitWebSocket(info.req, app.authGate, done),
  });
  const fast = app.transportFastPaths;
  if (fast) splicePayloads(wss);
  const disposable = useServer<Record<string, unknown>>(
    {
      ...(fast && {
        jsonMessageReplacer: payloadReplacer,
        // returning the result itself (not graphql-ws's copy) keeps it recognisable as shared
        onNext: (_ctx, _id, _payload, _args, result) => (shareable(result) ? result : undefined),
      }),
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onConnect: (ctx) => authenticateConnection(app.authGate, ctx),
      onSubscribe: async (ctx, id, params) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(ctx.connectionParams ?? {})) {
          if (typeof v === 'string') headers.set(k, v);
        }
        const request = new Request(`http://ws${yoga.graphqlEndpoint}`, { headers });
        app.authGate.bind(request, app.authGate.viewerOf(ctx.extra.socket));
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          request,
          params,
        });
        const args = {
          schema,
          operationName: params.operationName,
          document: parse(params.query),
          variableValues: params.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
        if (fast) registerPushTarget(args.contextValue, ctx.extra.socket, id);
        const errors = validate(args.schema, args.document);
        return errors.length > 0 ? errors : (args as ExecutionArgs);
      },
    },
    wss,
  );
  return {
    wss,
    close: async () => {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
