import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';

/** What every request can reach: built once at start, shared by all requests. */
export type Services = {
  config: Config;
  database: Database;
  logger: Logger;
  /** Wakes the outbox job after a message is queued (no-op when jobs are off). */
  notifyOutbox: () => void;
  /** Jobs waiting per queue, for /metrics; empty when jobs are off. */
  queueSizes: () => Promise<Record<string, number>>;
};

export type SessionInfo = {
  id: string;
  userId: string;
  /** True until the second factor is given, or enrolled when the person's roles require it. */
  secondFactorPending: boolean;
  secondFactorEnrolled: boolean;
};

export type DisplayPrefs = {
  textSize: 'normal' | 'large' | 'xlarge';
  spacing: 'normal' | 'wide';
  contrast: 'normal' | 'high';
  font: 'system' | 'atkinson' | 'opendyslexic';
  theme: 'auto' | 'light' | 'dark';
};

export type Flash = { kind: 'success' | 'info' | 'warning'; text: string };

export type AppEnv = {
  Variables: {
    services: Services;
    requestId: string;
    secureHeadersNonce?: string;
    actor: Actor | null;
    session: SessionInfo | null;
    display: DisplayPrefs;
    flash: Flash | null;
  };
};
