/**
 * Provisioning a network's CouchDB (npm run sync:provision): the plan drawn from the network's description, then
 * the plan applied to a CouchDB-protocol server (pouchdb-server, started here and stopped by its PID), whose
 * access rules are then tried as each kind of user: a member, another structure's member, the central function,
 * nobody signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/domain/user-error';
import { groupDatabase, imposedDatabase, shareDatabase, structureDatabase } from '../../src/domain/sync/databases';
import { groupShareDocumentId } from '../../src/domain/sync/documents';
import { planProvisioning, validationFunction, type NetworkDescription } from '../../src/domain/sync/provisioning';
import { applyPlan, couch } from '../../scripts/provision-couchdb.mjs';
import { startCouchServer, type CouchServer } from '../support/couch-server';

const A = 'a0000000000000000000000000000001';
const B = 'b0000000000000000000000000000002';
const network: NetworkDescription = {
  origins: ['https://cap.exemple.org'],
  groups: [{ id: 'nord', name: 'Groupe Nord', central: ['claire'] }],
  structures: [
    { id: A, name: 'Atelier A', group: 'nord', members: ['alice', 'bruno'] },
    { id: B, name: 'Entreprise B', members: ['berthe'] },
  ],
  users: [
    { name: 'alice', password: 'mot-de-passe-alice' },
    { name: 'berthe', password: 'mot-de-passe-berthe' },
    { name: 'claire', password: 'mot-de-passe-claire' },
  ],
};

describe('the provisioning plan', () => {
  it('gives each structure its database, a group member its share and imposed-actions databases, a group its directory', () => {
    const plan = planProvisioning(network);
    expect(plan.databases.map((d) => d.name)).toEqual([structureDatabase(A), shareDatabase(A), imposedDatabase(A), structureDatabase(B), groupDatabase('nord')]);
    expect(plan.documents).toEqual([{ database: groupDatabase('nord'), id: 'members', content: { group: { id: 'nord', name: 'Groupe Nord' }, structures: [{ id: A, name: 'Atelier A' }] } }]);
    expect(plan.users.map((u) => [u.name, u.roles])).toEqual([
      ['alice', [`cap-structure-${A}`]],
      ['berthe', [`cap-structure-${B}`]],
      ['bruno', [`cap-structure-${A}`]],
      ['claire', ['cap-central-nord']],
    ]);
    // bruno has no password in the description: the script generates one.
    expect(plan.users.find((u) => u.name === 'bruno')?.password).toBeUndefined();
  });

  it('explains in French every problem of a description, and plans nothing', () => {
    const wrong = {
      structures: [
        { id: 'Avec Espaces', name: 'X', members: [] },
        { id: 'c1', name: 'C', group: 'inconnu', members: ['carl'] },
        { id: 'c1', name: 'C bis', members: ['carl'] },
      ],
      users: [{ name: 'carl', password: 'court' }],
    };
    let message = '';
    try {
      planProvisioning(wrong);
    } catch (error) {
      expect(error).toBeInstanceOf(UserFacingError);
      message = (error as Error).message;
    }
    expect(message).toContain("La description du réseau n'est pas valable");
    expect(message).toContain('structures › 0 › id : un identifiant');
    expect(message).toContain('structures › 0 › members : au moins un membre');
    expect(message).toContain('users › 0 › password : 10 caractères au moins');
    expect(() => planProvisioning({ ...network, origins: ['cap.exemple.org'] })).toThrow('origins › 0 : une adresse complète, par exemple https://cap.exemple.org');
    expect(planProvisioning({ ...network, origins: ['https://cap.exemple.org/espace/'] }).origins).toEqual(['https://cap.exemple.org']);

    const orphan = { structures: [{ id: 'c1', name: 'C', group: 'inconnu', members: ['carl'] }, { id: 'c1', name: 'C bis', members: ['carl'] }], users: [{ name: 'dora' }] };
    expect(() => planProvisioning(orphan)).toThrow(/la structure « c1 » est décrite deux fois/);
    expect(() => planProvisioning(orphan)).toThrow(/appartient au groupe « inconnu », qui n'est pas décrit/);
    expect(() => planProvisioning(orphan)).toThrow(/« dora » n'est membre d'aucune structure/);
  });
});

describe('a provisioned server', () => {
  let server: CouchServer;
  let generated: { name: string; password: string }[];
  beforeAll(async () => {
    server = await startCouchServer();
    generated = await applyPlan(server.url, server.admin, planProvisioning(network), validationFunction, () => undefined);
  }, 60_000);
  afterAll(() => server?.stop());

  const as = (name: string, password: string) => couch(server.url, { name, password });
  const anonymous = () => couch(server.url, null);

  it('lets members read and write their structure, and refuses everyone else', async () => {
    const alice = as('alice', 'mot-de-passe-alice');
    expect((await alice('PUT', `/${structureDatabase(A)}/rating-1`, { level: 3 })).status).toBe(201);
    expect((await alice('GET', `/${structureDatabase(A)}/rating-1`)).body.level).toBe(3);

    const berthe = as('berthe', 'mot-de-passe-berthe');
    expect([401, 403]).toContain((await berthe('GET', `/${structureDatabase(A)}/rating-1`)).status);
    expect([401, 403]).toContain((await berthe('PUT', `/${structureDatabase(A)}/intrus`, {})).status);
    expect([401, 403]).toContain((await anonymous()('GET', `/${structureDatabase(A)}/rating-1`)).status);
    expect([401, 403]).toContain((await anonymous()('PUT', `/${structureDatabase(A)}/intrus`, {})).status);
    // The central function reads shares, not the structure's own database.
    expect([401, 403]).toContain((await as('claire', 'mot-de-passe-claire')('GET', `/${structureDatabase(A)}/rating-1`)).status);
    expect((await as('alice', 'mauvais-mot-de-passe')('GET', `/${structureDatabase(A)}/rating-1`)).status).toBe(401);
  });

  it('makes the share read-only for the central function, and imposed actions read-only for the structure', async () => {
    const alice = as('alice', 'mot-de-passe-alice');
    const claire = as('claire', 'mot-de-passe-claire');
    const share = `/${shareDatabase(A)}/${encodeURIComponent(groupShareDocumentId(A))}`;
    expect((await alice('PUT', share, { score: 2.4 })).status).toBe(201);
    expect((await claire('GET', share)).body.score).toBe(2.4);
    const refused = await claire('PUT', `/${shareDatabase(A)}/par-la-fonction-centrale`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toBe('Seule la structure « Atelier A » écrit dans son partage ; la fonction centrale le lit.');
    // One document only, named after the structure: a share cannot pose as another structure's.
    const posing = await alice('PUT', `/${shareDatabase(A)}/${encodeURIComponent(groupShareDocumentId(B))}`, {});
    expect(posing.status).toBe(403);
    expect(posing.body.reason).toBe('Le partage de « Atelier A » ne contient que son propre document de partage.');

    expect((await claire('PUT', `/${imposedDatabase(A)}/action-1`, { title: 'Réviser la procédure' })).status).toBe(201);
    expect((await alice('GET', `/${imposedDatabase(A)}/action-1`)).body.title).toBe('Réviser la procédure');
    expect((await alice('PUT', `/${imposedDatabase(A)}/par-la-structure`, {})).status).toBe(403);
    // Another structure sees neither.
    expect([401, 403]).toContain((await as('berthe', 'mot-de-passe-berthe')('GET', share)).status);
  });

  it('gives the central function its group’s directory, which only the server’s administrator writes', async () => {
    const claire = as('claire', 'mot-de-passe-claire');
    const members = `/${groupDatabase('nord')}/members`;
    expect((await claire('GET', members)).body).toMatchObject({ group: { id: 'nord', name: 'Groupe Nord' }, structures: [{ id: A, name: 'Atelier A' }] });
    const refused = await claire('PUT', members, { ...(await claire('GET', members)).body, structures: [] });
    expect(refused.status).toBe(403);
    expect(refused.body.reason).toContain('Seul l\'administrateur du serveur écrit l\'annuaire du groupe « Groupe Nord »');
    expect([401, 403]).toContain((await as('alice', 'mot-de-passe-alice')('GET', members)).status);
  });

  it('generates the missing passwords, and a second run changes nothing but what the description changed', async () => {
    expect(generated.map((g) => g.name)).toEqual(['bruno']);
    const bruno = as('bruno', generated[0]!.password);
    expect((await bruno('GET', `/${structureDatabase(A)}`)).status).toBe(200);

    // Bruno moves to B; his password stays, his access follows.
    const moved = structuredClone(network);
    moved.structures[0]!.members = ['alice'];
    moved.structures[1]!.members = ['berthe', 'bruno'];
    const directory = (await couch(server.url, server.admin)('GET', `/${groupDatabase('nord')}/members`)).body._rev;
    const again = await applyPlan(server.url, server.admin, planProvisioning(moved), validationFunction, () => undefined);
    expect(again).toEqual([]);
    // The directory did not change: no new revision.
    expect((await couch(server.url, server.admin)('GET', `/${groupDatabase('nord')}/members`)).body._rev).toBe(directory);
    expect((await bruno('GET', `/${structureDatabase(B)}`)).status).toBe(200);
    expect([401, 403]).toContain((await bruno('GET', `/${structureDatabase(A)}/rating-1`)).status);
    // What was written stays.
    expect((await as('alice', 'mot-de-passe-alice')('GET', `/${structureDatabase(A)}/rating-1`)).body.level).toBe(3);
  });

  it('refuses to provision with a wrong administrator password, in French', async () => {
    await expect(applyPlan(server.url, { name: 'admin', password: 'faux' }, planProvisioning(network), validationFunction, () => undefined)).rejects.toThrow(
      "L'identifiant ou le mot de passe de l'administrateur du serveur est refusé.",
    );
  });
});
