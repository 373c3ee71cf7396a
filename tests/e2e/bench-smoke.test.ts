import { describe, expect, it } from "vitest";
import { run as runData } from "../../bench/data";
import { run as runLiveQuiz } from "../../bench/live-quiz";
import { run as runPages } from "../../bench/pages";

/**
 * Tiny runs of the `live-quiz`, `data` and `pages` benchmarks (issue 8) against the built
 * server, so the scenarios keep working as the app changes. Speed is the benchmarks' business,
 * not this test's (the machine is shared): it asserts that nothing failed, that every
 * acknowledged answer is stored, and that each result carries the issue's common fields.
 * PostgreSQL and Redis when the TEST_* variables are set, else the embedded default.
 */
const COMMON_FIELDS = [
  "scenario",
  "contestants",
  "errors",
  "lost_answers",
  "start_p95_ms",
  "answer_p50_ms",
  "answer_p99_ms",
  "board_delay_p95_ms",
  "answers_per_s",
  "baseline_per_s",
  "ratio",
  "server_peak_rss_mb",
];

function databaseArgs(): string[] {
  if (!process.env.TEST_DATABASE_URL) return ["--embedded"];
  const args = ["--database-url", process.env.TEST_DATABASE_URL];
  if (process.env.TEST_REDIS_URL) args.push("--redis-url", process.env.TEST_REDIS_URL);
  return args;
}

describe("benchmark smoke runs", () => {
  it("live-quiz: 20 players answer 2 questions, everyone gets every result", async () => {
    const result = await runLiveQuiz([
      ...["--players", "20", "--questions", "2", "--seconds", "10", "--think-min", "100", "--think-max", "400"],
      ...databaseArgs(),
    ]);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(COMMON_FIELDS));
    expect(result.error_kinds).toEqual({});
    expect(result.errors).toBe(0);
    expect(result.lost_answers).toBe(0);
    expect(result.answers_acked).toBe(20 * 2);
    // 21 players (one idle) × 2 questions: each got the room's reveal and their own result.
    expect(result.reveal_delay_ms.n).toBe(21 * 2);
    expect(result.result_delay_ms.n).toBe(21 * 2);
    expect(result.board_delay_p95_ms).not.toBeNull();
  }, 300_000);

  it("data: the results pages, exports, rebuild and bank search answer on a small load", async () => {
    const result = await runData([
      ...["--participants", "400", "--questions", "100", "--runs", "1"],
      ...databaseArgs(),
    ]);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(COMMON_FIELDS));
    expect(result.error_list).toEqual([]);
    expect(result.answers).toBe(500 * 4);
    for (const timing of ["results_round_ms", "results_contest_ms", "xlsx_round_ms", "xlsx_contest_ms"])
      expect(result[timing as keyof typeof result], timing).toBeGreaterThan(0);
    expect(result.leaderboard_rebuild_ms).toBeGreaterThan(0);
    // Every tenth question names the Luật Đất đai; the search finds exactly those, typed either way.
    expect(result.bank_search_hits).toMatchObject({ "Luật Đất đai": 10, "hon nhan gia dinh": 10 });
    expect(result.boards.map((board) => board.entries)).toEqual([400, 100]);
  }, 300_000);

  it("pages: the contest page, the attempt page and its data answer 2xx under load", async () => {
    const result = await runPages(["--duration", "1", "--connections", "4", ...databaseArgs()]);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(COMMON_FIELDS));
    expect(result.errors).toBe(0);
    expect(result.contestants).toBe(4);
    expect(result.baseline_per_s).toBeGreaterThan(0);
    expect(result.contest_page_req_per_s).toBeGreaterThan(0);
    expect(result.attempt_page_req_per_s).toBeGreaterThan(0);
    expect(result.attempt_data_req_per_s).toBeGreaterThan(0);
    expect(result.ratio).toBeGreaterThan(0);
  }, 300_000);
});
