/**
 * Import first, before anything that loads Ink: Ink (is-in-ci) decides at
 * import time whether to write live frames, and writes none when CI is set.
 * The UI tests unset it so their frame assertions run in CI too.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
