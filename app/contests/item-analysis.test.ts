import { describe, expect, it } from "vitest";
import { discriminationFlag, discriminationIndex, groupSize } from "./item-analysis";

describe("item analysis", () => {
  it("puts 27% of the attempts in each of the upper and lower groups, never overlapping", () => {
    expect(groupSize(100)).toBe(27);
    expect(groupSize(20)).toBe(6);
    expect(groupSize(200_000)).toBe(54_000);
    expect(groupSize(3)).toBe(1);
    expect(groupSize(1)).toBe(0);
    expect(groupSize(0)).toBe(0);
  });

  it("is the upper group's share right minus the lower group's", () => {
    expect(discriminationIndex({ upperDrawn: 20, upperCorrect: 18, lowerDrawn: 25, lowerCorrect: 10 })).toBeCloseTo(
      0.9 - 0.4,
    );
    expect(discriminationIndex({ upperDrawn: 10, upperCorrect: 2, lowerDrawn: 10, lowerCorrect: 8 })).toBeCloseTo(-0.6);
    expect(discriminationIndex({ upperDrawn: 6, upperCorrect: 6, lowerDrawn: 6, lowerCorrect: 6 })).toBe(0);
  });

  it("gives no index when either group drew the question too rarely", () => {
    expect(discriminationIndex({ upperDrawn: 4, upperCorrect: 4, lowerDrawn: 30, lowerCorrect: 0 })).toBeNull();
    expect(discriminationIndex({ upperDrawn: 30, upperCorrect: 4, lowerDrawn: 0, lowerCorrect: 0 })).toBeNull();
    expect(discriminationIndex({ upperDrawn: 2, upperCorrect: 2, lowerDrawn: 2, lowerCorrect: 0 }, 2)).toBe(1);
  });

  it("flags negative and low discrimination", () => {
    expect(discriminationFlag(-0.05)).toBe("negative");
    expect(discriminationFlag(0)).toBe("low");
    expect(discriminationFlag(0.19)).toBe("low");
    expect(discriminationFlag(0.2)).toBeNull();
    expect(discriminationFlag(0.8)).toBeNull();
    expect(discriminationFlag(null)).toBeNull();
  });
});
