import { existsSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

/** MLflow's system tag keys. */
export const TAGS = {
  user: 'mlflow.user',
  sourceName: 'mlflow.source.name',
  sourceType: 'mlflow.source.type',
  gitCommit: 'mlflow.source.git.commit',
  gitBranch: 'mlflow.source.git.branch',
  parentRunId: 'mlflow.parentRunId',
  runName: 'mlflow.runName',
  note: 'mlflow.note.content',
} as const;

/** The user recorded on runs: `MLFLOW_TRACKING_USERNAME`, else the OS user, else `unknown`. */
export function currentUser(): string {
  const env = process.env.MLFLOW_TRACKING_USERNAME;
  if (env) return env;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Finds the git directory (and the common directory of a worktree) containing `start`. */
function findGitDir(start: string): { gitDir: string; commonDir: string } | null {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const dotGit = path.join(dir, '.git');
    if (existsSync(dotGit)) {
      let gitDir = dotGit;
      if (statSync(dotGit).isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(read(dotGit) ?? '');
        if (!m?.[1]) return null;
        gitDir = path.resolve(dir, m[1]);
      }
      const common = read(path.join(gitDir, 'commondir'));
      return { gitDir, commonDir: common ? path.resolve(gitDir, common) : gitDir };
    }
    if (path.dirname(dir) === dir) return null;
  }
}

function resolveRef(commonDir: string, gitDir: string, ref: string): string | null {
  const loose = read(path.join(gitDir, ref)) ?? read(path.join(commonDir, ref));
  if (loose) return loose;
  for (const line of (read(path.join(commonDir, 'packed-refs')) ?? '').split('\n')) {
    const [sha, name] = line.split(' ');
    if (name === ref && sha) return sha;
  }
  return null;
}

/**
 * Reads the HEAD commit and branch of the git checkout containing `start`, from the `.git` files
 * (no `git` process); worktrees and packed refs are handled.
 *
 * @remarks Returns `{}` outside a checkout or on any read failure; a detached HEAD has no branch.
 */
export function gitInfo(start: string): { commit?: string; branch?: string } {
  try {
    const found = findGitDir(start);
    if (!found) return {};
    const head = read(path.join(found.gitDir, 'HEAD'));
    if (!head) return {};
    const m = /^ref:\s*(.+)$/.exec(head);
    if (!m?.[1]) return /^[0-9a-f]{40,64}$/.test(head) ? { commit: head } : {};
    const commit = resolveRef(found.commonDir, found.gitDir, m[1]);
    const branch = m[1].replace(/^refs\/heads\//, '');
    return commit ? { commit, branch } : { branch };
  } catch {
    return {};
  }
}

let cached: Record<string, string> | null = null;

/**
 * The context tags MLflow's client adds at `startRun`: user, source name and type, git commit and
 * branch of the entry script's checkout. Computed once per process.
 */
export function contextTags(): Record<string, string> {
  if (cached) return { ...cached };
  const script = process.argv[1];
  const tags: Record<string, string> = {
    [TAGS.user]: currentUser(),
    [TAGS.sourceName]: script ?? '<console>',
    [TAGS.sourceType]: 'LOCAL',
  };
  const git = gitInfo(script ? path.dirname(path.resolve(script)) : process.cwd());
  if (git.commit) tags[TAGS.gitCommit] = git.commit;
  if (git.branch) tags[TAGS.gitBranch] = git.branch;
  cached = tags;
  return { ...tags };
}
