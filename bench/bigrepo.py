#!/usr/bin/env python3
"""Writes a `git fast-import` stream for bench/scale.sh: branch BRANCH with FILES Terraform-like files (~700 bytes
each, 100 per directory) in its first commit, then HISTORY commits that each modify PER_COMMIT files.
Usage: bigrepo.py BRANCH FILES HISTORY PER_COMMIT | git fast-import"""
import random
import sys

branch, files, history, per_commit = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
out = sys.stdout.buffer
rng = random.Random(42)


def path(i):
    return f"modules/m{i // 100:04d}/r{i % 100:02d}.tf"


def content(i, rev):
    body = (f'# module {i // 100}, resource {i} (revision {rev})\n'
            f'resource "aws_s3_bucket" "b{i}" {{\n'
            f'  bucket = "acme-{i}-{rev}"\n'
            f'  tags = {{\n    team = "infra"\n    rev  = "{rev}"\n  }}\n}}\n')
    pad = "".join(f"# note {i}.{k}: lifecycle and tagging follow the platform defaults\n" for k in range(8))
    return (body + pad).encode()


def data(b):
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")


ts = 1_700_000_000
out.write(b"reset refs/heads/%s\n" % branch.encode())
for i in range(files):
    out.write(b"blob\nmark :%d\n" % (i + 1))
    data(content(i, 0))
mark = files + 1
out.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), mark))
out.write(b"committer Bench <bench@acme.example> %d +0000\n" % ts)
data(b"initial: %d files" % files)
for i in range(files):
    out.write(b"M 100644 :%d %s\n" % (i + 1, path(i).encode()))
out.write(b"\n")
for rev in range(1, history + 1):
    prev, mark = mark, mark + 1
    out.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), mark))
    out.write(b"committer Bench <bench@acme.example> %d +0000\n" % (ts + rev * 60))
    data(b"change %d" % rev)
    out.write(b"from :%d\n" % prev)
    for i in rng.sample(range(files), per_commit):
        out.write(b"M 100644 inline %s\n" % path(i).encode())
        data(content(i, rev))
    out.write(b"\n")
out.write(b"done\n")
