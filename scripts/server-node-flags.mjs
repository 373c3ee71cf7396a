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
 *
 * No allocation-site pretenuring: V8 watches which allocation sites' objects survive a young
 * collection and then allocates them straight in the old generation. A batch of answers waiting
 * on PostgreSQL keeps each request's objects alive across a collection, so V8 pretenured them,
 * and every answer's short-lived objects then filled the old generation: a full collection per
 * process every 10–12 s at 3,500 answers/s, each stopping the sockets for 100–240 ms (a
 * collection's pause plus its marking on a busy 2-core machine). That, not a queue, was what
 * stopped the saturation ladder. Without it: young collections 16 ms instead of 22–30, about
 * half the promotion, and the app took 12,568 answers/s at p99 243 ms where it had stopped at
 * 5,000–6,500 (docs/performance.md, session 10).
 */
export const SERVER_NODE_FLAGS = [
  "--enable-source-maps",
  "--max-semi-space-size=64",
  "--max-old-space-size=1536",
  "--no-allocation-site-pretenuring",
];
