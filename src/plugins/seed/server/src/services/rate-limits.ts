/**
 * Rate limits counted in the database (table `rate_limits`, through Strapi's own knex), so every
 * instance spends the same allowance: N instances do not allow N times the requests. Settings:
 * `seed.config.rateLimits` in config/plugins.ts. Used by the global middleware
 * (src/middlewares/rate-limits.ts), the GraphQL auth mutations (src/extensions/graphql/rate-limits.ts)
 * and every SEED write (../operations/run.ts).
 */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterMySQL, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { CodedError } from '../errors/codes';

export const RATE_LIMITS_TABLE = 'rate_limits';

export interface RateLimitSettings {
  enabled: boolean;
  /** Per client IP per minute: REST GETs and GraphQL queries. */
  reads: number;
  /** Per client IP per minute: other REST methods and GraphQL mutations. */
  writes: number;
  /** Per member (or staff) per minute: SEED operations that write. */
  memberWrites: number;
  /** Per webhook source per minute. */
  webhooks: number;
  /** Per client IP and login identifier per 15 minutes: failed logins. */
  login: number;
  /** Per client IP per 15 minutes: failed logins whatever the identifier, and every other account request (register, forgotten password…). */
  loginIp: number;
  /** Addresses the per-address limits leave alone: the association's own servers (a site rendering its pages through the API). */
  exemptAddresses: string[];
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  enabled: true,
  reads: 600,
  writes: 120,
  memberWrites: 60,
  webhooks: 1200,
  login: 10,
  loginIp: 100,
  exemptAddresses: [],
};

export type Bucket = 'reads' | 'writes' | 'member' | 'source' | 'login' | 'loginIp';

const MINUTE = 60;
const BUCKETS: Record<Bucket, { setting: Exclude<keyof RateLimitSettings, 'enabled' | 'exemptAddresses'>; seconds: number }> = {
  reads: { setting: 'reads', seconds: MINUTE },
  writes: { setting: 'writes', seconds: MINUTE },
  member: { setting: 'memberWrites', seconds: MINUTE },
  source: { setting: 'webhooks', seconds: MINUTE },
  login: { setting: 'login', seconds: 15 * MINUTE },
  loginIp: { setting: 'loginIp', seconds: 15 * MINUTE },
};

/** Seconds until the allowance comes back, as Retry-After says it (at least 1). */
const secondsOf = (res: RateLimiterRes): number => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export const rateLimited = (retryAfter: number): CodedError =>
  new CodedError('RATE_LIMITED', `Too many requests: try again in ${retryAfter} seconds.`, { retryAfter });

/** The seconds a RATE_LIMITED refusal asks the client to wait, if the error is one. */
export const retryAfterOf = (error: unknown): number | undefined => {
  if (!(error instanceof CodedError) || error.code !== 'RATE_LIMITED') return undefined;
  const seconds = (error.details as { retryAfter?: unknown }).retryAfter;
  return typeof seconds === 'number' ? seconds : undefined;
};

// Login identifiers are personal data and of any length: the table keeps a digest. Lower-cased, so
// changing the case does not open a fresh allowance.
const digest = (identifier: string): string => createHash('sha256').update(identifier.trim().toLowerCase()).digest('hex').slice(0, 32);

// A key fits the table's column whatever a client puts in it (a webhook source's name is the path's).
const storedKey = (key: string): string => (key.length <= 200 ? key : createHash('sha256').update(key).digest('hex'));

/** Creates the table unless it is there; Strapi's schema sync leaves tables it did not create alone. */
const ensureTable = async (strapi: Core.Strapi): Promise<void> => {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(RATE_LIMITS_TABLE)) return;
  try {
    // The columns and their order are the library's own (its MySQL INSERT names no columns).
    await knex.schema.createTable(RATE_LIMITS_TABLE, (table) => {
      table.string('key', 255).primary();
      table.integer('points').notNullable().defaultTo(0);
      table.bigInteger('expire').unsigned();
    });
  } catch (error) {
    // Another instance booting at the same moment created it.
    if (!(await knex.schema.hasTable(RATE_LIMITS_TABLE))) throw error;
  }
};

/**
 * Counts in this instance's memory while the database does not answer, rather than failing every
 * request; and says so, at most once a minute: the limits are then per instance again.
 */
class MemoryFallback extends RateLimiterMemory {
  private warnedAt = 0;

  constructor(
    options: { keyPrefix: string; points: number; duration: number },
    private readonly warn: (message: string) => void,
  ) {
    super(options);
  }

