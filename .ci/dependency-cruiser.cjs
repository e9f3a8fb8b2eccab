/**
 * Dependency rules (npm run deps:check). Layers, top to bottom: wiring (main, app, ws, services,
 * schema, context), modules, foundation (shared/, db/, config, logger, builder).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'module-front-door',
      severity: 'error',
      comment:
        'A module uses another module only through its front door, server/modules/<m>/public.ts.',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/([^/]+)/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/public\\.ts$'],
      },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'No import cycles anywhere in server/ or client/ through imports that run (type-only imports vanish at run time).',
      from: { path: '^(server|client)/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'foundation-imports-no-module',
      severity: 'error',
      comment:
        'The foundation (shared/, db/, config, logger, builder) never imports modules or the wiring; db/orm.ts, the entity registry, is the one exception (entities only).',
      from: {
        path: '^server/(shared/|db/|config/|config\\.ts$|logger\\.ts$|builder\\.ts$)',
        pathNot: '^server/db/orm\\.ts$',
      },
      to: {
        path: '^server/(modules/|app\\.ts$|ws\\.ts$|main\\.ts$|services\\.ts$|schema\\.ts$|context\\.ts$)',
      },
    },
    {
      name: 'modules-import-no-wiring',
      severity: 'error',
      comment:
        'Modules never import the wiring (app, ws, main, services, schema, context): the request Context type lives in shared/request-context.ts, routes get their dependencies passed in.',
      from: { path: '^server/modules/' },
      to: { path: '^server/(app|ws|main|services|schema|context)\\.ts$' },
    },
    {
      name: 'orm-registry-entities-only',
      severity: 'error',
      comment: 'db/orm.ts lists entities; it imports nothing else from the modules.',
      from: { path: '^server/db/orm\\.ts$' },
      to: { path: '^server/modules/', pathNot: '\\.entity\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(client/gql|test/gql)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
