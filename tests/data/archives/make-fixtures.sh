#!/bin/sh
# Rebuilds the archive fixtures in this folder from src/ (deterministic: fixed times, owners
# and order). Run from anywhere: sh tests/data/archives/make-fixtures.sh
set -eu
cd "$(dirname "$0")"
tar_opts="--sort=name --mtime=2024-01-01T00:00:00Z --owner=0 --group=0 --numeric-owner --format=gnu"

tar $tar_opts -C src -cf wire-articles.tar articles releases.jsonl notes
gzip -n -9 -c wire-articles.tar >wire-articles.tar.gz
xz -9 -c wire-articles.tar >wire-articles.tar.xz
bzip2 -9 -c wire-articles.tar >wire-articles.tar.bz2
xz -9 -c src/releases.jsonl >releases.jsonl.xz
bzip2 -9 -c src/releases.jsonl >releases.jsonl.bz2
gzip -n -9 -c src/articles/ferry-service.txt >ferry-service.txt.gz

python3 - <<'PY'
import random, zipfile

def add(archive, name, data, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
    info.compress_type = method
    archive.writestr(info, data)

def read(path):
    with open(path, 'rb') as f:
        return f.read()

with zipfile.ZipFile('wire-articles.zip', 'w') as z:
    for name in ['articles/ferry-service.txt', 'articles/nested/quay-lights.txt',
                 'notes/logo.png', 'notes/readme.dat', 'releases.jsonl']:
        add(z, name, read('src/' + name))

# An archive inside an archive: the zip and a gzipped JSON Lines file in a tar (below).
with open('wire-articles.zip', 'rb') as f:
    zipped = f.read()

# Damaged on purpose: a wire article, then a JSON Lines member cut in the middle of its data.
rng = random.Random(20240601)
words = ['quay', 'ferry', 'tide', 'pier', 'cargo', 'beacon', 'channel', 'berth', 'crane']
lines = []
for n in range(1, 41):
    body = ' '.join(rng.choice(words) + str(rng.randrange(1000)) for _ in range(30))
    lines.append('{"id": "cut-%03d", "title": "Notice %d", "body": "%s"}\n' % (n, n, body))
with zipfile.ZipFile('damaged/full.zip.tmp', 'w') as z:
    add(z, 'first.txt', read('src/articles/ferry-service.txt'))
    add(z, 'second.jsonl', ''.join(lines).encode())
data = read('damaged/full.zip.tmp')
second = data.index(b'second.jsonl')
with open('damaged/truncated.zip', 'wb') as f:
    f.write(data[:second + 40 + (len(data) - second) // 3])
PY
rm damaged/full.zip.tmp

mkdir -p nested.tmp/inner nested.tmp/more
cp wire-articles.zip nested.tmp/inner/
gzip -n -9 -c src/releases.jsonl >nested.tmp/more/releases.jsonl.gz
tar $tar_opts -C nested.tmp -cf nested.tar inner more
rm -r nested.tmp

# Three articles in a tar.gz cut after the first two: the third is lost, the first two kept.
mkdir -p cut.tmp
for n in 1 2 3; do
    python3 -c "
import random
rng = random.Random($n)
print('Tide table notice $n')
print('2020-0$n-10')
print()
print('KESTREL BAY, Jan 10 (Harbor Wire) -- ' + ' '.join(str(rng.random()) for _ in range(120)))
" >cut.tmp/notice-$n.txt
done
tar $tar_opts -C cut.tmp -cf cut.tar notice-1.txt notice-2.txt notice-3.txt
gzip -n -9 -c cut.tar >cut.tar.gz
size=$(wc -c <cut.tar.gz)
head -c $((size * 80 / 100)) cut.tar.gz >damaged/truncated.tar.gz
rm -r cut.tmp cut.tar cut.tar.gz
