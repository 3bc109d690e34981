import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consistencyProof, inclusionProof, leafHash, rootHash, verifyConsistency, verifyInclusion } from './merkle.js';

const hex = (buffer: Buffer) => buffer.toString('hex');
const unhex = (text: string) => Buffer.from(text, 'hex');

// The reference leaves and tree heads of Certificate Transparency's RFC 6962 test data.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((data) => leafHash(unhex(data)));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

describe('the Merkle tree (RFC 6962)', () => {
  it('gives the reference tree head for every size from 0 to 8', () => {
    for (let size = 0; size <= 8; size++) assert.equal(hex(rootHash(CT_LEAVES.slice(0, size))), CT_ROOTS[size], `size ${size}`);
  });

  it('gives the reference audit path for the first leaf of 8', () => {
    assert.deepEqual(inclusionProof(CT_LEAVES, 0).map(hex), [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
  });

  it('proves and verifies the inclusion of every leaf in trees of every size up to 40, and refuses a wrong leaf', () => {
    for (let size = 1; size <= 40; size++) {
      const leaves = leavesOf(size);
      const root = rootHash(leaves);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(leaves, index);
        assert.ok(verifyInclusion(leaves[index]!, index, size, proof, root), `leaf ${index} of ${size}`);
        assert.ok(!verifyInclusion(leafHash(Buffer.from('forged')), index, size, proof, root));
        if (size > 1) assert.ok(!verifyInclusion(leaves[index]!, (index + 1) % size, size, proof, root));
      }
    }
  });

  it('proves that every older tree is a prefix of every newer one, up to 40 entries', () => {
    for (let newSize = 1; newSize <= 40; newSize++) {
      const leaves = leavesOf(newSize);
      const newRoot = rootHash(leaves);
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const oldRoot = rootHash(leaves.slice(0, oldSize));
        const proof = consistencyProof(leaves, oldSize);
        assert.ok(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), `${oldSize} → ${newSize}`);
      }
    }
  });

  it('refuses consistency when an entry before the old checkpoint was rewritten', () => {
    for (let newSize = 2; newSize <= 24; newSize++) {
      const leaves = leavesOf(newSize);
      for (let oldSize = 1; oldSize < newSize; oldSize++) {
        const oldRoot = rootHash(leaves.slice(0, oldSize));
        for (let rewritten = 0; rewritten < oldSize; rewritten++) {
          const tampered = [...leaves];
          tampered[rewritten] = leafHash(Buffer.from('rewritten'));
          const proof = consistencyProof(tampered, oldSize);
          assert.ok(!verifyConsistency(oldSize, newSize, oldRoot, rootHash(tampered), proof), `entry ${rewritten} rewritten, ${oldSize} → ${newSize}`);
        }
      }
    }
  });

  it('refuses a consistency proof for the wrong sizes or a truncated proof', () => {
    const leaves = leavesOf(13);
    const proof = consistencyProof(leaves, 5);
    const oldRoot = rootHash(leaves.slice(0, 5));
    const newRoot = rootHash(leaves);
    assert.ok(!verifyConsistency(6, 13, oldRoot, newRoot, proof));
    assert.ok(!verifyConsistency(5, 13, oldRoot, rootHash(leaves.slice(0, 12)), proof));
    assert.ok(!verifyConsistency(5, 13, oldRoot, newRoot, proof.slice(1)));
    assert.ok(!verifyConsistency(13, 5, newRoot, oldRoot, []));
  });
});
