import { describe, expect, it } from "vitest";
import { activityIri, buildStatement, uuidFrom } from "./statements";

describe("xAPI statements", () => {
  it("derives the same RFC 4122 UUID from the same event, another from another", () => {
    const id = uuidFrom("completed:enrolment-1:lesson-1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFrom("completed:enrolment-1:lesson-1")).toBe(id);
    expect(uuidFrom("completed:enrolment-1:lesson-2")).not.toBe(id);
  });

  it("names activities under the site's address, whatever its trailing slash", () => {
    expect(activityIri("https://phapluat.example.vn/", "course", "c1")).toBe(
      "https://phapluat.example.vn/xapi/activities/course/c1",
    );
  });

  it("builds a course completion: account actor, ADL verb, course activity, no parent", () => {
    const statement = buildStatement("https://phapluat.example.vn", {
      verb: "completed",
      userId: "u1",
      course: { id: "c1", title: "Khóa học (thử)" },
      key: "e1",
      timestamp: new Date("2026-12-01T08:00:00Z"),
      result: { completion: true, success: true },
    });
    expect(statement).toEqual({
      id: uuidFrom("completed:e1"),
      actor: { objectType: "Agent", account: { homePage: "https://phapluat.example.vn", name: "u1" } },
      verb: {
        id: "http://adlnet.gov/expapi/verbs/completed",
        display: { "en-US": "completed", "vi-VN": "đã hoàn thành" },
      },
      object: {
        objectType: "Activity",
        id: "https://phapluat.example.vn/xapi/activities/course/c1",
        definition: { type: "http://adlnet.gov/expapi/activities/course", name: { "vi-VN": "Khóa học (thử)" } },
      },
      result: { success: true, completion: true },
      context: { platform: "Legal Arena", language: "vi-VN" },
      timestamp: "2026-12-01T08:00:00.000Z",
      version: "1.0.3",
    });
  });

  it("gives a quiz result a scaled score in [0, 1] and the course as parent", () => {
    const statement = buildStatement("https://phapluat.example.vn", {
      verb: "failed",
      userId: "u1",
      course: { id: "c1", title: "Khóa học" },
      lesson: { id: "l1", title: "Bài kiểm tra", quiz: true },
      key: "attempt-1",
      timestamp: new Date("2026-12-01T08:00:00Z"),
      result: { success: false, completion: false, score: { raw: 2, min: 0, max: 3 } },
    });
    expect(statement.result).toEqual({
      score: { scaled: 0.6667, raw: 2, min: 0, max: 3 },
      success: false,
      completion: false,
    });
    expect(statement.object.definition.type).toBe("http://adlnet.gov/expapi/activities/assessment");
    expect(statement.context).toMatchObject({
      contextActivities: { parent: [{ id: "https://phapluat.example.vn/xapi/activities/course/c1" }] },
    });
  });
});
