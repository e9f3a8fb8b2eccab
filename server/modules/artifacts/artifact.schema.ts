import { builder } from '../../builder.ts';
import { connectionComplexity } from '../../shared/complexity.ts';
import { pageRequest } from '../../shared/pagination.ts';
import { RunRef } from '../runs/public.ts';
import type { ArtifactEntry } from './artifact-files.ts';

export const ArtifactFileRef = builder.objectRef<ArtifactEntry>('ArtifactFile').implement({
  description:
    'An entry of a run artifact directory: a file or a directory (MLflow FileInfo). Download files with `GET /artifacts/<runId>/<path>`.',
  fields: (t) => ({
    path: t.exposeString('path', {
      description: "Path relative to the run's artifact root, e.g. `model/MLmodel`.",
    }),
    name: t.exposeString('name', { description: 'Last segment of the path.' }),
    isDir: t.exposeBoolean('isDir', { description: 'Whether this entry is a directory.' }),
    fileSize: t.field({
      type: 'SafeInt',
      nullable: true,
      description: 'Size of a file in bytes; null for a directory (MLflow omits it too).',
      resolve: (e) => (e.isDir ? null : e.size),
    }),
    totalSize: t.field({
      type: 'SafeInt',
      description: 'Bytes of the file, or of all files below the directory.',
      resolve: (e) => e.size,
    }),
    sha256: t.string({
      nullable: true,
      description: 'Hex sha256 of a file, computed by the server at upload; null for a directory.',
      resolve: (e) => e.sha256,
    }),
    lastModified: t.field({
      type: 'SafeInt',
      description: 'Upload time of the file (latest upload below a directory), ms since the epoch.',
      resolve: (e) => e.createdTime,
    }),
  }),
});

builder.objectField(RunRef, 'artifacts', (t) =>
  t.connection(
    {
      type: ArtifactFileRef,
      description:
        "Immediate children of a directory of the run's artifacts, sorted by name (byte order). A file path or a missing directory gives an empty list.",
      complexity: connectionComplexity(),
      args: {
        path: t.arg.string({
          defaultValue: '',
          description: 'Directory relative to the artifact root; "" (the default) is the root.',
        }),
      },
      resolve: (r, args, ctx) =>
        ctx.services.artifacts.list(r.id, args.path ?? '', pageRequest<string>(args)),
    },
    { description: 'A page of artifact entries.' },
    { description: 'An artifact entry in a page.' },
  ),
);
