/** Non-conformity extension: the analysis' completeness, the file for one member, closure member by member. */
import { describe, expect, it } from 'vitest';
import type { HeldShare, NcExtension } from '../../src/domain/group/console-model';
import type { SharedAction, SharedAudit, SharedFinding } from '../../src/domain/group/share-model';
import { closureByMember, extensionProblems, imposedActionsContent, isExtensionClosed } from '../../src/domain/group/extension';
import { heldNonConformities, orphanExtensions, sourceKey } from '../../src/components/group/extension/held-non-conformities';
import {
  draftOf,
  draftProblems,
  extensionFromDraft,
  membersNamedInAction,
  newDraft,
  parseCriterionCodes,
  reasonFor,
} from '../../src/components/group/extension/draft';
import { sealImposedActions } from '../../src/domain/group/feedback-content';
import { readGroupFeedback } from '../../src/domain/group/feedback-files';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';
import { profileOf } from './fixtures/profile';

const hex = (c: string) => c.repeat(32);
const ALPHA = { id: hex('a'), name: 'Alpha Insertion', siret: '11111111111111' };
const BETA = { id: hex('b'), name: 'Beta Emploi', siret: '22222222222222' };
const GAMMA = { id: hex('c'), name: 'Gamma Services', siret: '' };

function finding(id: string, change: Partial<SharedFinding> = {}): SharedFinding {
  return {
    id,
    criterionCode: 'ID.1.2',
    clause: '7.5',
    kind: 'nc_majeure',
    statement: 'Les procédures ne sont pas maîtrisées chez Alpha Insertion.',
    requirement: 'Maîtriser les informations documentées.',
    correctiveAction: 'Mettre en place une gestion documentaire',
    correctiveStatus: 'aucune',
    ...change,
  };
}

function audit(id: string, findings: SharedFinding[], change: Partial<SharedAudit> = {}): SharedAudit {
  return {
    id,
    kind: 'interne',
    campaignId: hex('9'),
    auditingStructure: '',
    auditors: [],
    startDate: '2026-03-01',
    endDate: '2026-03-02',
    findings,
    ...change,
  };
}

function action(imposedActionId: string | null, change: Partial<SharedAction> = {}): SharedAction {
  return {
    id: hex('e'),
    campaignId: hex('9'),
    title: 'Gestion documentaire',
    criterionCodes: [],
    status: 'en_cours',
    priority: 'haute',
    dueDate: '2026-09-30',
    imposedActionId,
    ...change,
  };
}

function share(member: { id: string; name: string; siret: string }, audits: SharedAudit[] = [], actions: SharedAction[] = []): HeldShare {
  return {
    structureId: member.id,
    shareId: hex('5'),
    sha256: hex('f') + hex('f'),
    exportedAt: '2026-04-01T10:00:00.000Z',
    importedAt: '2026-04-02T10:00:00.000Z',
    fileName: 'partage.json',
    content: {
      shareId: hex('5'),
      recipient: 'Groupe COORACE Sud',
      detail: 'scores',
      structure: { ...member, region: 'Occitanie', ...profileOf('ACI') },
      campaigns: [],
      audits,
      actions,
    },
    earlierCampaigns: [],
  };
}

const ACTION: NcExtension['action'] = {
  title: 'Mettre en place une gestion documentaire',
  description: 'Recenser les procédures et les dater.',
  reason: "Non-conformité majeure relevée lors d'un audit interne d'une structure du groupe (ISO 9001 7.5)",
  dueDate: '2026-09-30',
  priority: 'haute',
  criterionCodes: ['ID.1.2'],
  clause: '7.5',
};

function extension(change: Partial<NcExtension> = {}): NcExtension {
  return {
    id: hex('1'),
    source: { structureId: ALPHA.id, auditId: hex('2'), findingId: hex('3') },
    systemic: true,
    analysis: 'La procédure documentaire est commune au groupe.',
    othersNotAffectedBecause: 'Gamma a sa propre gestion documentaire, auditée en 2026.',
    affected: [
      { structureId: ALPHA.id, why: 'Relevée chez elle.' },
      { structureId: BETA.id, why: 'Même procédure.' },
    ],
    action: ACTION,
    imposed: [
      { structureId: ALPHA.id, actionId: hex('7'), sentAt: null },
      { structureId: BETA.id, actionId: hex('8'), sentAt: null },
    ],
    createdAt: '2026-04-03T09:00:00.000Z',
    updatedAt: '2026-04-03T09:00:00.000Z',
    ...change,
  };
}

