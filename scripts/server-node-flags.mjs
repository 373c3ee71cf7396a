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
 * embedded round start's RSS with everyone connected fell 1,017–1,060 → 809 MB with it. Its
 * price was the 200,000-row Excel exports taking about twice as long (docs/performance.md,
 * `data`), until the next flag.
 *
 * No allocation-site pretenuring: V8 watches which allocation sites' objects survive a young
 * collection and then allocates them straight in the old generation. A batch of answers waiting
 * on PostgreSQL keeps each request's objects alive across a collection, which makes their sites
 * look long-lived. With pretenuring on, each server process ran a full collection every 10–12 s
 * at 3,500 answers/s, and the loop then stalled for 100–240 ms (the pause, the marking's steps
 * and a young collection back to back on a busy 2-core machine); those stalls, not a queue,
 * ended the saturation ladder. Without it: young collections 16 ms instead of 22–30, less
 * promotion, stalls of 20–65 ms, and the app's maximum went from 4,983 to 10,465–12,828
 * answers/s on the same day (docs/performance.md, session 10). It also gave the 200,000-row
 * Excel exports back the speed the old-generation cap had cost them (20.4 → 12.2 s, 852 MB).
 */
export const SERVER_NODE_FLAGS = [
  "--enable-source-maps",
  "--max-semi-space-size=64",
  "--max-old-space-size=1536",
  "--no-allocation-site-pretenuring",
];