  consume(...args: Parameters<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    if (Date.now() - this.warnedAt > 60_000) {
      this.warnedAt = Date.now();
      this.warn(`Rate limits (${this.keyPrefix}): the database did not answer; counting in this instance's memory.`);
    }
    return super.consume(...args);
  }
}

const createLimiters = (strapi: Core.Strapi, settings: RateLimitSettings): Record<Bucket, RateLimiterAbstract> => {
  const knex = strapi.db.connection;
  const mysql = knex.client.config.client === 'mysql2';
  const limiterOf = (bucket: Bucket): RateLimiterAbstract => {
    const { setting, seconds } = BUCKETS[bucket];
    const points = Math.max(1, settings[setting]);
    const options = {
      storeClient: knex,
      storeType: 'knex',
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true,
      // Expired rows are removed by the rateLimitsCleanup job (config/cron-tasks.ts): the library's
      // own timer would outlive a stopped app.
      clearExpiredByTimeout: false,
      keyPrefix: bucket,
      points,
      duration: seconds,
      // Once over the limit, refused from this instance's memory until the window ends: a flood
      // from one address costs no more database writes.
      inMemoryBlockOnConsumed: points + 1,
      // If the database cannot answer, each instance counts on its own rather than failing the request.
      insuranceLimiter: new MemoryFallback({ keyPrefix: bucket, points, duration: seconds }, (message) => strapi.log.warn(message)),
    };
    return mysql ? new RateLimiterMySQL({ ...options, dbName: knex.client.config.connection.database }) : new RateLimiterSQLite(options);
  };
  return Object.fromEntries((Object.keys(BUCKETS) as Bucket[]).map((bucket) => [bucket, limiterOf(bucket)])) as Record<Bucket, RateLimiterAbstract>;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings: RateLimitSettings = { ...DEFAULT_RATE_LIMITS, ...(strapi.config.get('plugin::seed.rateLimits', {}) as Partial<RateLimitSettings>) };
  let limiters: Record<Bucket, RateLimiterAbstract> | undefined;
  const limiterOf = (bucket: Bucket): RateLimiterAbstract => {
    if (!limiters) throw new Error('Rate limits are used before the app bootstrapped (rate-limits.prepare()).');
    return limiters[bucket];
  };

  const consume = async (bucket: Bucket, key: string): Promise<void> => {
    if (!settings.enabled) return;
    try {
      await limiterOf(bucket).consume(storedKey(key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(secondsOf(rejection));
      throw rejection;
    }
  };

  const exempt = new Set(settings.exemptAddresses);

  return {
    enabled: settings.enabled,

    /** Whether the per-address limits leave this address alone. */
    isExempt: (ip: string): boolean => exempt.has(ip),

    /** At bootstrap: the table, then the limiters over it. */
    async prepare(): Promise<void> {
      await ensureTable(strapi);
      limiters = createLimiters(strapi, settings);
    },

    /** Counts one request against `key`'s allowance in `bucket`; over it, RATE_LIMITED with the seconds to wait. */
    consume,

    /** RATE_LIMITED if `key`'s allowance is already spent, without counting this request. */
    async check(bucket: Bucket, key: string): Promise<void> {
      if (!settings.enabled) return;
      const res = await limiterOf(bucket).get(storedKey(key));
      if (res && res.consumedPoints >= Math.max(1, settings[BUCKETS[bucket].setting])) throw rateLimited(secondsOf(res));
    },

    /**
     * Before a login: counted as a failure until it succeeds, so concurrent attempts cannot pass
     * the limit. Per address *and* identifier first — an attacker spends their own allowance, not
     * the colleague's behind the same address — then per address.
     */
    async loginAttempt(ip: string, identifier: string): Promise<void> {
      await consume('login', `${ip}:${digest(identifier)}`);
      await consume('loginIp', ip);
    },

    /** After a successful login: that attempt is not a failure, and the pair starts afresh. */
    async loginSucceeded(ip: string, identifier: string): Promise<void> {
      if (!settings.enabled) return;
      await limiterOf('login').delete(storedKey(`${ip}:${digest(identifier)}`));
      await limiterOf('loginIp').reward(storedKey(ip));
    },

    /** Removes counters whose window ended (the rateLimitsCleanup job). */
    async clearExpired(): Promise<number> {
      return strapi.db.connection(RATE_LIMITS_TABLE).where('expire', '<', Date.now()).delete();
    },
  };
};
