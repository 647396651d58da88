#!/usr/bin/env node
// Drives a Bitbucket Cloud API through node-bitbucket (npm "bitbucket", pinned in package.json), a widely used
// third-party client, and prints what it saw as one JSON document on stdout. Any failure exits 1 with the step,
// the HTTP status and the client's error on stderr (never a credential).
//
// Environment:
//   BB_API_URL       the API base URL, e.g. http://127.0.0.1:7990/2.0
//   BB_EMAIL         the Atlassian account email of the API token (Basic auth)
//   BB_API_TOKEN     an API token with read/write repository, read user and read/write pull request scopes
//   BB_ACCESS_TOKEN  optional: a repository access token of BB_WORKSPACE/BB_REPO (Bearer auth)
//   BB_WORKSPACE     the workspace slug, e.g. acme
//   BB_REPO          the repository slug, e.g. infra
//   BB_RUN_ID        optional: a suffix that keeps branch and file names unique across runs (default: time)
'use strict';

const { Bitbucket } = require('bitbucket');
const FormData = require('form-data');

function env(name, required = true) {
  const v = process.env[name];
  if (required && (v === undefined || v === '')) {
    fail('setup', new Error(`set ${name} (see the header of drive.js)`));
  }
  return v;
}

function fail(step, err) {
  const status = err && err.status !== undefined ? ` (HTTP ${err.status})` : '';
  const detail = err && err.error !== undefined ? ` ${JSON.stringify(err.error)}` : '';
  process.stderr.write(`third-party client check failed at step "${step}"${status}: ${err && err.message}${detail}\n`);
  process.exit(1);
}

async function step(name, fn) {
  try {
    return await fn();
  } catch (err) {
    fail(name, err);
  }
}

// A call that must fail with an HTTP status; what the client made of the refusal.
async function expectRefusal(name, fn) {
  let response;
  try {
    response = await fn();
  } catch (err) {
    if (err && err.name === 'HTTPError') {
      const message = err.error && err.error.error ? err.error.error.message : undefined;
      return { status: err.status, bodyType: typeof err.error, message, contentType: err.headers && err.headers['content-type'] };
    }
    fail(name, err);
  }
  fail(name, new Error(`expected a refusal, got ${response.status}`));
}

function commitShaFrom(response) {
  // POST /src answers 201 with an empty body and Location: …/commit/{sha}.
  const location = response.headers.location;
  if (response.status !== 201 || !location) {
    throw new Error(`expected 201 with a Location header, got ${response.status} location=${location}`);
  }
  return location.substring(location.lastIndexOf('/') + 1);
}

