import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RestTestApp, startRestApp } from './rest-client.ts';

let app: RestTestApp;
let runId: string;
/** `<exp>/<run>/artifacts`, the owner part of a proxied path. */
let owner: string;
beforeAll(async () => {
  app = await startRestApp();
  const { body } = await app.post<{ run: { info: { run_id: string; artifact_uri: string } } }>(
    'runs/create',
    { experiment_id: '0' },
  );
  runId = body.run.info.run_id;
  owner = body.run.info.artifact_uri.slice('mlflow-artifacts:/'.length);
});
afterAll(() => app.close());

const MESSAGE = 'Multipart upload is not supported for the current artifact repository';

function mpu(step: string, path: string, body: unknown) {
  return app.post(`/api/2.0/mlflow-artifacts/mpu/${step}/${path}`, body);
}

describe('MLflow REST: proxied multipart upload', () => {
  it('answers each step as MLflow does for a store without multipart uploads', async () => {
    const local = '/tmp/client/big.bin';
    const bodies: Record<string, unknown> = {
      create: { path: local, num_parts: 3 },
      complete: { path: local, upload_id: 'u1', parts: [{ part_number: 1, etag: 'e' }] },
      abort: { path: local, upload_id: 'u1' },
    };
    for (const dir of [owner, `${owner}/data/sub`]) {
      for (const [step, body] of Object.entries(bodies)) {
        const res = await mpu(step, dir, body);
        expect(res.status, `${step} ${dir}`).toBe(501);
        expect(res.body).toEqual({ error_code: 'NOT_IMPLEMENTED', message: MESSAGE });
      }
    }
    const list = await app.get('artifacts/list', { run_id: runId });
    expect(list.body.files ?? []).toEqual([]);
  });

  it('lets the client fall back to one PUT of the whole file', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    expect((await mpu('create', `${owner}/big`, { path: 'x.bin', num_parts: 4 })).status).toBe(501);
    const put = await app.send(
      'PUT',
      `/api/2.0/mlflow-artifacts/artifacts/${owner}/big/x.bin`,
      bytes,
    );
    expect(put.status).toBe(200);
    const got = await fetch(`${app.base}/api/2.0/mlflow-artifacts/artifacts/${owner}/big/x.bin`);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('rejects bad input before answering: fields, unsafe paths, unknown owners', async () => {
    const noPath = await mpu('create', owner, { num_parts: 2 });
    expect(noPath.status).toBe(400);
    expect(noPath.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const badParts = await mpu('create', owner, { path: 'f', num_parts: 'many' });
    expect(badParts.status).toBe(400);
    const noParts = await mpu('complete', owner, { path: 'f', upload_id: 'u' });
    expect(noParts.status).toBe(400);
    expect(String(noParts.body.message)).toContain('parts');
    const unsafe = await mpu('create', `${owner}/..%2F..%2Fetc`, { path: 'f', num_parts: 1 });
    expect(unsafe.status).toBe(400);
    const unknownRun = await mpu('create', `0/${'f'.repeat(32)}/artifacts`, { path: 'f' });
    expect(unknownRun.status).toBe(404);
    expect(unknownRun.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const noOwner = await mpu('abort', '0', { path: 'f' });
    expect(noOwner.status).toBe(404);
  });
});
