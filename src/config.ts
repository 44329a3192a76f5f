import { z } from 'zod';

const booleanFromEnv = z
  .enum(['1', '0', 'true', 'false', 'oui', 'non', 'on', 'off', 'yes', 'no'], {
    error: 'doit valoir « true » ou « false »',
  })
  .transform((v) => ['1', 'true', 'oui', 'on', 'yes'].includes(v));

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const urlWithProtocols = (protocols: string[], example: string) =>
  z
    .string()
    .refine((v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    }, `doit être une adresse commençant par ${protocols.map((p) => `${p}//`).join(' ou ')}, par exemple ${example}`);

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'doit être un nombre' })
    .int('doit être un nombre entier')
    .min(0, 'doit être compris entre 0 et 65535')
    .max(65535, 'doit être compris entre 0 et 65535')
    .default(3000),
  HOST: z.string().min(1, 'ne doit pas être vide').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'ne doit pas être vide').default('./data'),
  DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://relais@127.0.0.1:5432/relais').optional(),
  DEMO: booleanFromEnv.optional(),
  BASE_URL: urlWithProtocols(['http:', 'https:'], 'https://relais.nc').optional(),
  SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'smtp://utilisateur:motdepasse@smtp.exemple.nc:587').optional(),
  SMTP_FROM: z.string().email('doit être une adresse e-mail').default('Relais <ne-pas-repondre@relais.nc>'),
  SMS_GATEWAY_URL: urlWithProtocols(['http:', 'https:'], 'https://sms.exemple.nc/envoi').optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1, 'ne doit pas être vide').optional(),
  TZ: z.string().refine(isValidTimeZone, 'doit être un fuseau horaire IANA, par exemple Pacific/Noumea').default('Pacific/Noumea'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS: booleanFromEnv.default(true),
  MAP_TILES_URL: urlWithProtocols(['https:', 'http:'], 'https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .refine((v) => ['{z}', '{x}', '{y}'].every((p) => v.includes(p)), 'doit contenir {z}, {x} et {y}, par exemple https://tile.openstreetmap.org/{z}/{x}/{y}.png')
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILES_ATTRIBUTION: z.string().min(1, 'ne doit pas être vide').default('© les contributeurs d’OpenStreetMap'),
  BENEFICIARY_RETENTION_MONTHS: z.coerce.number({ error: 'doit être un nombre de mois, par exemple 24' }).int('doit être un nombre entier de mois, par exemple 24').min(1, 'doit être d’au moins 1 mois').max(120, 'doit être de 120 mois au plus').default(24),
  WORKSHOP_SENSITIVE_RETENTION_DAYS: z.coerce.number({ error: 'doit être un nombre' }).int('doit être un nombre entier').min(0, 'doit être positif').max(3650, 'doit être 3650 au plus').default(30),
  APPOINTMENT_RETENTION_DAYS: retentionDays(90),
  OUTBOX_RETENTION_DAYS: retentionDays(30),
});

/** A number of days personal data is kept after its use, from 1 day to 10 years. */
function retentionDays(fallback: number) {
  return z.coerce.number({ error: `doit être un nombre de jours, par exemple ${fallback}` }).int(`doit être un nombre entier de jours, par exemple ${fallback}`).min(1, 'doit être d’au moins 1 jour').max(3650, 'doit être de 3650 jours au plus').default(fallback);
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  baseUrl: string;
  smtpUrl: string | undefined;
  smtpFrom: string;
  smsGateway: { url: string; token: string | undefined } | undefined;
  timeZone: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  jobs: boolean;
  /** Raster tiles of the on-demand map of places: a URL template with {z}, {x}, {y}, and the credit to show. */
  mapTiles: { url: string; attribution: string };
  /** Months without help received after which a followed person's file is erased by the daily purge. */
  beneficiaryRetentionMonths: number;
  /** Days after a workshop session before its registrants' access needs and disability answers are purged. */
  workshopSensitiveRetentionDays: number;
  /** Days after an appointment before it is deleted with the person's name and contact details. */
  appointmentRetentionDays: number;
  /** Days after a message was sent (or given up) before it leaves the outbox. */
  outboxRetentionDays: number;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration invalide :\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and validates the environment once. Empty variables count as unset.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message} (valeur reçue : « ${String(cleaned[String(i.path[0])] ?? '')} »)`));
  }
  const e = parsed.data;
  if (e.SMS_GATEWAY_TOKEN && !e.SMS_GATEWAY_URL) {
    throw new ConfigError(['SMS_GATEWAY_TOKEN est défini mais SMS_GATEWAY_URL ne l’est pas']);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    // Demo data on a real server would mix fake people with real ones: only on by default for the embedded database.
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    smsGateway: e.SMS_GATEWAY_URL ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN } : undefined,
    timeZone: e.TZ,
    logLevel: e.LOG_LEVEL,
    jobs: e.JOBS,
    mapTiles: { url: e.MAP_TILES_URL, attribution: e.MAP_TILES_ATTRIBUTION },
    beneficiaryRetentionMonths: e.BENEFICIARY_RETENTION_MONTHS,
    workshopSensitiveRetentionDays: e.WORKSHOP_SENSITIVE_RETENTION_DAYS,
    appointmentRetentionDays: e.APPOINTMENT_RETENTION_DAYS,
    outboxRetentionDays: e.OUTBOX_RETENTION_DAYS,
  };
}
