// The front door of `subscriptions/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).
export type { Publisher } from './publisher.ts';
