/**
 * Node flags the server runs with, wherever it is started (npm start, the Docker image, the
 * benchmarks, the browser tests). A young generation of 64 MiB instead of V8's 16 MiB: every
 * answer, socket frame and query allocates short-lived objects, and with the default the
 * collector promoted so many of them that old-generation pauses made the answers' p99 ten times
 * the median at 5,000 answers/s (issue 8, docs/performance.md: 294 → 72 ms).
 *
 * An old generation of at most 1.5 GiB: V8 lets a heap whose limit is 2 GiB or more (its
 * default on this 24 GiB machine) grow to 4 times what it kept alive before collecting again,
 * and 1.8 times under this limit. The garbage of 5,000 log-ins then stayed resident: the
 * embedded round start's RSS with everyone connected fell 1,017–1,060 → 809 MB with it. The
 * price: the 200,000-row Excel exports take about twice as long (docs/performance.md, `data`).
 */
export const SERVER_NODE_FLAGS = ["--enable-source-maps", "--max-semi-space-size=64", "--max-old-space-size=1536"];