describe('extensionProblems', () => {
  const complete = extension();

  it('accepts a complete analysis limited to two members of three, with its justification', () => {
    expect(extensionProblems(complete, 3)).toEqual([]);
  });

  it('asks for the members of a systemic non-conformity', () => {
    // Systemic, nobody checked: the member message; 0 < 3 members but the others' justification is given; no action
    // title is needed without an affected member.
    expect(extensionProblems({ ...complete, affected: [] }, 3)).toEqual([
      'Une non-conformité systémique concerne au moins une structure : cochez les structures concernées.',
    ]);
  });

  it('asks why each checked member is affected, once however many lack it', () => {
    const affected = [
      { structureId: ALPHA.id, why: '  ' },
      { structureId: BETA.id, why: '' },
    ];
    expect(extensionProblems({ ...complete, affected }, 3)).toEqual(['Pour chaque structure concernée, dites pourquoi elle l’est.']);
  });

  it('asks to justify a limited extension, not a full one', () => {
    // 2 affected < 3 members: the others need a reason; 2 affected of 2 members: nobody is left out.
    const unjustified = { ...complete, othersNotAffectedBecause: ' ' };
    expect(extensionProblems(unjustified, 3)).toEqual(['Dites pourquoi les autres structures ne sont pas concernées (limiter l’extension se justifie).']);
    expect(extensionProblems(unjustified, 2)).toEqual([]);
  });

  it('asks for the analysis and for the action title when members are affected', () => {
    expect(extensionProblems({ ...complete, analysis: '', action: { ...ACTION, title: ' ' } }, 3)).toEqual([
      "Expliquez l'analyse : pourquoi la non-conformité est (ou n'est pas) systémique.",
      "Donnez un titre à l'action imposée.",
    ]);
  });
});

describe('imposedActionsContent', () => {
  const e = extension();

  it('addresses the file to one member, naming no other, with the reason carried', () => {
    const content = imposedActionsContent(e, BETA, 'Groupe COORACE Sud', '2026-04-04T08:00:00.000Z', hex('d'));
    expect(content).toEqual({
      sendingId: hex('d'),
      group: 'Groupe COORACE Sud',
      issuedAt: '2026-04-04T08:00:00.000Z',
      structure: BETA,
      // Beta's own imposed id (8…), never Alpha's (7…).
      actions: [{ id: hex('8'), ...ACTION }],
    });
    const json = JSON.stringify(content);
    for (const other of [ALPHA.name, ALPHA.id, ALPHA.siret, hex('7'), GAMMA.name, 'Relevée chez elle', e.analysis]) expect(json).not.toContain(other);
    expect(content.actions[0]!.reason).toBe(ACTION.reason);
  });

  it('seals a file the member’s workspace reads back', async () => {
    const content = imposedActionsContent(e, BETA, 'Groupe COORACE Sud', '2026-04-04T08:00:00.000Z', hex('d'));
    const file = await sealImposedActions(content, '2026.1', '2026-04-04T08:00:00.000Z');
    const read = await readGroupFeedback(JSON.stringify(file, null, 1), readContextOf({ version: '2026.1', criterionCodes: ['ID.1.2'] }));
    expect(read).toEqual({ ok: true, kind: 'imposed', file });
    // Sealed with a referential that lacks ID.1.2, the member refuses it: why the form checks the codes.
    const refused = await readGroupFeedback(JSON.stringify(file), readContextOf({ version: '2026.1', criterionCodes: ['ID.1.1'] }));
    expect(refused.ok).toBe(false);
  });

  it('refuses a member the extension does not affect', () => {
    expect(() => imposedActionsContent(e, GAMMA, 'Groupe COORACE Sud', '2026-04-04T08:00:00.000Z', hex('d'))).toThrow();
  });
});

