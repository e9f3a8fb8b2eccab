import type { IncomingMessage } from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Telemetry } from './telemetry.ts';

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

function nodeRequest(context: unknown): IncomingMessage | undefined {
  const req = (context as { req?: unknown } | null)?.req;
  return req && typeof req === 'object' && 'socket' in req ? (req as IncomingMessage) : undefined;
}

/**
 * Feeds {@link Telemetry} from yoga: names each HTTP request by its GraphQL operation (`query
 * Name`, `anonymous` without a usable name), counts live subscriptions while they stream, and
 * counts subscribers ended with SUBSCRIBER_LAGGED.
 */
export function useTelemetry(telemetry: Telemetry): Plugin {
  return {
    onExecute({ args }) {
      const req = nodeRequest(args.contextValue);
      if (!req) return;
      const op = getOperationAST(args.document, args.operationName);
      const name = op?.name?.value;
      telemetry.nameOperation(
        req,
        `${op?.operation ?? 'query'} ${name && NAME.test(name) ? name : 'anonymous'}`,
      );
    },
    onSubscribe({ args }) {
      const req = nodeRequest(args.contextValue);
      const op = getOperationAST(args.document, args.operationName);
      const name = op?.name?.value;
      if (req)
        telemetry.nameOperation(
          req,
          `subscription ${name && NAME.test(name) ? name : 'anonymous'}`,
        );
      const end = telemetry.subscribed();
      return {
        onSubscribeResult() {
          return {
            onNext({ result }) {
              if (result.errors?.some((e) => e.extensions?.code === 'SUBSCRIBER_LAGGED')) {
                telemetry.laggedOne();
              }
            },
            onEnd: end,
          };
        },
        onSubscribeError: end,
      };
    },
  };
}
