// The front door of `audit/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { AuditEntity } from './audit.service.ts';
export { AuditLog } from './audit.service.ts';
