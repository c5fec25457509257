"""Near-duplicate articles: the same story re-published, truncated, with other boilerplate, lightly rewritten.

Each document's folded body is cut into word shingles (``SHINGLE`` words) and summarised by a MinHash
signature (datasketch, ``NUM_PERM`` permutations); signatures are stored, so a rebuild only hashes new
documents. Candidate pairs come from an LSH index at a low threshold; a candidate is a duplicate where its
estimated Jaccard similarity reaches ``JACCARD`` or where the smaller article is mostly contained in the
larger (``CONTAINMENT``: truncated copies). Clusters are the connected components of duplicate pairs.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from alaqat.arabic.normalise import fold

NUM_PERM = 128
SHINGLE = 3
LSH_THRESHOLD = 0.2
JACCARD = 0.36
CONTAINMENT = 0.6
MIN_SHINGLES = 8
SCHEME = "affine32"

_TOKEN = re.compile(r"[0-9a-z\u0621-\u064a]+")
_CLITIC = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و(?=\w{3,}))")


def tokens(text: str) -> list[str]:
    """Folded words, the article and the conjunction و dropped (rewrites move them around)."""
    out = []
    for tok in _TOKEN.findall(fold(text)):
        if len(tok) > 3:
            tok = _CLITIC.sub("", tok)
        if len(tok) > 1:
            out.append(tok)
    return out


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    toks = tokens(text)
    if len(toks) < k:
        return {" ".join(toks).encode("utf-8")} if toks else set()
    return {" ".join(toks[i:i + k]).encode("utf-8") for i in range(len(toks) - k + 1)}


def _hash32(b: bytes) -> int:
    return zlib.crc32(b)


@dataclass(frozen=True)
class Signature:
    hashvalues: np.ndarray
    size: int

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype(np.uint64).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, size: int) -> Signature:
        return cls(np.frombuffer(data, dtype=np.uint64), size)


_TEMPLATE: MinHash | None = None


def signature(text: str) -> Signature:
    """MinHash of the text's shingles (stable across processes: CRC-32 of each shingle)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = MinHash(num_perm=NUM_PERM, hashfunc=_hash32, scheme=SCHEME)
    sh = shingles(text)
    m = MinHash(num_perm=NUM_PERM, hashfunc=_hash32, permutations=_TEMPLATE.permutations, scheme=SCHEME)
    if sh:
        m.update_batch(list(sh))
    return Signature(m.hashvalues.copy(), len(sh))


def jaccard(a: Signature, b: Signature) -> float:
    return float(np.count_nonzero(a.hashvalues == b.hashvalues)) / len(a.hashvalues)


def containment(a: Signature, b: Signature, j: float | None = None) -> float:
    """Estimated share of the smaller document's shingles found in the larger one."""
    j = jaccard(a, b) if j is None else j
    small = min(a.size, b.size)
    if small == 0:
        return 0.0
    inter = j * (a.size + b.size) / (1.0 + j)
    return min(1.0, inter / small)


def is_duplicate(a: Signature, b: Signature) -> tuple[bool, float]:
    """(duplicate?, similarity shown to users)."""
    if a.size < MIN_SHINGLES or b.size < MIN_SHINGLES:
        return False, 0.0
    j = jaccard(a, b)
    if j >= JACCARD:
        return True, j
    c = containment(a, b, j)
    if c >= CONTAINMENT and j >= 0.1:
        return True, c
    return False, j


def clusters(sigs: Sequence[tuple[str, Signature]]) -> list[tuple[list[str], float]]:
    """Clusters of two or more near-duplicate documents, each sorted by name, in order of their first name.

    ``sigs`` is (doc name, signature); the result does not depend on its order.
    """
    items = sorted(sigs, key=lambda s: s[0])
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    index: dict[str, int] = {}
    for i, (doc, sig) in enumerate(items):
        if sig.size < MIN_SHINGLES:
            continue
        index[doc] = i
        lsh.insert(doc, MinHash(num_perm=NUM_PERM, hashvalues=sig.hashvalues, scheme=SCHEME))
    parent = list(range(len(items)))
    best: dict[int, float] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in index.values():
        sig = items[i][1]
        for other in lsh.query(MinHash(num_perm=NUM_PERM, hashvalues=sig.hashvalues, scheme=SCHEME)):
            j = index[other]
            if j <= i:
                continue
            dup, sim = is_duplicate(sig, items[j][1])
            if dup:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
                for x in (i, j):
                    best[x] = max(best.get(x, 0.0), sim)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in sorted(groups.values(), key=lambda g: items[g[0]][0]):
        if len(members) >= 2:
            sim = min(best.get(i, 0.0) for i in members)
            out.append(([items[i][0] for i in members], sim))
    return out


def body_text(original: str, body: Iterable[Sequence[int]]) -> str:
    ranges = list(body)
    return "\n".join(original[s:e] for s, e in ranges) if ranges else original
