/** The servers a deployment allows (CAP_SYNC_SERVERS), and the words of a disagreement offered for choice. */
import { describe, expect, it } from 'vitest';
import { connectSources, normaliseServer, parseAllowedServers, serverProblem } from '../../src/domain/sync/servers';
import { describeConflict, describeValue, fieldLabel } from '../../src/domain/sync/conflicts';

describe('sync servers', () => {
  it('normalises an address: no credentials, no query, one trailing slash; https, or http on this machine only', () => {
    expect(normaliseServer(' https://couchdb.exemple.org ')).toBe('https://couchdb.exemple.org/');
    expect(normaliseServer('https://cap.exemple.org/couchdb//')).toBe('https://cap.exemple.org/couchdb/');
    expect(normaliseServer('http://127.0.0.1:5984')).toBe('http://127.0.0.1:5984/');
    expect(normaliseServer('http://couchdb.exemple.org')).toBeNull();
    expect(normaliseServer('https://admin:secret@couchdb.exemple.org')).toBeNull();
    expect(normaliseServer('https://couchdb.exemple.org/?x=1')).toBeNull();
    expect(normaliseServer('ftp://couchdb.exemple.org')).toBeNull();
    expect(normaliseServer('couchdb')).toBeNull();
  });

  it('reads the build-time list, refuses a bad address with its reason, and gives the CSP sources', () => {
    expect(parseAllowedServers(undefined)).toEqual([]);
    expect(parseAllowedServers('https://a.exemple.org, https://a.exemple.org/ https://b.exemple.org/couchdb')).toEqual(['https://a.exemple.org/', 'https://b.exemple.org/couchdb/']);
    expect(() => parseAllowedServers('http://a.exemple.org')).toThrow(/CAP_SYNC_SERVERS : « http:\/\/a\.exemple\.org »/);
    expect(connectSources(['https://a.exemple.org/', 'https://b.exemple.org/couchdb/'])).toEqual(['https://a.exemple.org', 'https://b.exemple.org/couchdb/']);
  });

  it('says in French why an address typed cannot be used', () => {
    const allowed = ['https://couchdb.exemple.org/'];
    expect(serverProblem('https://couchdb.exemple.org', allowed)).toBeNull();
    expect(serverProblem('pas une adresse', allowed)).toMatch(/^Indiquez l’adresse complète du serveur/);
    expect(serverProblem('https://autre.exemple.org', allowed)).toMatch(/n’est pas celui de votre réseau .*https:\/\/couchdb\.exemple\.org\//);
    expect(serverProblem('https://couchdb.exemple.org', [])).toMatch(/ne permet aucune synchronisation/);
  });
});

describe('a disagreement in words', () => {
  it('names the record and the field, and shows each value readably', () => {
    expect(describeConflict({ kind: 'rating', record: { criterionCode: 'ID.1.3', comment: 'x' } })).toBe('Réponse — critère ID.1.3');
    expect(describeConflict({ kind: 'action', record: { title: 'Former les encadrants' } })).toBe('Action du plan « Former les encadrants »');
    expect(fieldLabel('comment')).toBe('Commentaire');
    expect(fieldLabel('inconnu')).toBe('inconnu');
    expect(describeValue('')).toBe('(vide)');
    expect(describeValue(3)).toBe('3');
    expect(describeValue({ justification: 'Pas de mise à disposition' })).toBe('non applicable : Pas de mise à disposition');
    expect(describeValue(true)).toBe('oui');
  });
});
