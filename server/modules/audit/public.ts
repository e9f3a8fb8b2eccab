// The front door of `audit/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { AuditEntity } from './audit.service.ts';
export {
  AUDIT_MAX_KEYS,
  AuditLog,
  auditInsertSql,
  someKeys,
  withAuditRow,
} from './audit.service.ts';
