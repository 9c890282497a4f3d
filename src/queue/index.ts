/** The queue room's façade for the engine and the CLI: the coordinator's Analyzer, the worker, the shard slice, the settings. */
export { createQueueAnalyzer, type QueueAnalyzer } from './queue-analyzer.js';
export { startQueueWorker, type QueueWorker, type WorkerEvent } from './queue-worker.js';
export { parseQueueUrl, type QueueLocation } from './connection.js';
export { queueSettings, type QueueSettings } from './settings.js';
export { parseShard } from './shard.js';
