// The front door of `auth/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { Need, ReadScope } from './grants.ts';
export type { Permission } from './permission.entity.ts';
export { PERMISSIONS } from './permission.entity.ts';
export type { GrantView, GrantWrite, UserGrantsView } from './permission-admin.service.ts';
export type { PermissionService } from './permissions.service.ts';
export type { StreamCheck } from './stream-guard.ts';
