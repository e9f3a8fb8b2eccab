import { builder } from '../../builder.ts';
import { PermissionDeniedError } from '../../shared/errors.ts';
import { mutationResult } from '../../shared/mutation.ts';
import type { PurgeSummary } from './gc.service.ts';

const PurgeSummaryRef = builder.objectRef<PurgeSummary>('PurgeSummary').implement({
  description: 'What purgeDeleted removed for good.',
  fields: (t) => ({
    experimentIds: t.exposeStringList('experimentIds', {
      description: 'Experiments removed, with all their runs, logged models and traces.',
    }),
    runIds: t.exposeStringList('runIds', {
      description: 'Runs removed (those of removed experiments included).',
    }),
    artifactFiles: t.exposeInt('artifactFiles', {
      description: 'Artifact files removed from the stores (of runs and logged models).',
    }),
  }),
});

builder.mutationFields((t) => ({
  purgeDeleted: t.field({
    type: PurgeSummaryRef,
    ...mutationResult(
      "Permanently removes deleted runs and experiments and their artifacts, as MLflow's `mlflow gc` does (admins only when authentication is on). Without ids: everything deleted at least `olderThanMs` ago; with ids: those only (each must be deleted long enough ago, else INVALID_PARAMETER_VALUE and nothing is removed).",
      [PermissionDeniedError],
      { name: 'purged', description: 'What was removed.' },
    ),
    args: {
      input: t.arg({
        required: true,
        description: 'What to purge.',
        type: builder.inputType('PurgeDeletedInput', {
          description: 'Input of purgeDeleted.',
          fields: (f) => ({
            olderThanMs: f.field({
              type: 'SafeInt',
              required: true,
              description: 'Only what was deleted at least this long ago, in ms; 0 = all.',
            }),
            experimentIds: f.stringList({
              description: 'Only these deleted experiments (with their runs).',
            }),
            runIds: f.stringList({ description: 'Only these deleted runs.' }),
          }),
        }),
      }),
    },
    resolve: (_, { input }, ctx) => ctx.services.gc.purge(input),
  }),
}));
