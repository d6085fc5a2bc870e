/** The referential in the browser: /referentiel.json, fetched once per page. */
import { useEffect, useState } from 'react';
import type { Referential } from '../../domain/referential/model';
import { fromReferentialExport, type ReferentialExport } from '../../domain/referential/export';

let request: Promise<Referential> | undefined;

export function loadReferential(): Promise<Referential> {
  request ??= fetch('/referentiel.json').then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return fromReferentialExport((await response.json()) as ReferentialExport);
  });
  return request;
}

export function useReferential(): { referential?: Referential; error?: string } {
  const [state, setState] = useState<{ referential?: Referential; error?: string }>({});
  useEffect(() => {
    loadReferential().then(
      (referential) => setState({ referential }),
      () => setState({ error: "Le référentiel n'a pas pu être chargé. Vérifiez la connexion puis rechargez la page." }),
    );
  }, []);
  return state;
}
