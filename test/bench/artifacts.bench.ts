import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  downloadArtifacts,
  logArtifact,
  logArtifacts,
} from '../../client/packages/node/src/artifacts.ts';
import { benchDatabase, gql, report, startBenchServer } from './harness.ts';

/**
 * Artifact throughput through the server process: one 1 GiB file and 10,000 small files, each
 * uploaded and downloaded with the client helpers, with the server's peak RSS after each phase.
 */
const BIG_MIB = Number(process.env.BENCH_ARTIFACT_MIB ?? 1024);
const SMALL_FILES = Number(process.env.BENCH_ARTIFACT_FILES ?? 10_000);
const SMALL_BYTES = 1024;

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** CPU seconds (user + system) the server process has used so far. */
function serverCpu(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const work = mkdtempSync(path.join(tmpdir(), 'trackql-bench-art-'));
const artifactRoot = path.join(work, 'server-artifacts');
const db = await benchDatabase();
// the harness waits for the 'listening' line, which is logged at info
const server = await startBenchServer(db.url, {
  TRACKQL_ARTIFACT_ROOT: artifactRoot,
  LOG_LEVEL: 'info',
});
try {
  const { createRun } = await gql<{ createRun: { run: { runId: string } } }>(
    server.url,
    'mutation { createRun(input: { runName: "bench" }) { ... on CreateRunSuccess { run { runId } } } }',
  );
  const target = { url: server.url, runId: createRun.run.runId };
  const opts = { progressBar: false };

  const big = path.join(work, 'big.bin');
  const block = randomBytes(16 * 1024 * 1024);
  const fd = openSync(big, 'w');
  for (let i = 0; i < BIG_MIB / 16; i++) writeSync(fd, block);
  closeSync(fd);
  const baseline = server.peakRssMiB();

  let cpu = serverCpu(server.proc.pid!);
  let start = performance.now();
  const stored = await logArtifact(target, big, 'ckpt', opts);
  let secs = (performance.now() - start) / 1000;
  report({
    bench: 'artifacts.upload.big',
    mib: BIG_MIB,
    seconds: +secs.toFixed(2),
    mibPerSec: +(BIG_MIB / secs).toFixed(1),
    serverPeakRssMiB: +server.peakRssMiB().toFixed(0),
    serverCpuSeconds: +(serverCpu(server.proc.pid!) - cpu).toFixed(2),
    serverRssBeforeMiB: +baseline.toFixed(0),
  });

  const dl = path.join(work, 'download');
  mkdirSync(dl);
  cpu = serverCpu(server.proc.pid!);
  start = performance.now();
  const local = await downloadArtifacts(target, 'ckpt/big.bin', dl, opts);
  secs = (performance.now() - start) / 1000;
  const same = (await sha256File(local)) === stored.sha256;
  report({
    bench: 'artifacts.download.big',
    mib: BIG_MIB,
    seconds: +secs.toFixed(2),
    mibPerSec: +(BIG_MIB / secs).toFixed(1),
    serverPeakRssMiB: +server.peakRssMiB().toFixed(0),
    serverCpuSeconds: +(serverCpu(server.proc.pid!) - cpu).toFixed(2),
    checksumOk: same,
  });
  rmSync(big);
  rmSync(dl, { recursive: true });

  const small = path.join(work, 'small');
  for (let i = 0; i < SMALL_FILES; i++) {
    const dir = path.join(small, `d${String(i % 100).padStart(2, '0')}`);
    if (i < 100) mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `f${i}.bin`), randomBytes(SMALL_BYTES));
  }
  cpu = serverCpu(server.proc.pid!);
  start = performance.now();
  await logArtifacts(target, small, 'many', { ...opts, concurrency: 8 });
  secs = (performance.now() - start) / 1000;
  report({
    bench: 'artifacts.upload.small',
    files: SMALL_FILES,
    bytesEach: SMALL_BYTES,
    concurrency: 8,
    seconds: +secs.toFixed(2),
    filesPerSec: +(SMALL_FILES / secs).toFixed(0),
    serverPeakRssMiB: +server.peakRssMiB().toFixed(0),
    serverCpuSeconds: +(serverCpu(server.proc.pid!) - cpu).toFixed(2),
  });

  const dl2 = path.join(work, 'download-small');
  mkdirSync(dl2);
  cpu = serverCpu(server.proc.pid!);
  start = performance.now();
  await downloadArtifacts(target, 'many', dl2, { ...opts, concurrency: 8 });
  secs = (performance.now() - start) / 1000;
  report({
    bench: 'artifacts.download.small',
    files: SMALL_FILES,
    concurrency: 8,
    seconds: +secs.toFixed(2),
    filesPerSec: +(SMALL_FILES / secs).toFixed(0),
    serverPeakRssMiB: +server.peakRssMiB().toFixed(0),
    serverCpuSeconds: +(serverCpu(server.proc.pid!) - cpu).toFixed(2),
  });
} finally {
  await server.stop();
  await db.drop();
  rmSync(work, { recursive: true, force: true });
}
