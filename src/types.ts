/**
 * Plain data shared by every stage. Each value here is JSON-safe so that any stage's output can be
 * written to disk and read back by the next one (`attune score`, `attune report`).
 */
export * from './types/scenario.js';
export * from './types/rubric.js';
export * from './types/transcript.js';
export * from './types/results.js';
export * from './types/config.js';