describe('closureByMember and isExtensionClosed', () => {
  it('follows each member from « à envoyer » to « envoyée » to its share’s action status', () => {
    const e = extension({
      imposed: [
        { structureId: ALPHA.id, actionId: hex('7'), sentAt: null },
        { structureId: BETA.id, actionId: hex('8'), sentAt: '2026-04-04T08:00:00.000Z' },
        { structureId: GAMMA.id, actionId: hex('6'), sentAt: '2026-04-04T08:00:00.000Z' },
      ],
    });
    const shares = new Map([
      // Alpha: file not sent yet; an action of its own (no imposed id) does not count.
      [ALPHA.id, share(ALPHA, [], [action(null, { status: 'realisee' })])],
      // Beta: sent, but its share carries another extension's action (imposed id 4…): still « envoyée ».
      [BETA.id, share(BETA, [], [action(hex('4'), { status: 'realisee' })])],
      // Gamma: its share carries the action imposed as 6…, en cours, due 2026-06-15.
      [GAMMA.id, share(GAMMA, [], [action(hex('6'), { status: 'en_cours', dueDate: '2026-06-15' })])],
    ]);
    expect(closureByMember(e, shares)).toEqual([
      { structureId: ALPHA.id, name: ALPHA.name, status: 'a_envoyer', dueDate: '2026-09-30' },
      { structureId: BETA.id, name: BETA.name, status: 'envoyee', dueDate: '2026-09-30' },
      { structureId: GAMMA.id, name: GAMMA.name, status: 'en_cours', dueDate: '2026-06-15' },
    ]);
    expect(isExtensionClosed(e, shares)).toBe(false);
  });

  it('names a member no longer held, and closes only when every member has carried the action out', () => {
    const e = extension();
    const done = (member: typeof ALPHA, id: string, status: SharedAction['status']) => share(member, [], [action(id, { status })]);
    expect(closureByMember(e, new Map())).toEqual([
      { structureId: ALPHA.id, name: '(membre retiré de la console)', status: 'a_envoyer', dueDate: '2026-09-30' },
      { structureId: BETA.id, name: '(membre retiré de la console)', status: 'a_envoyer', dueDate: '2026-09-30' },
    ]);
    const allDone = new Map([
      [ALPHA.id, done(ALPHA, hex('7'), 'realisee')],
      [BETA.id, done(BETA, hex('8'), 'realisee')],
    ]);
    expect(isExtensionClosed(e, allDone)).toBe(true);
    // Abandoning the action does not close the gap.
    const oneAbandoned = new Map([...allDone, [BETA.id, done(BETA, hex('8'), 'abandonnee')]]);
    expect(isExtensionClosed(e, oneAbandoned)).toBe(false);
    // Carried into the next campaign while open, the action is twice in a share of both campaigns: the latest copy tells.
    const carried = new Map([...allDone, [BETA.id, share(BETA, [], [action(hex('8'), { status: 'a_lancer' }), action(hex('8'), { status: 'realisee' })])]]);
    expect(isExtensionClosed(e, carried)).toBe(true);
    // Nothing imposed (a local NC, no member affected): nothing left to follow.
    expect(isExtensionClosed(extension({ systemic: false, affected: [], imposed: [] }), new Map())).toBe(true);
  });
});

