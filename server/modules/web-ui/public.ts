// The front door of `web-ui/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export { renderOfflineGraphiQL } from './graphiql.ts';
export { createUiHandler, UI_CSP, type UiHandler } from './ui.routes.ts';
