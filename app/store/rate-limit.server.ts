import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { RedisStore } from "./redis-store.server";
import type { SharedStore } from "./store.server";

export interface RateLimitRule {
  /** Name used in keys: "login-ip", "login-account", … */
  name: string;
  points: number;
  durationSeconds: number;
  /** Once exhausted, block for this long (defaults to the rest of the window). */
  blockSeconds?: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A limiter that counts in Redis when the store is Redis, in this process otherwise. */
export class RateLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    store: SharedStore,
    readonly rule: RateLimitRule,
  ) {
    const options = {
      keyPrefix: `rl:${rule.name}`,
      points: rule.points,
      duration: rule.durationSeconds,
      blockDuration: rule.blockSeconds ?? 0,
    };
    // While Redis is away (a restart, a failover) limits are counted in this process instead
    // of failing the request: a log-in must not turn into a 500 because Redis blinked.
    this.limiter =
      store instanceof RedisStore
        ? new RateLimiterRedis({
            ...options,
            storeClient: store.client,
            useRedisPackage: false,
            rejectIfRedisNotReady: true,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
  }

  async consume(key: string, points = 1): Promise<RateLimitDecision> {
    try {
      await this.limiter.consume(key, points);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
      throw rejection;
    }
  }

  /** Peek without consuming: is this key currently blocked? */
  async check(key: string): Promise<RateLimitDecision> {
    const state = await this.limiter.get(key);
    if (state && state.consumedPoints >= this.rule.points) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
    }
    return { allowed: true };
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