async function main() {
  const baseUrl = env('BB_API_URL');
  const workspace = env('BB_WORKSPACE');
  const repo_slug = env('BB_REPO');
  const runId = env('BB_RUN_ID', false) || String(Date.now());
  const accessToken = env('BB_ACCESS_TOKEN', false);
  const bb = new Bitbucket({
    baseUrl,
    auth: { username: env('BB_EMAIL'), password: env('BB_API_TOKEN') },
    notice: false,
  });
  const repo = { workspace, repo_slug };
  const out = { client: 'bitbucket@' + require('bitbucket/package.json').version };

  const user = await step('read the user', () => bb.user.get({}));
  out.user = { username: user.data.username, type: user.data.type, contentType: user.headers['content-type'] };

  const repository = await step('read the repository', () => bb.repositories.get(repo));
  const mainBranch = repository.data.mainbranch.name;
  out.repository = { full_name: repository.data.full_name, mainbranch: mainBranch };

  const dir = `thirdparty/${runId}`;
  const urlencodedPath = `${dir}/urlencoded.tf`;
  const urlencodedContent = `# committed by node-bitbucket as application/x-www-form-urlencoded\nlocals { run = "${runId}" }\n`;
  // Extra parameters of createSrcFileCommit become form fields: the file path is the field name.
  const urlencoded = await step('commit with /src (urlencoded)', () =>
    bb.repositories.createSrcFileCommit({
      ...repo,
      message: `third-party urlencoded commit ${runId}`,
      branch: mainBranch,
      [urlencodedPath]: urlencodedContent,
    }));
  out.urlencodedCommit = {
    sha: commitShaFrom(urlencoded),
    path: urlencodedPath,
    content: urlencodedContent,
    contentType: urlencoded.headers['content-type'],
  };

  const multipartPath = `${dir}/multipart.sh`;
  const multipartContent = `#!/bin/sh\necho "committed by node-bitbucket as multipart/form-data ${runId}"\n`;
  const form = new FormData();
  form.append(multipartPath, multipartContent, { filename: 'multipart.sh', contentType: 'application/octet-stream' });
  const multipart = await step('commit with /src (multipart)', () =>
    bb.repositories.createSrcFileCommit({
      ...repo,
      _body: form,
      message: `third-party multipart commit ${runId}`,
      branch: mainBranch,
      parents: out.urlencodedCommit.sha,
    }));
  out.multipartCommit = { sha: commitShaFrom(multipart), path: multipartPath, content: multipartContent };

  // The Content-Type of a raw file depends on its extension, and the client picks text or bytes from it.
  const file = await step('read a file', () =>
    bb.repositories.readSrc({ ...repo, commit: out.multipartCommit.sha, path: urlencodedPath }));
  out.file = {
    path: urlencodedPath,
    content: typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8'),
    contentType: file.headers['content-type'],
  };

  const directory = await step('read a directory', () =>
    bb.repositories.readSrc({ ...repo, commit: out.multipartCommit.sha, path: dir }));
  out.directory = { path: dir, paths: directory.data.values.map((e) => e.path) };

  // GET …/src answers 302 to the main branch's root listing; the client follows it.
  const root = await step('read the root through the /src redirect', () => bb.repositories.readSrcRoot(repo));
  out.root = { paths: root.data.values.map((e) => e.path) };

  const branchName = `thirdparty/${runId}`;
  const branch = await step('create a branch', () =>
    bb.repositories.createBranch({ ...repo, _body: { name: branchName, target: { hash: out.multipartCommit.sha } } }));
  out.branch = { name: branch.data.name, target: branch.data.target.hash };

  const branchPath = `${dir}/on-branch.tf`;
  const branchContent = `# committed to ${branchName}\n`;
  const onBranch = await step('commit to the branch', () =>
    bb.repositories.createSrcFileCommit({
      ...repo,
      message: `third-party commit on ${branchName}`,
      branch: branchName,
      [branchPath]: branchContent,
    }));
  out.branchCommit = { sha: commitShaFrom(onBranch), branch: branchName, path: branchPath, content: branchContent };

  const pr = await step('open a pull request', () =>
    bb.repositories.createPullRequest({
      ...repo,
      _body: {
        title: `Third-party client check ${runId}`,
        source: { branch: { name: branchName } },
        destination: { branch: { name: mainBranch } },
      },
    }));
  out.pullRequest = { id: pr.data.id, state: pr.data.state, status: pr.status, source: pr.data.source.branch.name };

  // Iterator-style paging: follow `next` with the client's own helpers until it runs out.
  let page = await step('list commits', () => bb.repositories.listCommits({ ...repo, pagelen: 2 }));
  const seen = [];
  let pages = 0;
  for (;;) {
    pages++;
    page.data.values.forEach((c) => seen.push(c.hash));
    if (!bb.hasNextPage(page.data) || pages >= 50) {
      break;
    }
    const current = page;
    page = await step(`list commits, page ${pages + 1}`, () => bb.getNextPage(current.data));
  }
  out.commitPages = { pagelen: 2, pages, hashes: seen };

  // Refusals: the client turns them into an HTTPError carrying the status and the body it parsed.
  out.refusals = {
    missingFile: await expectRefusal('a missing file answers 404', () =>
      bb.repositories.readSrc({ ...repo, commit: out.multipartCommit.sha, path: `${dir}/absent.tf` })),
    wrongToken: await expectRefusal('a wrong API token answers 401', () =>
      new Bitbucket({ baseUrl, auth: { username: env('BB_EMAIL'), password: 'not-the-token' }, notice: false }).user.get({})),
  };

  if (accessToken) {
    const bearer = new Bitbucket({ baseUrl, auth: { token: accessToken }, notice: false });
    const r = await step('read the repository (Bearer access token)', () => bearer.repositories.get(repo));
    const bearerPath = `${dir}/bearer.txt`;
    const c = await step('commit with /src (Bearer access token)', () =>
      bearer.repositories.createSrcFileCommit({
        ...repo,
        message: `third-party commit with a repository access token ${runId}`,
        branch: branchName,
        [bearerPath]: `committed with a repository access token\n`,
      }));
    out.bearer = { full_name: r.data.full_name, commit: commitShaFrom(c), branch: branchName, path: bearerPath };
  }

  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main().catch((err) => fail('unexpected', err));
