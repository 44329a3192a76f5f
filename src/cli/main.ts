import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger, prepareDatabase, startServer, stopOnSignals } from '../server.ts';
import { isEmptyDatabase, seedDemo } from './seed.ts';
import { BackupError, backupTo, restoreFrom } from './backup.ts';
import { createAdministrator, isEmail } from './create-admin.ts';
import { exportPlacesCommand, importPlacesCommand } from './places.ts';

const usage = `Utilisation : relais <commande>

  serve                 démarre Relais (migrations appliquées, données de démonstration sur une base neuve en mode DEMO)
  migrate               applique les migrations de la base
  seed --demo           ajoute les données de démonstration (base vide uniquement)
  create-admin EMAIL    crée un compte administrateur et affiche son mot de passe provisoire
  backup FICHIER        sauvegarde toute la base dans FICHIER (JSON compressé)
  restore FICHIER       remplace le contenu de la base par celui de FICHIER
  import lieux FICHIER [--appliquer]
                        lit un fichier de lieux (standard national CSV ou JSON, recensement 2023–2024) et affiche
                        le rapport ; rien n’est écrit sans --appliquer (et rien du tout si une ligne est en erreur)
  export lieux [--format csv|json] [--etendu] [--sortie FICHIER]
                        écrit les lieux au format du standard national (--etendu : avec les colonnes calédoniennes)

La configuration vient de l’environnement : PORT, HOST, DATA_DIR, DATABASE_URL, DEMO, BASE_URL, SMTP_URL,
SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, TZ (voir le README).`;

async function withDatabase<T>(config: Config, work: (database: Awaited<ReturnType<typeof prepareDatabase>>) => Promise<T>): Promise<T> {
  const database = await prepareDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      appliquer: { type: 'boolean' },
      etendu: { type: 'boolean' },
      format: { type: 'string' },
      sortie: { type: 'string' },
    },
  });
  const [command, argument, file] = positionals;
  if (!command || values.help) {
    console.log(usage);
    return command || values.help ? 0 : 1;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(config);
  switch (command) {
    case 'serve': {
      const running = await startServer(config);
      stopOnSignals(running);
      return -1;
    }
    case 'migrate':
      await withDatabase(config, async () => undefined);
      console.log('Migrations appliquées.');
      return 0;
    case 'seed':
      if (!values.demo) {
        console.error('Précisez --demo : seules les données de démonstration peuvent être ajoutées.');
        return 1;
      }
      return withDatabase(config, async (database) => {
        if (!(await isEmptyDatabase(database.db))) {
          console.error('La base contient déjà des organisations : les données de démonstration ne sont ajoutées qu’à une base vide.');
          return 1;
        }
        await seedDemo(database.db, logger, { baseUrl: config.baseUrl });
        console.log('Données de démonstration ajoutées.');
        return 0;
      });
    case 'create-admin':
      if (!argument) {
        console.error('Précisez l’adresse e-mail : relais create-admin prenom.nom@exemple.nc');
        return 1;
      }
      if (!isEmail(argument)) {
        console.error(`« ${argument} » n’est pas une adresse e-mail valide.`);
        return 1;
      }
      return withDatabase(config, (database) => createAdministrator(database.db, argument));
    case 'backup':
    case 'restore': {
      if (!argument) {
        console.error(`Précisez le fichier : relais ${command} sauvegarde.json.gz`);
        return 1;
      }
      return withDatabase(config, async (database) => {
        const result = command === 'backup' ? await backupTo(database, argument) : await restoreFrom(database, argument);
        console.log(`${command === 'backup' ? 'Sauvegarde' : 'Restauration'} terminée : ${result.tables} tables, ${result.rows} lignes.`);
        return 0;
      });
    }
    case 'import':
    case 'export': {
      if (argument !== 'lieux') {
        console.error(`Précisez ce qu’il faut ${command === 'import' ? 'importer' : 'exporter'} : relais ${command} lieux …`);
        return 1;
      }
      if (command === 'import') {
        if (!file) {
          console.error('Précisez le fichier : relais import lieux lieux.csv [--appliquer]');
          return 1;
        }
        return withDatabase(config, (database) => importPlacesCommand(database, file, { apply: values.appliquer === true }));
      }
      const format = values.format ?? 'csv';
      if (format !== 'csv' && format !== 'json') {
        console.error(`Format « ${format} » inconnu : choisissez csv ou json.`);
        return 1;
      }
      return withDatabase(config, (database) => exportPlacesCommand(database, { format, extended: values.etendu === true, output: values.sortie }));
    }
    default:
      console.error(`Commande inconnue : ${command}\n\n${usage}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof BackupError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