describe('the screen’s list of non-conformities', () => {
  const alpha = share(ALPHA, [
    audit(hex('2'), [finding(hex('3')), finding(hex('4'), { kind: 'nc_mineure', correctiveStatus: 'realisee' }), finding(hex('5'), { kind: 'point_fort' })]),
  ]);
  const beta = share(BETA, [
    audit(hex('6'), [finding(hex('7'), { kind: 'nc_mineure', correctiveStatus: 'en_cours' }), finding(hex('8'), { correctiveStatus: 'realisee' })], {
      endDate: '',
      startDate: '2026-05-10',
    }),
  ]);

  it('lists NCs only, open first then majors first, with their extension', () => {
    const e = extension();
    const list = heldNonConformities([beta, alpha], [e]);
    // Ranks: Alpha 3 open major (0), Beta 7 open minor (1), Beta 8 closed major (2), Alpha 4 closed minor (3);
    // the strong point 5 is not an NC.
    expect(list.map((nc) => [nc.memberName, nc.finding.id, nc.open])).toEqual([
      [ALPHA.name, hex('3'), true],
      [BETA.name, hex('7'), true],
      [BETA.name, hex('8'), false],
      [ALPHA.name, hex('4'), false],
    ]);
    expect(list[0]!.extension).toBe(e);
    expect(list[0]!.auditDate).toBe('2026-03-02');
    // No end date: the start date.
    expect(list[1]!.auditDate).toBe('2026-05-10');
    expect(list.slice(1).every((nc) => nc.extension === null)).toBe(true);
    expect(
      orphanExtensions(list, [e, extension({ id: hex('0'), source: { structureId: GAMMA.id, auditId: hex('2'), findingId: hex('3') } })]).map((x) => x.id),
    ).toEqual([hex('0')]);
  });

  it('drafts an analysis that names no member in the action, the source member checked', () => {
    const [nc] = heldNonConformities([alpha], []);
    const d = newDraft(nc!);
    expect(reasonFor(nc!)).toBe("Non-conformité majeure relevée lors d'un audit interne d'une structure du groupe (ISO 9001 7.5, critère ID.1.2)");
    expect(d.systemic).toBeNull();
    expect(d.checked).toEqual({ [ALPHA.id]: true });
    expect(d.action).toEqual({
      title: 'Mettre en place une gestion documentaire',
      description: 'Exigence à satisfaire : Maîtriser les informations documentées.',
      reason: reasonFor(nc!),
      dueDate: '',
      priority: 'haute',
      criterionCodes: 'ID.1.2',
      clause: '7.5',
    });
    expect(membersNamedInAction(d, [ALPHA, BETA], [ALPHA.id, BETA.id])).toEqual([]);
    // The statement names Alpha; pasted into the reason while Beta is checked, Beta would read it.
    const leaky = { ...d, checked: { [ALPHA.id]: true, [BETA.id]: true }, action: { ...d.action, reason: nc!.finding.statement } };
    expect(membersNamedInAction(leaky, [ALPHA, BETA], [ALPHA.id, BETA.id])).toEqual([ALPHA.name]);
    // Sent to Alpha only, naming Alpha tells nobody else.
    expect(membersNamedInAction({ ...leaky, checked: { [ALPHA.id]: true } }, [ALPHA, BETA], [ALPHA.id, BETA.id])).toEqual([]);
  });

  it('asks for the systemic choice and checks what the member’s workspace would refuse', () => {
    const [nc] = heldNonConformities([alpha], []);
    const d = { ...newDraft(nc!), analysis: 'Locale.', action: { ...newDraft(nc!).action, criterionCodes: 'ID.1.2, id.1.3; 7.5' } };
    // Alone in the group: no « others » to justify. « id.1.3 » is upper-cased; « 7.5 » is a clause, not a criterion.
    expect(parseCriterionCodes(d.action.criterionCodes)).toEqual(['ID.1.2', 'ID.1.3', '7.5']);
    // ID.1.3 is well formed but unknown to a referential holding ID.1.2 only: the member's workspace would refuse the file.
    const known = new Set(['ID.1.2']);
    expect(draftProblems(d, [ALPHA.id], known)).toEqual([
      'Dites si la non-conformité est systémique (oui ou non).',
      'Code(s) de critère mal formé(s) : 7.5 (par exemple ID.1.2).',
      'Critère(s) absent(s) du référentiel en vigueur : ID.1.3.',
    ]);
    expect(draftProblems({ ...d, systemic: false, action: { ...d.action, criterionCodes: 'ID.1.2' } }, [ALPHA.id], known)).toEqual([]);
  });

  it('keeps the imposed ids of members already listed when the analysis is edited', () => {
    const saved = extension({
      imposed: [...extension().imposed.slice(0, 1), { structureId: BETA.id, actionId: hex('8'), sentAt: '2026-04-04T08:00:00.000Z' }],
    });
    const d = draftOf(saved);
    // Alpha unchecked, Gamma added: Beta keeps 8… and its sending, Gamma gets a fresh id, Alpha's entry goes.
    const edited = { ...d, checked: { ...d.checked, [ALPHA.id]: false, [GAMMA.id]: true }, why: { ...d.why, [GAMMA.id]: ' Même logiciel. ' } };
    const ids = ['f'.repeat(32)];
    const out = extensionFromDraft(edited, [ALPHA.id, BETA.id, GAMMA.id], saved, () => ids.shift()!);
    expect(out.id).toBe(saved.id);
    expect(out.affected).toEqual([
      { structureId: BETA.id, why: 'Même procédure.' },
      { structureId: GAMMA.id, why: 'Même logiciel.' },
    ]);
    expect(out.imposed).toEqual([
      { structureId: BETA.id, actionId: hex('8'), sentAt: '2026-04-04T08:00:00.000Z' },
      { structureId: GAMMA.id, actionId: 'f'.repeat(32), sentAt: null },
    ]);
    expect(out.action).toEqual(ACTION);
  });

  it('gives a new analysis fresh ids, one per affected member', () => {
    const [nc] = heldNonConformities([alpha], []);
    const d = {
      ...newDraft(nc!),
      systemic: true,
      analysis: 'Commune.',
      checked: { [ALPHA.id]: true, [BETA.id]: true },
      why: { [ALPHA.id]: 'Source.', [BETA.id]: 'Même outil.' },
    };
    let n = 0;
    const out = extensionFromDraft(d, [ALPHA.id, BETA.id, GAMMA.id], null, () => String(++n).repeat(32));
    // Ids drawn in order: the extension's (1…), then Alpha's (2…), then Beta's (3…).
    expect(out.id).toBe(hex('1'));
    expect(out.imposed).toEqual([
      { structureId: ALPHA.id, actionId: hex('2'), sentAt: null },
      { structureId: BETA.id, actionId: hex('3'), sentAt: null },
    ]);
    expect(sourceKey(out.source)).toBe(`${ALPHA.id}/${hex('2')}/${hex('3')}`);
  });
});
