import { AppError } from '../errors/index.ts'

/** 429: the caller has sent too many requests; `retryAfterSeconds` goes out as Retry-After. */
export class TooManyRequestsError extends AppError {
  readonly status = 429
  readonly code = 'rate-limited'
  readonly title = 'Too many requests'
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number, message = 'Too many requests: slow down and try again later', options?: ErrorOptions) {
    super(message, options)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Keys kept by one limiter at most; the oldest are forgotten first, so a flood of keys cannot exhaust memory. */
const MAX_KEYS = 10_000

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > MAX_KEYS) {
    const oldest = map.keys().next().value
    if (oldest !== undefined) map.delete(oldest)
  }
}

/**
 * At most `limit` events per key in any window of `windowMs` (a sliding log of event times). Used to slow
 * sign-in failures from one address. In memory: each process counts its own.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>()
  private readonly limit: number
  private readonly windowMs: number

  constructor(limit: number, windowMs: number) {
    this.limit = limit
    this.windowMs = windowMs
  }

  /** Milliseconds until the key may act again; 0 when it may act now. */
  retryAfterMs(key: string, now: number): number {
    const times = this.live(key, now)
    if (times.length < this.limit) return 0
    return Math.max(1, times[times.length - this.limit]! + this.windowMs - now)
  }

  record(key: string, now: number): void {
    const times = this.live(key, now)
    times.push(now)
    if (times.length > this.limit) times.splice(0, times.length - this.limit)
    remember(this.events, key, times)
  }

  private live(key: string, now: number): number[] {
    const times = (this.events.get(key) ?? []).filter(t => t > now - this.windowMs)
    if (times.length === 0) this.events.delete(key)
    return times
  }
}

/**
 * A token bucket per key: it holds up to `perMinute` tokens (a minute's burst) and refills at `perMinute` a
 * minute. Used to hold each API client to its own rate. In memory: each process counts its own.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  /** Takes a token: 0 when allowed, otherwise the milliseconds until one is free. */
  take(key: string, perMinute: number, now: number): number {
    const capacity = Math.max(1, perMinute)
    const perMs = capacity / 60_000
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now }
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs)
    bucket.at = now
    remember(this.buckets, key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil((1 - bucket.tokens) / perMs)
  }
}
