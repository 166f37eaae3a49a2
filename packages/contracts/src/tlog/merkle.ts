import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, equalBytes } from './bytes.ts';

/**
 * RFC 6962 / RFC 9162 Merkle tree over a log's entries. Sizes and indexes are JS numbers (safe
 * integers): 2^53 entries is beyond any log we will run, and plain numbers cross JSON untouched.
 * Shifts are written as division because JS bit operators truncate to 32 bits.
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0]);
const NODE_PREFIX = new Uint8Array([1]);

/** RFC 9162 §2.1.1: the hash of a leaf is SHA-256(0x00 ‖ entry). */
export function leafHash(entry: Uint8Array): Uint8Array {
  return sha256(concatBytes(LEAF_PREFIX, entry));
}

/** RFC 9162 §2.1.1: an interior node is SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concatBytes(NODE_PREFIX, left, right));
}

/** MTH({}) — the root of an empty log. */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** A stored complete subtree: level 0 is a leaf hash; (level, index) covers leaves [index·2^level, (index+1)·2^level). */
export interface SubtreeId {
  level: number;
  index: number;
}
export type GetNode = (level: number, index: number) => Uint8Array;
export type LeafRange = [start: number, end: number];

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a non-negative safe integer, got ${n}`);
}

/** The largest power of two strictly below n (n ≥ 2): RFC 9162's split point k. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The aligned power-of-two subtrees whose concatenation is leaves [start, end), left to right. */
export function subtreesOf(start: number, end: number): SubtreeId[] {
  checkCount(start, 'start');
  checkCount(end, 'end');
  if (start > end) throw new RangeError(`start ${start} is after end ${end}`);
  const out: SubtreeId[] = [];
  let at = start;
  while (at < end) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) size *= 2;
    out.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return out;
}

/** Every stored subtree needed to hash the given ranges, without repeats — one lookup for a whole proof. */
export function nodesOfRanges(ranges: readonly LeafRange[]): SubtreeId[] {
  const seen = new Set<string>();
  const out: SubtreeId[] = [];
  for (const [start, end] of ranges) {
    for (const node of subtreesOf(start, end)) {
      const key = `${node.level}:${node.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(node);
      }
    }
  }
  return out;
}

/**
 * MTH of leaves [start, end) from stored complete subtrees. Only defined for the ranges that occur
 * in a tree (its root, proof elements): those start on a boundary at least as wide as the range, so
 * their subtrees shrink left to right and RFC 9162's left-heavy split folds them from the right.
 */
export function rangeHash(start: number, end: number, getNode: GetNode): Uint8Array {
  const parts = subtreesOf(start, end);
  if (parts.length === 0) return emptyRoot();
  for (let i = 1; i < parts.length; i++) {
    if (parts[i]!.level >= parts[i - 1]!.level) {
      throw new RangeError(`[${start}, ${end}) is not a subtree range of any Merkle tree`);
    }
  }
  let hash = getNode(parts.at(-1)!.level, parts.at(-1)!.index);
  for (let i = parts.length - 2; i >= 0; i--)
    hash = nodeHash(getNode(parts[i]!.level, parts[i]!.index), hash);
  return hash;
}

/** The root of a log of `size` entries from its stored subtrees. */
export function rootHash(size: number, getNode: GetNode): Uint8Array {
  return rangeHash(0, size, getNode);
}

/** MTH straight from the definition (RFC 9162 §2.1.1): the reference the stored-subtree path is tested against. */
export function rootFromLeaves(leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot();
  if (leafHashes.length === 1) return leafHashes[0]!;
  const k = splitPoint(leafHashes.length);
  return nodeHash(rootFromLeaves(leafHashes.slice(0, k)), rootFromLeaves(leafHashes.slice(k)));
}

/** RFC 9162 §2.1.3.1 PATH(index, D[0:size]): the ranges whose hashes are the proof, leaf side first. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  checkCount(index, 'index');
  checkCount(size, 'size');
  if (index >= size) throw new RangeError(`index ${index} is not below size ${size}`);
  const out: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  // Walks from the root down, so the siblings are collected top first and reversed at the end.
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
    }
  }
  return out.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(first, D[0:second]) via SUBPROOF: the ranges whose hashes are the proof. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  checkCount(first, 'first');
  checkCount(second, 'second');
  if (first > second) throw new RangeError(`first ${first} is after second ${second}`);
  if (first === 0 || first === second) return [];
  const out: LeafRange[] = [];
  let m = first;
  let lo = 0;
  let hi = second;
  let whole = true; // SUBPROOF's b: the old tree is still a complete left part of this one
  for (;;) {
    if (m === hi - lo) {
      if (!whole) out.push([lo, hi]);
      break;
    }
    const k = splitPoint(hi - lo);
    if (m <= k) {
      out.push([lo + k, hi]);
      hi = lo + k;
    } else {
      out.push([lo, lo + k]);
      lo += k;
      m -= k;
      whole = false;
    }
  }
  return out.reverse();
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}

function isHash(x: unknown): x is Uint8Array {
  return x instanceof Uint8Array && x.length === HASH_SIZE;
}

function isHashList(xs: unknown): xs is Uint8Array[] {
  return Array.isArray(xs) && xs.every(isHash);
}

/** RFC 9162 §2.1.3.2. False for any malformed input; never throws. */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isHash(leaf) || !isHash(root) || !isHashList(proof)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/** RFC 9162 §2.1.4.2, with the trivial cases (equal sizes, empty first tree) needing an empty proof. Never throws. */
export function verifyConsistency(
  first: number,
  second: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): boolean {
  if (!isHash(firstRoot) || !isHash(secondRoot) || !isHashList(proof)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    return false;
  if (first === second) return proof.length === 0 && equalBytes(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  // A first tree that is a complete subtree is its own first proof element (the spec leaves it out).
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}

/**
 * The right edge of a growing tree (one complete subtree per set bit of the size): appends in O(1)
 * amortised, gives the root of the current size at any time, and holds O(log n) hashes — how a
 * verifier recomputes every checkpoint's root while streaming a log's entries once.
 */
export class MerkleFrontier {
  private readonly edge: { level: number; hash: Uint8Array }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leaf: Uint8Array): void {
    let level = 0;
    let hash = leaf;
    while (this.edge.length > 0 && this.edge.at(-1)!.level === level) {
      hash = nodeHash(this.edge.pop()!.hash, hash);
      level++;
    }
    this.edge.push({ level, hash });
    this.count++;
  }

  root(): Uint8Array {
    if (this.edge.length === 0) return emptyRoot();
    let hash = this.edge.at(-1)!.hash;
    for (let i = this.edge.length - 2; i >= 0; i--) hash = nodeHash(this.edge[i]!.hash, hash);
    return hash;
  }
}
