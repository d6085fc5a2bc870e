import { missingForCondition, targetsOf } from '../../domain/structure/applicability';
import type { StructureProfile } from '../../domain/structure/profile';
import type { Criterion, Referential } from '../../domain/referential/model';

/**
 * What a criterion says for this structure: its legal duty (and, when it starts at a threshold the profile does not
 * tell, what to fill in), and the notes the referential gives for the structure's conventionnements or group role.
 */
export function CriterionForStructure({ referential, criterion, profile }: { referential: Referential; criterion: Criterion; profile: StructureProfile }) {
  const targets = targetsOf(profile);
  const notes = Object.entries(criterion.notesFor).filter(([target]) => targets.has(target));
  const missing = criterion.regulatoryCondition ? missingForCondition(criterion.regulatoryCondition, profile) : [];
  if (!criterion.regulatory && notes.length === 0) return null;
  return (
    <>
      {criterion.regulatory && (
        <p className="notice">
          <strong>Exigence réglementaire</strong>
          {criterion.regulatoryCondition
            ? ` si elle s'applique à la structure : ${criterion.regulatoryCondition.rule}. Le profil ne dit pas ${missing.join(' ni ')} : renseignez-le dans Mon espace (« Modifier la structure »).`
            : ' pour cette structure : un niveau 0 ou 1 lève une alerte.'}
        </p>
      )}
      {notes.map(([target, note]) => (
        <p key={target} className="notice">
          <strong>Pour {referential.structureTypes.find((t) => t.id === target)?.name ?? target} :</strong> {note}
        </p>
      ))}
    </>
  );
}
