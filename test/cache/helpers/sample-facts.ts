/** Deterministic facts per index, so any process can check a value it reads back. */
import type { FileFacts } from '../../../src/types.js';

export function sampleFacts(i: number): FileFacts {
  return {
    lines: i + 10,
    code: i + 5,
    comment: 3,
    blank: 2,
    functions: [
      { name: `f${i}`, line: 1, column: 1, endLine: 4, params: i % 5, cyclomatic: 1 + (i % 7), cognitive: i % 3, maxDepth: 1, length: 4 },
    ],
    imports: [{ specifier: `./m${i % 10}`, kind: 'import', typeOnly: false, names: ['a'], line: 1 }],
    exports: [{ name: `f${i}`, line: 1, typeOnly: false }],
    observations: i % 4 === 0 ? [{ kind: 'todo-comment', line: 2, column: 3, text: 'TODO later' }] : [],
  };
}

export const sampleKey = (i: number): string => `ts:${String(i).padStart(64, '0')}`;
