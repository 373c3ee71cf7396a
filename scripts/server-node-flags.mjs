/**
 * Node flags the server runs with, wherever it is started (npm start, the Docker image, the
 * benchmarks, the browser tests). A young generation of 64 MiB instead of V8's 16 MiB: every
 * answer, socket frame and query allocates short-lived objects, and with the default the
 * collector promoted so many of them that old-generation pauses made the answers' p99 ten times
 * the median at 5,000 answers/s (issue 8, docs/performance.md: 294 → 72 ms).
 */
export const SERVER_NODE_FLAGS = ["--enable-source-maps", "--max-semi-space-size=64"];
