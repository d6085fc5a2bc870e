/** Reading exchange files: every kind of bad file is refused with its French sentence. */
import { describe, expect, it } from 'vitest';
import { buildExchangeFile, importSizeProblem, readExchangeFile } from '../../src/domain/evaluation/exchange';
import { bytesToBase64, canonicalJson, sha256Hex } from '../../src/domain/evaluation/canonical';
import type { ExchangeContent } from '../../src/domain/evaluation/exchange-schema';
import { isValidSiret } from '../../src/domain/evaluation/siret';
import { profileOf } from './fixtures/profile';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';

const context = readContextOf({ version: '2026.1', criterionCodes: ['SR.4.2', 'ID.1.1'] });
const at = '2026-03-01T10:00:00.000Z';
const S = 'a'.repeat(32);
const C = 'b'.repeat(32);

function content(): ExchangeContent {
  return {
    structures: [{ id: S, name: 'Atelier', ...profileOf('ACI'), siret: '', region: '', staff: { permanents: null, inPathway: null, volunteers: null }, createdAt: at, updatedAt: at }],
    campaigns: [{ id: C, structureId: S, name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP'], participants: [], referentialVersion: '2026.1', previousCampaignId: null, createdAt: at, updatedAt: at }],
    ratings: [{ campaignId: C, criterionCode: 'SR.4.2', level: 2, notApplicable: null, comment: 'taux < 30 % : à suivre', toReview: false, carriedOver: false, updatedAt: at }],
    evidence: [],
    actions: [],
    dismissals: [],
    files: [],
  };
}
const file = (c = content()) => buildExchangeFile(c, { scope: 'campaign', referentialVersion: '2026.1', now: at });
const read = async (text: string) => {
  const result = await readExchangeFile(text, context);
  return result.ok ? 'ok' : result.message;
};

describe('canonical JSON and hashes', () => {
  it('do not depend on key order', async () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'é' }] })).toBe('{"a":[{"c":"é","d":2}],"b":1}');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('reading an exchange file', () => {
  it('accepts a valid file, French text and « < » in prose included', async () => {
    expect(await read(JSON.stringify(await file()))).toBe('ok');
  });

  it('refuses an empty file, a 50 MB file, malformed JSON and another kind of JSON', async () => {
    expect(await read('')).toBe('Le fichier est vide : choisissez une sauvegarde CAP Progrès (fichier .json).');
    expect(importSizeProblem(50 * 1024 * 1024)).toBe("Le fichier pèse 50 Mo : une sauvegarde CAP Progrès ne peut dépasser 30 Mo. Rien n'a été importé.");
    expect(await read('{"format": "cap-progres/evaluation",')).toMatch(/^Ce fichier n'est pas un fichier JSON lisible/);
    expect(await read('{"name":"package","version":"1.0.0"}')).toBe("Ce fichier JSON n'est pas une sauvegarde CAP Progrès (format attendu : cap-progres/evaluation).");
    expect(await read('[1,2,3]')).toMatch(/n'est pas une sauvegarde CAP Progrès/);
  });

  it('refuses a newer format version and an unknown referential version', async () => {
    const newer = { ...(await file()), formatVersion: 5 };
    expect(await read(JSON.stringify(newer))).toMatch(/^Ce fichier vient d'une version plus récente de CAP Progrès \(format 5\)/);
    // Not version numbers: no « format Infinity ».
    for (const version of ['1e309', '1e308', '2.5']) {
      expect(await read(JSON.stringify(newer).replace('"formatVersion":5', `"formatVersion":${version}`))).toMatch(/^Le fichier est mal formé.*formatVersion : /);
    }
    const c = content();
    c.campaigns[0]!.referentialVersion = '2031.2';
    expect(await read(JSON.stringify(await file(c)))).toMatch(/référentiel CAP 2031\.2, que ce site ne connaît pas \(version disponible : 2026\.1\)/);
  });

  it('refuses a file changed after export (wrong hash)', async () => {
    const f = await file();
    f.content.ratings[0]!.level = 4;
    expect(await read(JSON.stringify(f))).toMatch(/^L'empreinte SHA-256 ne correspond pas au contenu/);
  });

  it('takes markup in text fields as the text it is: a backup of what the screens accepted always restores', async () => {
    const c = content();
    c.ratings[0]!.comment = 'Voir <script>alert(1)</script> et <img src=x onerror=alert(1)> onload=';
    c.structures[0]!.name = 'Régie <b>Nord</b>';
    const result = await readExchangeFile(JSON.stringify(await file(c)), context);
    expect(result.ok && result.file.content.ratings[0]!.comment).toBe('Voir <script>alert(1)</script> et <img src=x onerror=alert(1)> onload=');
    expect(result.ok && result.file.content.structures[0]!.name).toBe('Régie <b>Nord</b>');
  });

  it('reads an evidence link exactly as it was sealed (zod url() would strip its tab)', async () => {
    const c = content();
    c.evidence.push({ id: 'c'.repeat(32), campaignId: C, criterionCode: 'SR.4.2', title: 'Lien', kind: 'link', url: 'https://exemple.fr/a\tb', file: null, createdAt: at });
    const result = await readExchangeFile(JSON.stringify(await file(c)), context);
    expect(result.ok && result.file.content.evidence[0]!.url).toBe('https://exemple.fr/a\tb');
  });

  it('refuses unknown criteria, dangling references, unexpected fields and javascript: links', async () => {
    const c = content();
    c.ratings[0]!.criterionCode = 'ZZ.9.9';
    expect(await read(JSON.stringify(await file(c)))).toBe("Le critère ZZ.9.9 n'existe pas dans le référentiel CAP 2026.1.");
    const d = content();
    d.campaigns[0]!.structureId = 'f'.repeat(32);
    expect(await read(JSON.stringify(await file(d)))).toMatch(/renvoie à une structure absente du fichier/);
    const e = JSON.parse(JSON.stringify(await file())) as Record<string, unknown>;
    e.extra = true;
    expect(await read(JSON.stringify(e))).toMatch(/^Le fichier est mal formé/);
    const g = content();
    g.evidence.push({ id: 'c'.repeat(32), campaignId: C, criterionCode: 'SR.4.2', title: 'Lien', kind: 'link', url: 'javascript:alert(1)', file: null, createdAt: at });
    expect(await read(JSON.stringify(await file(g)))).toMatch(/^Le fichier est mal formé.*http\(s\)/);
  });

  it('says what is malformed in French, never in zod’s English defaults', async () => {
    const sealed = JSON.parse(JSON.stringify(await file()));
    const withChange = (change: (f: any) => void) => {
      const f = structuredClone(sealed);
      change(f);
      return read(JSON.stringify(f));
    };
    const problem = (detail: string) => `Le fichier est mal formé, il a peut-être été modifié à la main. ${detail}.`;
    expect(await withChange((f) => (f.content.ratings[0].level = 7))).toBe(problem('content.ratings.0.level : valeur inattendue (valeurs possibles : 0, 1, 2, 3, 4)'));
    expect(await withChange((f) => (f.content.structures[0].name = 12))).toBe(problem('content.structures.0.name : valeur inattendue (attendu : un texte)'));
    expect(await withChange((f) => delete f.content.campaigns[0].date)).toBe(problem('content.campaigns.0.date : champ manquant'));
    expect(await withChange((f) => (f.content.campaigns[0].name = ''))).toBe(problem('content.campaigns.0.name : texte vide'));
    expect(await withChange((f) => (f.content.campaigns[0].tracks = ['CAP', 'ISO']))).toBe(problem('content.campaigns.0.tracks.1 : valeur inattendue (valeurs possibles : « CAP », « CAP_ISO9001 », « CAP_RSE »)'));
    expect(await withChange((f) => (f.formatVersion = '2'))).toBe(problem('formatVersion : valeur inattendue (valeurs possibles : 3, 4)'));
    // `__proto__` as JSON.parse makes it: an own key, refused like any unexpected field.
    const proto = JSON.stringify(sealed).replace('"comment":', '"__proto__":{"polluted":true},"comment":');
    expect(await read(proto)).toBe(problem('content.ratings.0 : champ inattendu : « __proto__ »'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops at the first bad element of a list: no stack overflow, and quickly, however many bad elements follow', async () => {
    const sealed = JSON.parse(JSON.stringify(await file()));
    // 300,000 bad tracks (900 KB): zod's safeParse overflowed the stack; 30,000 dismissals each with a bad id took half a second.
    const wide = structuredClone(sealed);
    wide.content.campaigns[0].tracks = Array(300_000).fill([]);
    const continuable = structuredClone(sealed);
    continuable.content.dismissals = Array.from({ length: 30_000 }, () => ({ campaignId: '', criterionCode: '' }));
    for (const [f, detail] of [
      [wide, 'content.campaigns.0.tracks.0 : valeur inattendue (valeurs possibles : « CAP », « CAP_ISO9001 », « CAP_RSE »)'],
      [continuable, 'content.dismissals.0.campaignId : identifiant mal formé'],
    ] as const) {
      const start = performance.now();
      expect(await read(JSON.stringify(f))).toBe(`Le fichier est mal formé, il a peut-être été modifié à la main. ${detail}.`);
      expect(performance.now() - start).toBeLessThan(200);
    }
  });

  it('refuses two records under one key (the import would keep only one of them)', async () => {
    const twice = content();
    twice.ratings.push({ ...twice.ratings[0]!, level: 4, comment: 'Doublon' });
    expect(await read(JSON.stringify(await file(twice)))).toBe(
      "Le fichier contient deux évaluations du même critère pour une même campagne : il a peut-être été modifié à la main. Rien n'a été importé.",
    );
    const campaigns = content();
    campaigns.campaigns.push({ ...campaigns.campaigns[0]!, name: 'Copie' });
    expect(await read(JSON.stringify(await file(campaigns)))).toMatch(/^Le fichier contient deux campagnes portant le même identifiant/);
  });

  it('refuses deep nesting when opening the file (the seal and JSON.stringify recurse), and quotes no endless criterion code', async () => {
    const text = JSON.stringify(await file());
    for (const depth of [33, 10_000, 1_000_000]) {
      const deep = text.replace('"comment":"', `"deep":${'['.repeat(depth)}${']'.repeat(depth)},"comment":"`);
      expect(await read(deep)).toBe("Ce fichier imbrique ses données sur plus de 32 niveaux, ce qu'aucun fichier CAP Progrès ne fait : il a sans doute été modifié à la main. Rien n'a été importé.");
    }
    const c = content();
    c.ratings[0]!.criterionCode = `SR.4.${'2'.repeat(100_000)}`;
    expect(await read(JSON.stringify(await file(c)))).toBe('Le fichier est mal formé, il a peut-être été modifié à la main. content.ratings.0.criterionCode : code de critère mal formé.');
  });

  it('refuses an attached file whose bytes do not match its fingerprint', async () => {
    const c = content();
    const sha = await sha256Hex('original');
    c.evidence.push({ id: 'c'.repeat(32), campaignId: C, criterionCode: 'SR.4.2', title: 'Registre', kind: 'file', url: '', file: { name: 'r.txt', type: 'text/plain', size: 8, sha256: sha }, createdAt: at });
    c.files.push({ sha256: sha, type: 'text/plain', base64: bytesToBase64(new TextEncoder().encode('modifié')) });
    expect(await read(JSON.stringify(await file(c)))).toMatch(/^Le fichier joint « r\.txt » ne correspond pas à son empreinte SHA-256/);
  });

  it('refuses base64 that atob would throw on, or that the database would give back written otherwise', async () => {
    for (const base64 of ['QUJDRA', 'A', 'QUI', 'AB=', 'QR==']) {
      const c = content();
      const sha = await sha256Hex(new Uint8Array(Buffer.from(base64, 'base64')));
      c.evidence.push({ id: 'c'.repeat(32), campaignId: C, criterionCode: 'SR.4.2', title: 'Registre', kind: 'file', url: '', file: { name: 'r.txt', type: 'text/plain', size: 4, sha256: sha }, createdAt: at });
      c.files.push({ sha256: sha, type: 'text/plain', base64 });
      expect(await read(JSON.stringify(await file(c)))).toBe('Le fichier est mal formé, il a peut-être été modifié à la main. content.files.0.base64 : contenu base64 mal formé.');
    }
  });
});

describe('SIRET', () => {
  it('checks the Luhn key', () => {
    expect(isValidSiret('732 829 320 00074')).toBe(true);
    expect(isValidSiret('73282932000075')).toBe(false);
    expect(isValidSiret('7328293200007')).toBe(false);
  });
});
