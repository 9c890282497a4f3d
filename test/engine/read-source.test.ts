import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { decodeSource, readSource } from '../../src/engine/read-source.js';
import { makeTempTree, removeTree } from '../helpers/temp-tree.js';

describe('readSource', () => {
  const root = makeTempTree({
    'plain.ts': 'export const a = 1;\n',
    'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('export const b = 2;\n')]),
    'binary.ts': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]),
    'latin1.ts': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0xe9, 0x3d, 0x31, 0x3b]),
    'crlf.ts': 'const a = 1;\r\nconst b = 2;\r\n',
  });
  after(() => removeTree(root));

  const read = (name: string) => readSource(path.join(root, name));
  const text = (name: string) => {
    const bytes = read(name);
    assert.ok(bytes.kind === 'bytes');
    return decodeSource(bytes.bytes);
  };

  it('hashes the bytes with SHA-1', () => {
    const plain = read('plain.ts');
    assert.ok(plain.kind === 'bytes');
    assert.equal(plain.hash, createHash('sha1').update('export const a = 1;\n').digest('hex'));
    assert.deepEqual(decodeSource(plain.bytes), { kind: 'text', text: 'export const a = 1;\n' });
  });

  it('strips a UTF-8 BOM from the text but hashes the real bytes', () => {
    assert.deepEqual(text('bom.ts'), { kind: 'text', text: 'export const b = 2;\n' });
    assert.equal(read('bom.ts').size, 23);
  });

  it('keeps CRLF line endings as they are', () => {
    assert.deepEqual(text('crlf.ts'), { kind: 'text', text: 'const a = 1;\r\nconst b = 2;\r\n' });
  });

  it('reports binary content and invalid UTF-8 as per-file errors', () => {
    const binary = text('binary.ts');
    assert.equal(binary.kind === 'error' && binary.error.code, 'binary');
    const latin1 = text('latin1.ts');
    assert.equal(latin1.kind === 'error' && latin1.error.code, 'encoding');
  });

  it('does not read a file over the size limit', () => {
    const tooLarge = readSource(path.join(root, 'plain.ts'), 10);
    assert.deepEqual({ kind: tooLarge.kind, size: tooLarge.size }, { kind: 'too-large', size: 20 });
    assert.equal(tooLarge.kind === 'too-large' && tooLarge.stats.size, 20, "the descriptor's metadata, for the stat manifest");
    assert.equal(readSource(path.join(root, 'plain.ts'), 20).kind, 'bytes');
  });

  it('reports a vanished file and an unreadable path', () => {
    const gone = readSource(path.join(root, 'nope.ts'));
    assert.equal(gone.kind === 'error' && gone.error.code, 'vanished');
    mkdirSync(path.join(root, 'dir.ts'));
    const directory = readSource(path.join(root, 'dir.ts'));
    assert.equal(directory.kind === 'error' && directory.error.code, 'unreadable');
  });
});
