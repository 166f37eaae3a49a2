import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.ts';
import {
  consistencyRanges,
  emptyRoot,
  inclusionRanges,
  leafHash,
  MerkleFrontier,
  nodeHash,
  nodesOfRanges,
  rangeHash,
  rootFromLeaves,
  rootHash,
  subtreesOf,
  verifyConsistency,
  verifyInclusion,
  type GetNode,
} from './merkle.ts';

// The eight leaves of the RFC 6962 / Certificate Transparency test tree and the published roots of its
// first 1..8 leaves, with the published proofs (transparency-dev/merkle, proof/verify_test.go).
const LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION: { index: number; size: number; proof: string[] }[] = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];
const CONSISTENCY: { first: number; second: number; proof: string[] }[] = [
  {
    first: 1,
    second: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    first: 2,
    second: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    first: 6,
    second: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

/** What the server keeps: every complete subtree of the leaves appended so far. */
function storedNodes(leaves: readonly Uint8Array[]): GetNode {
  const levels: Uint8Array[][] = [leaves.slice()];
  for (let level = 0; levels[level]!.length > 1; level++) {
    const below = levels[level]!;
    const above: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) above.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(above);
  }
  return (level, index) => {
    const hash = levels[level]?.[index];
    if (!hash) throw new Error(`no stored node ${level}/${index}`);
    return hash;
  };
}

const leafHashes = LEAVES.map(leafHash);
const nodes = storedNodes(leafHashes);
const hashesOf = (ranges: [number, number][], get: GetNode) => ranges.map(([s, e]) => rangeHash(s, e, get));

describe('RFC 6962 test tree', () => {
  it('the root of an empty log is SHA-256 of nothing', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(rootHash(0, nodes)).toEqual(emptyRoot());
  });

  it.each(ROOTS.map((root, i) => [i + 1, root] as const))('root of the first %d leaves', (size, root) => {
    expect(toHex(rootFromLeaves(leafHashes.slice(0, size)))).toBe(root);
    expect(toHex(rootHash(size, nodes))).toBe(root);
  });

  it.each(INCLUSION)('inclusion proof of leaf $index in $size is the published one and verifies', (v) => {
    const proof = hashesOf(inclusionRanges(v.index, v.size), nodes);
    expect(proof.map(toHex)).toEqual(v.proof);
    expect(verifyInclusion(leafHashes[v.index]!, v.index, v.size, proof, fromHex(ROOTS[v.size - 1]!))).toBe(
      true,
    );
  });

  it.each(CONSISTENCY)('consistency proof $first → $second is the published one and verifies', (v) => {
    const proof = hashesOf(consistencyRanges(v.first, v.second), nodes);
    expect(proof.map(toHex)).toEqual(v.proof);
    const [r1, r2] = [fromHex(ROOTS[v.first - 1]!), fromHex(ROOTS[v.second - 1]!)];
    expect(verifyConsistency(v.first, v.second, proof, r1, r2)).toBe(true);
    expect(verifyConsistency(v.first, v.second, proof, r2, r1)).toBe(false);
    expect(verifyConsistency(v.first, v.second, [], r1, r2)).toBe(false);
    expect(verifyConsistency(v.first, v.second, proof.slice(0, -1), r1, r2)).toBe(false);
    expect(verifyConsistency(v.first, v.second, [...proof, r1], r1, r2)).toBe(false);
    expect(verifyConsistency(v.first, v.second, [r2, ...proof], r1, r2)).toBe(false);
    expect(verifyConsistency(v.first + 1, v.second, proof, r1, r2)).toBe(false);
    expect(verifyConsistency(v.first - 1, v.second, proof, r1, r2)).toBe(false);
    expect(verifyConsistency(v.first, v.second * 2, proof, r1, r2)).toBe(false);
  });

  it('rejects a wrong index, halved or doubled size, extra or missing elements', () => {
    const v = INCLUSION[1]!;
    const proof = v.proof.map(fromHex);
    const root = fromHex(ROOTS[v.size - 1]!);
    const leaf = leafHashes[v.index]!;
    expect(verifyInclusion(leaf, v.index - 1, v.size, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, v.index + 1, v.size, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, v.index ^ 2, v.size, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, v.index, v.size * 2, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, v.index, v.size / 2, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, v.index, v.size, proof.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(leaf, v.index, v.size, [...proof, root], root)).toBe(false);
    expect(verifyInclusion(leaf, v.index, v.size, [root, ...proof], root)).toBe(false);
    expect(verifyInclusion(leaf, v.index, v.size, proof, emptyRoot())).toBe(false);
  });

  it('never throws on malformed input', () => {
    const root = fromHex(ROOTS[0]!);
    const bad: unknown[] = [null, undefined, 'x', [new Uint8Array(3)], new Uint8Array(31)];
    for (const b of bad) {
      expect(verifyInclusion(b as Uint8Array, 0, 1, [], root)).toBe(false);
      expect(verifyInclusion(root, 0, 1, b as Uint8Array[], root)).toBe(false);
      expect(verifyConsistency(1, 2, b as Uint8Array[], root, root)).toBe(false);
    }
    expect(verifyInclusion(root, 0, 1, [], root)).toBe(true);
    expect(verifyInclusion(root, 1, 1, [], root)).toBe(false);
    expect(verifyInclusion(root, -1, 1, [], root)).toBe(false);
    expect(verifyInclusion(root, 0, 0, [], root)).toBe(false);
    expect(verifyInclusion(root, 0.5, 2, [root], root)).toBe(false);
    expect(verifyInclusion(root, 0, Number.MAX_SAFE_INTEGER + 1, [], root)).toBe(false);
    expect(verifyConsistency(2, 1, [], root, root)).toBe(false);
    expect(verifyConsistency(0, 0, [], root, root)).toBe(true);
    expect(verifyConsistency(0, 5, [], root, emptyRoot())).toBe(true);
    expect(verifyConsistency(1, 1, [root], root, root)).toBe(false);
    expect(verifyConsistency(1, 1, [], root, emptyRoot())).toBe(false);
  });
});

describe('ranges for a server that stores complete subtrees', () => {
  it('splits a range into aligned power-of-two subtrees, left to right', () => {
    expect(subtreesOf(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(subtreesOf(3, 13)).toEqual([
      { level: 0, index: 3 },
      { level: 2, index: 1 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(subtreesOf(5, 5)).toEqual([]);
    expect(() => subtreesOf(6, 5)).toThrow(RangeError);
    expect(() => subtreesOf(-1, 5)).toThrow(RangeError);
  });

  it('the frontier gives the root of every prefix while leaves stream in', () => {
    const frontier = new MerkleFrontier();
    expect(frontier.root()).toEqual(emptyRoot());
    for (let i = 0; i < 8; i++) {
      frontier.append(leafHashes[i]!);
      expect(toHex(frontier.root())).toBe(ROOTS[i]);
    }
    expect(frontier.size).toBe(8);
  });

  it('refuses to hash a range that is no subtree of any tree', () => {
    expect(() => rangeHash(3, 13, nodes)).toThrow(RangeError);
  });

  it('a proof over a million leaves needs at most ⌈log₂ n⌉ elements and O(log n) stored nodes', () => {
    const n = 1_000_000;
    const ranges = inclusionRanges(765_432, n);
    expect(ranges.length).toBeLessThanOrEqual(20);
    expect(nodesOfRanges(ranges).length).toBeLessThanOrEqual(40);
    expect(consistencyRanges(654_321, n).length).toBeLessThanOrEqual(2 * 20);
  });

  it('matches the recursive definition for every index and size up to 70', () => {
    for (let size = 1; size <= 70; size++) {
      const leaves = Array.from({ length: size }, (_, i) => leafHash(new Uint8Array([i])));
      const get = storedNodes(leaves);
      const root = rootFromLeaves(leaves);
      expect(rootHash(size, get)).toEqual(root);
      for (let i = 0; i < size; i++) {
        const ranges = inclusionRanges(i, size);
        // Each element is the MTH of its leaf range, computed both ways.
        expect(hashesOf(ranges, get)).toEqual(ranges.map(([s, e]) => rootFromLeaves(leaves.slice(s, e))));
        expect(verifyInclusion(leaves[i]!, i, size, hashesOf(ranges, get), root)).toBe(true);
      }
      for (let m = 0; m <= size; m++) {
        const proof = hashesOf(consistencyRanges(m, size), get);
        expect(verifyConsistency(m, size, proof, rootFromLeaves(leaves.slice(0, m)), root)).toBe(true);
      }
    }
  });
});

// ---- properties ----

const treeArb = fc.integer({ min: 1, max: 300 }).map((size) => {
  const leaves = Array.from({ length: size }, (_, i) => leafHash(new Uint8Array([i & 255, i >> 8, 7])));
  return { size, leaves, get: storedNodes(leaves) };
});

function mutate(hash: Uint8Array, at: number, xor: number): Uint8Array {
  const copy = hash.slice();
  copy[at % copy.length]! ^= xor;
  return copy;
}

describe('properties', () => {
  it('every inclusion proof built from ranges verifies, and any single-byte change fails', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.nat(),
        fc.nat(),
        fc.nat(31),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 1, max: 1000 }),
        ({ size, leaves, get }, rawIndex, pick, at, xor, other) => {
          const index = rawIndex % size;
          const proof = hashesOf(inclusionRanges(index, size), get);
          const root = rootHash(size, get);
          const leaf = leaves[index]!;
          expect(verifyInclusion(leaf, index, size, proof, root)).toBe(true);
          expect(proof.length * 32).toBeLessThanOrEqual(32 * Math.ceil(Math.log2(size)));
          expect(verifyInclusion(mutate(leaf, at, xor), index, size, proof, root)).toBe(false);
          expect(verifyInclusion(leaf, index, size, proof, mutate(root, at, xor))).toBe(false);
          if (proof.length > 0) {
            const i = pick % proof.length;
            const bad = proof.map((p, j) => (j === i ? mutate(p, at, xor) : p));
            expect(verifyInclusion(leaf, index, size, bad, root)).toBe(false);
          }
          // A proof for this size does not verify against the signed root of any other size.
          const otherSize = Math.max(index + 1, (size + other) % 400);
          if (otherSize !== size) {
            const otherLeaves = Array.from(
              { length: otherSize },
              (_, i) => leaves[i] ?? leafHash(new Uint8Array([i & 255, i >> 8, 7])),
            );
            expect(verifyInclusion(leaf, index, otherSize, proof, rootFromLeaves(otherLeaves))).toBe(false);
          }
          const otherIndex = (index + other) % size;
          if (otherIndex !== index) expect(verifyInclusion(leaf, otherIndex, size, proof, root)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every consistency proof built from ranges verifies, and any single-byte change fails', () => {
    fc.assert(
      fc.property(
        treeArb,
        fc.nat(),
        fc.nat(),
        fc.nat(31),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: 1, max: 1000 }),
        ({ size, leaves, get }, rawFirst, pick, at, xor, other) => {
          const first = 1 + (rawFirst % size);
          const proof = hashesOf(consistencyRanges(first, size), get);
          const r1 = rootHash(first, get);
          const r2 = rootHash(size, get);
          expect(verifyConsistency(first, size, proof, r1, r2)).toBe(true);
          if (first === size) return;
          expect(verifyConsistency(first, size, proof, mutate(r1, at, xor), r2)).toBe(false);
          expect(verifyConsistency(first, size, proof, r1, mutate(r2, at, xor))).toBe(false);
          const i = pick % proof.length;
          const bad = proof.map((p, j) => (j === i ? mutate(p, at, xor) : p));
          expect(verifyConsistency(first, size, bad, r1, r2)).toBe(false);
          // Claiming another old size with that size's real root does not pass with this proof.
          const otherFirst = 1 + ((first - 1 + other) % size);
          if (otherFirst !== first) {
            expect(
              verifyConsistency(otherFirst, size, proof, rootFromLeaves(leaves.slice(0, otherFirst)), r2),
            ).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
