// The front door of `auth/`: what other modules may use. Import only this file from outside
// the module (dependency-cruiser enforces it: `npm run deps:check`).

export type { Permission } from './permission.entity.ts';
export { PERMISSIONS } from './permission.entity.ts';
export type { GrantView, GrantWrite, UserGrantsView } from './permission-admin.service.ts';
export type { Need, PermissionService, ReadScope } from './permissions.service.ts';
export type { StreamCheck } from './stream-guard.ts';
