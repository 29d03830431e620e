/**
 * A git commit per publication when the content folder is inside a git checkout and `git` is
 * installed: only the changed paths, with the curator as author, hooks
 * skipped (they are for developers; a publish must not hang on one). Without git or a
 * checkout nothing happens: the revision table holds the history either way.
 */
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';

export interface CommitRequest {
  contentDir: string;
  paths: readonly string[];
  authorName: string;
  authorEmail: string;
  message: string;
  /** The environment of the git processes (PATH at least). */
  env: Record<string, string>;
}

function git(cwd: string, args: string[], env: Record<string, string>): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ ok: !error, out: `${stdout}${stderr}`.trim() });
    });
  });
}

/** Names without line breaks or angle brackets, as git wants an identity. */
const identity = (text: string) => text.replace(/[<>\n\r]/g, ' ').trim() || 'Praktijkplein';

/**
 * Commits the given content paths; returns the commit id, or null when the folder is no git
 * checkout, git is missing, or there was nothing to commit (a retried publication).
 */
export async function commitContent(request: CommitRequest): Promise<string | null> {
  const top = await git(request.contentDir, ['rev-parse', '--show-toplevel'], request.env);
  if (!top.ok) return null;
  const root = top.out.split('\n')[0]!;
  const paths: string[] = [];
  for (const path of request.paths) {
    const file = relative(root, join(request.contentDir, path));
    // A deleted file that git never knew has nothing to commit.
    const known = await git(root, ['ls-files', '--error-unmatch', '--', file], request.env);
    const exists = await git(root, ['add', '-A', '--', file], request.env);
    if (known.ok || exists.ok) paths.push(file);
  }
  if (paths.length === 0) return null;
  const name = identity(request.authorName);
  const email = identity(request.authorEmail);
  const commit = await git(
    root,
    // No hook of the checkout runs with the server's rights: --no-verify skips only pre-commit and
    // commit-msg, so hooksPath and fsmonitor are switched off too.
    ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false', '-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '--no-verify', '--quiet', '-m', request.message, '--', ...paths],
    request.env,
  );
  if (!commit.ok) return null;
  const head = await git(root, ['rev-parse', 'HEAD'], request.env);
  return head.ok ? head.out.split('\n')[0]! : null;
}
