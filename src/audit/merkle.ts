/**
 * A Merkle tree over a log, as Certificate Transparency defines it (RFC 6962 §2.1, RFC 9162 §2.1): the tree head
 * of the first n entries, inclusion proofs, consistency proofs between two tree sizes, and their verifiers.
 * No well-kept npm package offers consistency proofs, so it is written here: a partner that kept an old
 * checkpoint (size m, root r) can check that the log of today still starts with exactly those m entries.
 *
 * Each function that walks the tree computes the hash of every subtree at most once, so a proof over n entries
 * costs O(n) hashing, and verification O(log n).
 */
import { createHash } from 'node:crypto';

export type Hash = Buffer;

const sha256 = (...parts: Buffer[]): Hash => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

export const leafHash = (data: Buffer): Hash => sha256(LEAF_PREFIX, data);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(NODE_PREFIX, left, right);

/** The largest power of two smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[from:to]) over leaf hashes. */
function subtreeHash(leaves: readonly Hash[], from: number, to: number): Hash {
  const n = to - from;
  if (n === 1) return leaves[from]!;
  const k = split(n);
  return nodeHash(subtreeHash(leaves, from, from + k), subtreeHash(leaves, from + k, to));
}

/** The tree head of the leaves (already hashed with leafHash). The empty tree's root is SHA-256 of nothing. */
export function rootHash(leaves: readonly Hash[]): Hash {
  return leaves.length === 0 ? sha256() : subtreeHash(leaves, 0, leaves.length);
}

/** PATH(m, D[n]): the audit path proving that leaf m is in the tree of all `leaves`. */
export function inclusionProof(leaves: readonly Hash[], index: number): Hash[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  const path = (m: number, from: number, to: number): Hash[] => {
    const n = to - from;
    if (n === 1) return [];
    const k = split(n);
    return m < k
      ? [...path(m, from, from + k), subtreeHash(leaves, from + k, to)]
      : [...path(m - k, from + k, to), subtreeHash(leaves, from, from + k)];
  };
  return path(index, 0, leaves.length);
}

/** PROOF(m, D[n]): proves that the tree of the first m leaves is a prefix of the tree of all n `leaves`. */
export function consistencyProof(leaves: readonly Hash[], oldSize: number): Hash[] {
  const n = leaves.length;
  if (oldSize < 0 || oldSize > n) throw new RangeError(`a tree of ${n} has no prefix of ${oldSize}`);
  if (oldSize === 0 || oldSize === n) return [];
  const subproof = (m: number, from: number, to: number, complete: boolean): Hash[] => {
    const size = to - from;
    if (m === size) return complete ? [] : [subtreeHash(leaves, from, to)];
    const k = split(size);
    return m <= k
      ? [...subproof(m, from, from + k, complete), subtreeHash(leaves, from + k, to)]
      : [...subproof(m - k, from + k, to, false), subtreeHash(leaves, from, from + k)];
  };
  return subproof(oldSize, 0, n, true);
}

/** RFC 9162 §2.1.3.2: does `proof` show leaf `index` with hash `leaf` in the tree of `size` with `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree (oldSize, oldRoot) is a prefix of (newSize, newRoot)? */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Hash, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (oldSize === 0) return proof.length === 0;
  let path = [...proof];
  // When the old tree is a complete subtree (size a power of two), its root is the proof's implicit first node.
  if ((oldSize & (oldSize - 1)) === 0) path = [oldRoot, ...path];
  if (path.length === 0) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
