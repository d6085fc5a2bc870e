import { useMemo, useState } from 'react';
import type { Referential } from '../../domain/referential/model';
import type { GroupConsole } from '../../domain/group/console-model';
import { consolidate } from '../../domain/group/consolidation';
import { programmeCoverage } from '../../domain/group/audit-programme';
import { auditsDone, cycleOf, programmeMembers } from '../../domain/group/member-inputs';
import { buildGroupReview } from '../../domain/report/group-review';
import { buildCertificationPack } from '../../domain/report/certification-pack';
import { GroupIsland } from './GroupIsland';
import type { GroupData } from '../../storage/group';
import { todayIso } from './use-group';
import { ReviewForm } from './review/ReviewForm';
import { ReviewSummary, PackSummary } from './review/ReviewSummary';
import { PdfDownloads } from './review/PdfDownloads';

/** /groupe/revue/ — the group management review: its record, what its PDF holds, and the certification-body pack. */
export default function ReviewScreen() {
  return <GroupIsland current="/groupe/revue/">{(referential, data) => <Review referential={referential} data={data} />}</GroupIsland>;
}

type Data = GroupData & { group: GroupConsole };

function Review({ referential, data }: { referential: Referential; data: Data }) {
  const { group, shares, plan, draws, extensions } = data;
  // One day for the whole visit: the figures do not shift at midnight while the page is open.
  const [today] = useState(todayIso);
  const themes = useMemo(() => referential.themes.map((t) => ({ code: t.code, title: t.title, subThemes: t.subThemes.map((s) => ({ code: s.code, title: s.title })) })), [referential]);
  const consolidation = useMemo(
    () => consolidate(shares, { today, themeCodes: themes.map((t) => t.code), centralName: group.centralFunction }),
    [shares, today, themes, group.centralFunction],
  );
  const certification = group.mode === 'certification';
  const coverage = useMemo(() => {
    const cycle = cycleOf(group);
    return certification && cycle ? programmeCoverage(programmeMembers(shares, group), auditsDone(shares), cycle, today, plan) : null;
  }, [certification, group, shares, today, plan]);
  const shareMap = useMemo(() => new Map(shares.map((s) => [s.structureId, s])), [shares]);

  // The screen's models carry no fingerprint nor edition time: the downloads build their own with both.
  const makeReview = useMemo(
    () => (dataSha256: string, generatedAt: string) => buildGroupReview({ group, consolidation, themes, extensions, shares: shareMap, coverage, today, generatedAt, dataSha256 }),
    [group, consolidation, themes, extensions, shareMap, coverage, today],
  );
  const makePack = useMemo(
    () => (dataSha256: string, generatedAt: string) => buildCertificationPack({ group, members: consolidation.rows, draws, coverage, today, generatedAt, dataSha256 }),
    [group, consolidation, draws, coverage, today],
  );
  const review = useMemo(() => makeReview('', today), [makeReview, today]);
  const pack = useMemo(() => (certification ? makePack('', today) : null), [certification, makePack, today]);

  return (
    <>
      <ReviewForm group={group} today={today} />
      <ReviewSummary model={review} />
      {pack ? (
        <PackSummary model={pack} />
      ) : (
        <p className="notice">Le dossier pour l'organisme certificateur ne concerne qu'un groupe de certification CAP ISO 9001 : cette console suit des structures sans certification de groupe.</p>
      )}
      <PdfDownloads
        group={group}
        fingerprintOf={{ group, shares, extensions, plan, draws }}
        reviewDate={review.reviewDate}
        today={today}
        makeReview={makeReview}
        makePack={certification ? makePack : null}
      />
    </>
  );
}
