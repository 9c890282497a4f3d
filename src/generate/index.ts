/** The synthetic project generator: `generateProject` and its ground-truth types. */
export { generateProject, PROJECT_SIZES } from './generate-project.js';
export type { ProjectSize } from './generate-project.js';
export { GROUND_TRUTH_FILE } from './ground-truth.js';
export type { GroundTruth } from './ground-truth.js';
