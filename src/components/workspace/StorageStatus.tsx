import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { formatBytes } from '../../domain/evaluation/rules';
import { readStorageHealth, type StorageHealth } from '../../storage/health';
import { database } from '../../storage/instance';

const REMINDER_DAYS = 14;

/** Space used, whether the browser may evict the data, and a reminder when the last backup is old. */
export function StorageStatus() {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const lastBackupAt = useLiveQuery(async () => (await database().settings.get('lastBackupAt'))?.value ?? null, [], undefined);
  const hasData = useLiveQuery(async () => (await database().campaigns.count()) > 0, [], false);
  useEffect(() => {
    void readStorageHealth(database()).then(setHealth);
  }, [lastBackupAt, hasData]);

  const days = lastBackupAt ? Math.floor((Date.now() - new Date(lastBackupAt).getTime()) / 86_400_000) : null;
  const remind = hasData && (days === null || days >= REMINDER_DAYS);
  return (
    <section className="panel storage-status" aria-labelledby="storage-title">
      <h2 id="storage-title">Stockage dans ce navigateur</h2>
      <ul>
        <li>
          Dernière sauvegarde :{' '}
          {lastBackupAt ? (
            <strong>{days === 0 ? "aujourd'hui" : days === 1 ? 'hier' : `il y a ${days} jours`}</strong>
          ) : (
            <strong>jamais</strong>
          )}
        </li>
        {health?.usage != null && (
          <li>
            Espace utilisé : {formatBytes(health.usage)}
            {health.quota != null && ` sur ${formatBytes(health.quota)} disponibles`}
          </li>
        )}
        {health?.persisted != null && (
          <li>
            {health.persisted
              ? 'Stockage persistant accordé : le navigateur ne videra pas ces données de lui-même.'
              : "Stockage non persistant : le navigateur peut effacer ces données s'il manque de place. Exportez des sauvegardes."}
          </li>
        )}
      </ul>
      {remind && (
        <p className="notice notice-warning">
          {lastBackupAt
            ? `Votre dernière sauvegarde date de ${days} jours. Pensez à exporter vos données.`
            : "Vous n'avez encore jamais exporté de sauvegarde. Si les données du navigateur sont effacées, vos évaluations seront perdues."}
        </p>
      )}
    </section>
  );
}
